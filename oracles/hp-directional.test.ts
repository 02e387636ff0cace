// The directional derivative against a closed form and against the per-element high-precision
// gradient on random smooth graphs; undecidable at kinks; misuse refused (spec: system.forward,
// value.inner-product.tuple, prim.relu.kink).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import type { GraphCase, RawNode, RawTensor } from "../reference/case.js";
import { SpecError } from "../reference/errors.js";
import { type Decimal, decimalContext, exact } from "./decimal.js";
import { type DTensor, delements, dmap, fromNumbers } from "./dtensor.js";
import { directionalDerivative } from "./hp-directional.js";
import { highPrecisionGradient } from "./hp-gradient.js";

const H = decimalContext(60);

const graph = (inputs: { id: string; value: RawTensor }[], nodes: RawNode[], extra: Partial<GraphCase> = {}): GraphCase => ({
  id: "t",
  description: "test graph",
  kind: "graph",
  graph: { inputs, nodes, output: nodes.at(-1)?.id ?? inputs[0]!.id },
  ...extra,
});

/** Spec 4.5's example: l = ⟨Ax, Ax⟩, ∇A = 2(Ax)xᵀ = [[6, 6], [14, 14]], ∇x = 2AᵀAx = [[48], [68]]. */
const quadratic = graph(
  [{ id: "A", value: [[1, 2], [3, 4]] }, { id: "x", value: [[1], [1]] }],
  [{ id: "y", op: "matmul", args: ["A", "x"] }, { id: "l", op: "dot", args: ["y", "y"] }],
);

describe("directionalDerivative", () => {
  it("matches a closed form: ⟨∇l, v⟩ = 6 − 14 + 0.5·48 + 2·68 = 152", () => {
    const r = directionalDerivative(quadratic, { A: [[1, 0], [0, -1]], x: [[0.5], [2]] });
    expect(new H(r.derivative).minus(152).abs().lte(r.error)).toBe(true);
    expect(r.error.toNumber()).toBeLessThan(152 * 1e-20);
    expect(r.evaluations).toBe(7); // φ(0), φ(±h), φ(±h/2), and φ(±h) at 6 fewer digits
  });
  it("leaves an input the direction omits where it is, and gives 0 along v = 0", () => {
    const r = directionalDerivative(quadratic, { x: [[1], [0]] });
    expect(new H(r.derivative).minus(48).abs().lte(r.error)).toBe(true);
    expect(directionalDerivative(quadratic, { x: [[0], [0]] }).derivative.isZero()).toBe(true);
  });
  it("accepts a decimal direction", () => {
    const D = decimalContext(40);
    const r = directionalDerivative(quadratic, { A: fromNumbers(D, [[0, 0], [0, 1]]) });
    expect(new H(r.derivative).minus(14).abs().lte(r.error)).toBe(true);
  });
  it("is undecidable at relu's kink (spec: prim.relu.kink)", () => {
    const c = graph([{ id: "x", value: [[0, 1]] }], [{ id: "r", op: "relu", args: ["x"] }, { id: "s", op: "sum", args: ["r"] }]);
    expect(directionalDerivative(c, { x: [[1, 1]] }).error.isFinite()).toBe(false);
    // along a direction that keeps the kinked element still, it is decidable
    const r = directionalDerivative(c, { x: [[0, 1]] });
    expect(new H(r.derivative).minus(1).abs().lte(r.error) && r.error.isFinite()).toBe(true);
  });
  it("throws the forward evaluation's spec error, and refuses a misuse", () => {
    const c = graph([{ id: "x", value: -1 }], [{ id: "y", op: "log", args: ["x"] }]);
    expect(() => directionalDerivative(c, { x: 1 })).toThrow(SpecError);
    expect(() => directionalDerivative(quadratic, { y: 1 })).toThrow(RangeError);
    expect(() => directionalDerivative(quadratic, { x: [[1, 2]] })).toThrow(RangeError);
    expect(() => directionalDerivative({ ...quadratic, wrt: ["x"] }, { A: [[1, 0], [0, 1]] })).toThrow(RangeError);
  });
  it("agrees with ⟨per-element gradient, v⟩ within both error estimates on random smooth graphs, to 1e-20", () => {
    fc.assert(
      fc.property(smoothGraphCase(), fc.integer({ min: 1, max: 2 ** 31 - 2 }), (c, seed) => {
        let s = seed;
        const next = (): number => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
        const v = Object.fromEntries(c.graph.inputs.map((x) => [x.id, typeof x.value === "number" ? next() : (x.value as number[][]).map((row) => row.map(next))]));
        const d = directionalDerivative(c, v);
        const g = highPrecisionGradient(c);
        let inner = new H(0);
        let errorBound = d.error;
        // The size ⟨∇f, v⟩ would have without cancellation, ⟨|∇f|, |v|⟩, plus |f|·‖v‖∞/max(1, ‖x‖∞) for
        // where ∇f vanishes (cos at 0): the unit the estimator itself measures errors in.
        let scale = new H(0);
        let vmax = new H(0);
        let xmax = new H(1);
        for (const [id, dir] of Object.entries(v)) {
          const vs = delements(fromNumbers(H, dir as number | number[][]));
          const gs = delements(g.gradient[id] as DTensor);
          const es = delements(g.error[id] as DTensor);
          vs.forEach((x, i) => {
            inner = inner.plus(new H(gs[i] as Decimal).times(x));
            errorBound = errorBound.plus((es[i] as Decimal).times(x.abs()));
            scale = scale.plus(new H(gs[i] as Decimal).abs().times(x.abs()));
            vmax = H.max(vmax, x.abs());
          });
          const input = c.graph.inputs.find((x) => x.id === id)!.value as number | number[][];
          xmax = H.max(xmax, ...delements(fromNumbers(H, input)).map((x) => x.abs()));
        }
        scale = scale.plus(new H(g.value as Decimal).abs().times(vmax).div(xmax));
        expect(new H(d.derivative).minus(inner).abs().lte(errorBound)).toBe(true);
        // (plus 1e-30 absolute for a function with no scale at all: tanh(x)³ at x = 0 is 0 to third order)
        expect(d.error.lte(scale.times("1e-20").plus("1e-30"))).toBe(true);
      }),
      { seed: 11, numRuns: 150 },
    );
  });
});

describe("directionalDerivative's steps respect the point's scale", () => {
  it("differentiates at large inputs: d/dt exp(x + t)/e^x at x = 300 is 1", () => {
    const c = graph([{ id: "x", value: 300 }], [{ id: "e", op: "exp", args: ["x"] }]);
    const r = directionalDerivative(c, { x: 1 });
    const want = exact(H, 300).exp();
    expect(new H(r.derivative).minus(want).abs().lte(r.error)).toBe(true);
    expect(r.error.div(want).toNumber()).toBeLessThan(1e-20);
  });
  it("keeps a tiny direction's step in proportion: ⟨∇, v⟩ scales with v", () => {
    const r = directionalDerivative(quadratic, { x: dmap(fromNumbers(decimalContext(40), [[1], [0]]), (y) => y.times("1e-30")) });
    expect(new H(r.derivative).minus("48e-30").abs().lte(r.error)).toBe(true);
    expect(r.error.toNumber()).toBeLessThan(48e-30 * 1e-20);
  });
});
