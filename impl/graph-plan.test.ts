// The lower-level plan API and the specializations the differential tests cannot see directly:
// buffers reused across calls, adjoint slots reused by liveness, and the spec's edge rules with
// values worked out by hand from the spec lines cited.
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../reference/index.js";
import { impl } from "./backend.js";
import { compile } from "./graph-plan.js";

const graph = (g: GraphCase["graph"], more: Partial<GraphCase> = {}): GraphCase => ({ id: "t", description: "t", kind: "graph", graph: g, ...more });

/** A chain of tanh(W·X) layers: X_{l+1} = tanh(W_l X_l), loss sum(X_L). */
function chain(layers: number, n: number): GraphCase {
  const value = (s: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.sin(s + 3 * i + j) / n));
  const inputs = [{ id: "X0", value: value(0) }, ...Array.from({ length: layers }, (_, l) => ({ id: `W${l}`, value: value(l + 1) }))];
  const nodes = Array.from({ length: layers }, (_, l) => [
    { id: `Z${l}`, op: "matmul", args: [`W${l}`, l === 0 ? "X0" : `X${l}`] },
    { id: `X${l + 1}`, op: "tanh", args: [`Z${l}`] },
  ]).flat();
  return graph({ inputs, nodes: [...nodes, { id: "loss", op: "sum", args: [`X${layers}`] }], output: "loss" });
}

describe("GraphPlan", () => {
  it("reuses its buffers: a second call with new inputs gives the reference's answer at the new point", () => {
    const c = chain(3, 4);
    const plan = compile(c);
    plan.forward();
    plan.gradient();
    const W0 = Float64Array.from({ length: 16 }, (_, k) => Math.cos(k) / 4);
    plan.setInput(1, W0);
    const value = plan.forward()[0];
    const grads = plan.gradient().map((g) => Array.from(g));
    const rows = (a: Float64Array): number[][] => [0, 1, 2, 3].map((i) => Array.from(a.subarray(4 * i, 4 * i + 4)));
    const moved: GraphCase = { ...c, graph: { ...c.graph, inputs: c.graph.inputs.map((s) => (s.id === "W0" ? { id: "W0", value: rows(W0) } : s)) } };
    const r = reference.gradient(moved);
    expect(value).toBe(r.value);
    c.graph.inputs.forEach((s, w) => {
      const expected = (r.gradient[s.id] as number[][]).flat();
      grads[w]!.forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThanOrEqual(1e-15 * 64));
    });
  });

  it("reuses adjoint slots by liveness: a 40-layer chain keeps a few n×n slots, not one per node", () => {
    const plan = compile(chain(40, 4));
    const g = plan.code;
    const values = g.valOff[g.valOff.length - 1]! + 1; // values end with the scalar loss
    const adjointRegion = g.scratch[0] - values;
    // 41 wrt inputs (X0 and 40 W's) need their own slots; the nodes between share a handful.
    expect(adjointRegion).toBeLessThanOrEqual(41 * 16 + 4 * 16 + 1);
    expect(adjointRegion).toBeGreaterThanOrEqual(41 * 16);
  });

  it("skips the adjoints nothing reports: constants and inputs outside wrt get no slot", () => {
    const c = graph(
      { inputs: [{ id: "x", value: 2 }, { id: "z", value: 3 }], constants: [{ id: "k", value: 5 }], nodes: [{ id: "p", op: "mul", args: ["x", "k"] }, { id: "q", op: "mul", args: ["p", "z"] }], output: "q" },
      { wrt: ["x"] },
    );
    const plan = compile(c);
    expect(Array.from(plan.code.adjOff.slice(0, 3)).map((o) => o >= 0)).toEqual([true, false, false]);
    plan.forward();
    expect(Array.from(plan.gradient()[0]!)).toEqual([15]); // ∂(x·k·z)/∂x = k·z
  });
});

