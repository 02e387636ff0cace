// jvp's tangent object is read by own members only: ids are free strings (spec: prim.graph.ids), so an input
// called "constructor" or "toString" without a tangent has the zero tangent (spec: backend.jvp, missing
// inputs are zero), not Object.prototype's member of that name. The reference and impl alike.
import { describe, expect, it } from "vitest";
import { impl } from "../impl/index.js";
import { reference } from "./backend.js";
import type { GraphCase } from "./case.js";

const c: GraphCase = {
  id: "t.prototype-ids",
  description: "",
  kind: "graph",
  graph: {
    inputs: [{ id: "constructor", value: 2 }, { id: "x", value: 3 }],
    constants: [{ id: "toString", value: 1 }],
    nodes: [
      { id: "hasOwnProperty", op: "mul", args: ["constructor", "x"] },
      { id: "valueOf", op: "add", args: ["hasOwnProperty", "toString"] },
    ],
    output: "valueOf",
  },
};

describe.each([
  ["reference", reference],
  ["impl", impl],
] as const)("%s jvp with ids named like Object.prototype members", (_, backend) => {
  it("an input without a tangent is zero, whatever its name", () => {
    expect(backend.jvp(c, {})).toEqual({ value: 7, tangent: 0 });
    expect(backend.jvp(c, { x: 1 })).toEqual({ value: 7, tangent: 2 });
    expect(backend.jvp(c, JSON.parse('{"constructor": 1}') as Record<string, number>)).toEqual({ value: 7, tangent: 3 });
  });
});
