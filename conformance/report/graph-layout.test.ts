// The layered drawing: sources in column 0, a node right of its deepest argument, the output alone
// at the right, each column ordered by the mean height of its arguments (spec: conform.html).
import { describe, expect, it } from "vitest";
import type { GraphCase } from "../../reference/case.js";
import { layoutGraph } from "./graph-layout.js";

// Inputs a, b and constant c (heights −1, 0, 1). u = exp(c) comes first in the file but hangs below
// v = sin(a); d = cos(u) is dead and as deep as the output would be.
const c: GraphCase = {
  id: "layout",
  description: "",
  kind: "graph",
  graph: {
    inputs: [{ id: "a", value: 1 }, { id: "b", value: 2 }],
    constants: [{ id: "c", value: 3 }],
    nodes: [
      { id: "u", op: "exp", args: ["c"] },
      { id: "v", op: "sin", args: ["a"] },
      { id: "d", op: "cos", args: ["u"] },
      { id: "y", op: "add", args: ["u", "v"] },
    ],
    output: "y",
  },
};

describe("layoutGraph", () => {
  const l = layoutGraph(c);
  const at = (id: string) => l.boxes.find((b) => b.id === id);

  it("puts sources in column 0 in file order and each node right of its deepest argument", () => {
    expect(["a", "b", "c", "u", "v", "d"].map((id) => at(id)?.layer)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(["a", "b", "c"].map((id) => at(id)?.slot)).toEqual([0, 1, 2]);
    expect(at("c")?.kind).toBe("constant");
  });

  it("orders a column by its arguments' heights: v (from a, at the top) above u (from c)", () => {
    expect(at("v")?.slot).toBe(0);
    expect(at("u")?.slot).toBe(1);
    expect((at("v")?.y ?? 0) < (at("u")?.y ?? 0)).toBe(true);
  });

  it("gives the output a column of its own at the right, even past a deeper dead node", () => {
    expect(at("y")?.layer).toBe(3);
    expect(at("y")?.output).toBe(true);
    const right = Math.max(...l.boxes.map((b) => b.x));
    expect(at("y")?.x).toBe(right);
    expect(Math.min(...l.boxes.map((b) => b.x))).toBe(at("a")?.x);
    expect(l.width).toBeGreaterThanOrEqual(right + (at("y")?.w ?? 0));
  });

  it("draws one edge per argument position, from the argument to the node", () => {
    expect(l.edges).toEqual([
      { from: "c", to: "u" },
      { from: "a", to: "v" },
      { from: "u", to: "d" },
      { from: "u", to: "y" },
      { from: "v", to: "y" },
    ]);
  });
});
