// Reading graph cases: each structural fault gets its code and JSON pointer (spec: error.codes),
// and the gradient of small graphs equals the closed form (spec: system.gradient).
import { describe, expect, it } from "vitest";
import type { GraphCase, RawNode } from "./case.js";
import { SpecError } from "./errors.js";
import { gradient } from "./gradient.js";
import { jvp } from "./jvp.js";

function graphCase(nodes: RawNode[], extra: Partial<GraphCase> = {}, output = nodes.at(-1)?.id ?? "x"): GraphCase {
  return {
    id: "t.case",
    description: "",
    kind: "graph",
    graph: { inputs: [{ id: "x", value: 2 }, { id: "A", value: [[1, 2], [3, 4]] }], constants: [{ id: "k", value: 3 }], nodes, output },
    ...extra,
  };
}

function errorOf(f: () => unknown): SpecError {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("structural faults", () => {
  const cases: [string, GraphCase, string, string][] = [
    ["unknown primitive", graphCase([{ id: "y", op: "frobnicate", args: ["x"] }]), "E_UNKNOWN_OP", "/graph/nodes/0/op"],
    ["wrong arity", graphCase([{ id: "y", op: "add", args: ["x"] }]), "E_ARITY", "/graph/nodes/0/args"],
    ["unknown argument", graphCase([{ id: "y", op: "exp", args: ["nope"] }]), "E_UNKNOWN_ID", "/graph/nodes/0/args/0"],
    ["self reference", graphCase([{ id: "y", op: "exp", args: ["y"] }]), "E_CYCLE", "/graph/nodes/0/args/0"],
    ["a two-node cycle is an order fault (spec: prim.graph.references)", graphCase([{ id: "y", op: "exp", args: ["z"] }, { id: "z", op: "exp", args: ["y"] }]), "E_ORDER", "/graph/nodes/0/args/0"],
    ["forward reference", graphCase([{ id: "y", op: "exp", args: ["z"] }, { id: "z", op: "exp", args: ["x"] }]), "E_ORDER", "/graph/nodes/0/args/0"],
    ["duplicate id", graphCase([{ id: "x", op: "exp", args: ["x"] }]), "E_DUPLICATE_ID", "/graph/nodes/0/id"],
    ["unknown output", graphCase([{ id: "y", op: "exp", args: ["x"] }], {}, "q"), "E_UNKNOWN_ID", "/graph/output"],
    ["wrt names a constant", graphCase([{ id: "y", op: "exp", args: ["x"] }], { wrt: ["k"] }), "E_UNKNOWN_ID", "/wrt/0"],
    ["wrt names an input twice", graphCase([{ id: "y", op: "exp", args: ["x"] }], { wrt: ["x", "x"] }), "E_DUPLICATE_ID", "/wrt/1"],
    ["pow without exponent", graphCase([{ id: "y", op: "pow", args: ["x"] }]), "E_ATTRIBUTE", "/graph/nodes/0"],
    ["exponent on exp", graphCase([{ id: "y", op: "exp", args: ["x"], exponent: 2 }]), "E_ATTRIBUTE", "/graph/nodes/0/exponent"],
    ["non-finite exponent", graphCase([{ id: "y", op: "pow", args: ["x"], exponent: "NaN" }]), "E_VALUE", "/graph/nodes/0/exponent"],
    ["shape mismatch", graphCase([{ id: "y", op: "add", args: ["x", "A"] }]), "E_SHAPE", "/graph/nodes/0"],
    ["matrix output without cotangent", graphCase([{ id: "y", op: "exp", args: ["A"] }]), "E_NOT_SCALAR", "/graph/output"],
    ["cotangent of the wrong shape", graphCase([{ id: "y", op: "exp", args: ["A"] }], { cotangent: 1 }), "E_SHAPE", "/cotangent"],
    ["log of a negative", graphCase([{ id: "n", op: "neg", args: ["x"] }, { id: "y", op: "log", args: ["n"] }]), "E_DOMAIN", "/graph/nodes/1"],
    ["ragged input", { ...graphCase([]), graph: { inputs: [{ id: "x", value: [[1, 2], [3]] }], nodes: [], output: "x" } }, "E_SCHEMA", "/graph/inputs/0/value/1"],
  ];
  it.each(cases)("%s", (_, c, code, pointer) => {
    const e = errorOf(() => gradient(c));
    expect(e.code).toBe(code);
    expect(e.where.pointer).toBe(pointer);
    expect(e.where.caseId).toBe("t.case");
    expect(e.message).toContain("case t.case");
  });
});

describe("gradients of small graphs against closed forms", () => {
  it("d/dx of x·x + k·x at x = 2, k = 3 is 2x + k = 7, with the repeated argument summed", () => {
    const c = graphCase([
      { id: "sq", op: "mul", args: ["x", "x"] },
      { id: "kx", op: "mul", args: ["k", "x"] },
      { id: "y", op: "add", args: ["sq", "kx"] },
    ], { wrt: ["x"] });
    expect(gradient(c)).toEqual({ value: 10, gradient: { x: 7 } });
  });
  it("d/dA of trace(A A) is 2Aᵀ; d/dx of a constant-free branch is 0", () => {
    const c = graphCase([{ id: "AA", op: "matmul", args: ["A", "A"] }, { id: "y", op: "trace", args: ["AA"] }]);
    expect(gradient(c)).toEqual({ value: 1 + 6 + 6 + 16, gradient: { x: 0, A: [[2, 6], [4, 8]] } });
  });
  it("an input as the output: the gradient is the cotangent", () => {
    const c = graphCase([], { cotangent: [[1, 0], [0, 5]], wrt: ["A"] }, "A");
    expect(gradient(c).gradient).toEqual({ A: [[1, 0], [0, 5]] });
  });
  it("forward mode: d/dt sin(x + t) at t = 0 is cos(2) (spec: system.forward)", () => {
    const c = graphCase([{ id: "y", op: "sin", args: ["x"] }]);
    expect(jvp(c, { x: 1 })).toEqual({ value: Math.sin(2), tangent: Math.cos(2) });
  });
});

describe("dead branches (spec: system.live)", () => {
  const at0 = (nodes: RawNode[], output: string): GraphCase => ({
    id: "t.live",
    description: "",
    kind: "graph",
    graph: { inputs: [{ id: "x", value: 0 }], constants: [{ id: "z", value: 0 }], nodes, output },
  });
  it("an unused sqrt(x) at x = 0 does not turn the gradient of x into NaN", () => {
    expect(gradient(at0([{ id: "r", op: "sqrt", args: ["x"] }], "x")).gradient).toEqual({ x: 1 });
    expect(gradient(at0([{ id: "r", op: "sqrt", args: ["x"] }, { id: "y", op: "sin", args: ["x"] }], "y")).gradient).toEqual({ x: 1 });
  });
  it("a live sqrt(x) at x = 0 times a zero keeps IEEE's ∞·0 = NaN", () => {
    const c = at0([{ id: "r", op: "sqrt", args: ["x"] }, { id: "y", op: "mul", args: ["z", "r"] }], "y");
    expect(gradient(c).gradient.x).toBeNaN();
  });
});