describe("the spec's edge rules", () => {
  it("relu'(0) = 0 at either zero (spec/03-primitives.md#prim.relu.kink)", () => {
    const c = graph({ inputs: [{ id: "x", value: [[0, "-0", 2, -1]] }], nodes: [{ id: "r", op: "relu", args: ["x"] }, { id: "s", op: "sum", args: ["r"] }], output: "s" });
    expect(impl.gradient(c).gradient).toEqual({ x: [[0, 0, 1, 0]] });
  });

  it("sqrt'(0) = +∞ for either zero, and 0·∞ = NaN on a live path (spec/03-primitives.md#prim.sqrt.edge)", () => {
    const c = graph({ inputs: [{ id: "x", value: [[0, "-0"]] }], nodes: [{ id: "r", op: "sqrt", args: ["x"] }], output: "r" }, { cotangent: [[1, 0]] });
    const { gradient } = impl.gradient(c);
    expect(gradient.x).toEqual([[Infinity, NaN]]);
  });

  it("a dead branch does not poison the gradient (spec/04-system.md#system.live)", () => {
    const c = graph({ inputs: [{ id: "x", value: 0 }], nodes: [{ id: "r", op: "sqrt", args: ["x"] }], output: "x" });
    expect(impl.gradient(c)).toEqual({ value: 0, gradient: { x: 1 } });
  });

  it("a live node with a zero cotangent keeps its terms: mul(z, sqrt(x)) at z = 0, x = 0 gives NaN (system.live)", () => {
    const c = graph({ inputs: [{ id: "x", value: 0 }], constants: [{ id: "z", value: 0 }], nodes: [{ id: "r", op: "sqrt", args: ["x"] }, { id: "y", op: "mul", args: ["z", "r"] }], output: "y" });
    expect(impl.gradient(c).gradient.x).toBeNaN();
  });

  it("repeated arguments sum their edges: mul(x, x) has derivative 2x (spec/04-system.md#system.repeated-argument)", () => {
    const c = graph({ inputs: [{ id: "x", value: [[3, -2]] }], nodes: [{ id: "y", op: "mul", args: ["x", "x"] }, { id: "s", op: "sum", args: ["y"] }], output: "s" });
    expect(impl.gradient(c).gradient).toEqual({ x: [[6, -4]] });
    expect(impl.jvp(c, { x: [[1, 1]] }).tangent).toBe(2);
  });

  it("NaN propagates through the sweep (spec/03-primitives.md#prim.nan)", () => {
    const c = graph({ inputs: [{ id: "x", value: "NaN" }, { id: "w", value: 2 }], nodes: [{ id: "y", op: "mul", args: ["x", "w"] }], output: "y" });
    const r = impl.gradient(c);
    expect(r.value).toBeNaN();
    expect(r.gradient.x).toBe(2);
    expect(r.gradient.w).toBeNaN();
  });

  it("evaluates nodes the output does not need, so their domain faults are the result (prim.graph.evaluation)", () => {
    const c = graph({ inputs: [{ id: "x", value: -1 }], nodes: [{ id: "r", op: "log", args: ["x"] }], output: "x" });
    expect(() => impl.gradient(c)).toThrow(expect.objectContaining({ code: "E_DOMAIN" }));
  });

  it("a domain fault before a shape fault is reported first, as evaluation order says (prim.graph.evaluation)", () => {
    const c = graph({
      inputs: [{ id: "x", value: -1 }, { id: "A", value: [[1, 2]] }],
      nodes: [{ id: "r", op: "sqrt", args: ["x"] }, { id: "m", op: "matmul", args: ["A", "A"] }],
      output: "r",
    });
    expect(() => impl.gradient(c)).toThrow(expect.objectContaining({ code: "E_DOMAIN" }));
    const later = { ...c, graph: { ...c.graph, inputs: [{ id: "x", value: 1 }, { id: "A", value: [[1, 2]] }] } };
    expect(() => impl.gradient(later)).toThrow(expect.objectContaining({ code: "E_SHAPE" }));
  });
});
