// live(): the unknowns the output depends on, directly or through other nodes, the output and the
// sources it reads included (spec: system.live). The tfjs adapter reads the sources' membership.
import { describe, expect, it } from "vitest";
import type { GraphCase } from "./case.js";
import { readGraph } from "./graph.js";
import { live } from "./linearize.js";

const c: GraphCase = {
  id: "t.live",
  description: "",
  kind: "graph",
  graph: {
    inputs: [{ id: "x", value: 0.5 }, { id: "w", value: 2 }],
    nodes: [
      { id: "a", op: "sin", args: ["x"] }, // 2: live (y uses it)
      { id: "r", op: "sqrt", args: ["w"] }, // 3: dead, although q uses it
      { id: "q", op: "neg", args: ["r"] }, // 4: dead
      { id: "y", op: "exp", args: ["a"] }, // 5: the output
    ],
    output: "y",
  },
};

describe("live (spec: system.live)", () => {
  it("is the output and everything it reaches back to, sources included; a dead chain is out", () => {
    expect([...live(readGraph(c))].sort()).toEqual([0, 2, 5]);
  });
  it("an output that is an input is live alone", () => {
    expect([...live(readGraph({ ...c, graph: { ...c.graph, output: "w" } }))]).toEqual([1]);
  });
});
