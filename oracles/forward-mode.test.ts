// Forward mode and the dot-product test ⟨w, J v⟩ = ⟨Jᵀ• w, v⟩ between forward and reverse mode
// (spec: system.forward, law.forward-reverse), judged with the tolerance model (spec: tol.allowance).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import type { GraphCase } from "../reference/case.js";
import { parseTensor, type Tensor } from "../reference/index.js";
import { errorScale } from "./bound/error-scale.js";
import { PRECISION } from "./bound/precision-class.js";
import { KAPPA } from "./bound/tolerance.js";
import { dotProductTest, forwardMode } from "./forward-mode.js";

/** The worked example of spec/04-system.md: y = A x, l = ⟨y, y⟩ with A = [[1, 2], [3, 4]], x = [[1], [1]]. */
const worked: GraphCase = {
  id: "worked",
  description: "spec 4.5",
  kind: "graph",
  graph: {
    inputs: [
      { id: "A", value: [[1, 2], [3, 4]] },
      { id: "x", value: [[1], [1]] },
    ],
    nodes: [
      { id: "y", op: "matmul", args: ["A", "x"] },
      { id: "l", op: "dot", args: ["y", "y"] },
    ],
    output: "l",
  },
};

/** A deterministic tangent of each input's shape, entries in [−1, 1) (mulberry32). */
function tangents(c: GraphCase, seed: number): Record<string, Tensor> {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  };
  return Object.fromEntries(
    c.graph.inputs.map((x) => {
      const v = parseTensor(x.value);
      return [x.id, typeof v === "number" ? next() : v.map((row) => row.map(() => next()))];
    }),
  );
}

describe("forwardMode", () => {
  it("gives the worked example's directional derivative ẋ_l = 2⟨Ax, A ṗ⟩ = 48 (spec: system.forward)", () => {
    const r = forwardMode(worked, { x: [[1], [0]] });
    expect(r.value).toBe(58);
    expect(r.tangent).toBe(48);
  });
  it("treats a missing tangent as zero, and rejects tangents of non-inputs or of the wrong shape", () => {
    expect(forwardMode(worked, {}).tangent).toBe(0);
    expect(forwardMode(worked, { A: [[1, 0], [0, 0]] }).tangent).toBe(2 * 3 * 1); // dl = 2⟨y, dA x⟩ = 2·y₁·x₁
    expect(() => forwardMode(worked, { y: [[1], [1]] })).toThrow(RangeError);
    expect(() => forwardMode(worked, { x: 1 })).toThrow(RangeError);
  });
});

describe("dotProductTest (spec: law.forward-reverse)", () => {
  it("agrees exactly on the worked example, with scale = ⟨|w|, |J||v|⟩", () => {
    const t = dotProductTest(worked, 3, { x: [[1], [0]] });
    expect(t).toEqual({ lhs: 144, rhs: 144, difference: 0, scale: 144 });
    // With mixed signs the scale exceeds the result: v = (1, −1) gives ⟨∇_x l, v⟩ = 48 − 68 = −20
    // while ⟨|∇|, |v|⟩ through |A| is 2·(|y|ᵀ|A|)·(1, 1) = 116.
    const m = dotProductTest(worked, 1, { x: [[1], [-1]] });
    expect(m.lhs).toBe(-20);
    expect(m.scale).toBe(116);
  });

  it("takes a tensor cotangent for a matrix output: ⟨w, A v⟩ = ⟨Aᵀw, v⟩ = 7", () => {
    const c: GraphCase = { ...worked, graph: { ...worked.graph, nodes: [{ id: "y", op: "matmul", args: ["A", "x"] }], output: "y" } };
    // A v = [[1], [3]], ⟨[[1], [2]], A v⟩ = 7; Aᵀw = [[7], [10]], ⟨Aᵀw, v⟩ = 7.
    expect(dotProductTest(c, [[1], [2]], { x: [[1], [0]] })).toEqual({ lhs: 7, rhs: 7, difference: 0, scale: 7 });
  });

  it("forward and reverse agree within 2κ(D + P)·(u·scale + η) on random smooth graphs", () => {
    const { u, eta } = PRECISION.float64;
    let worst = 0;
    fc.assert(
      fc.property(smoothGraphCase(), fc.integer(), fc.double({ min: -2, max: 2, noNaN: true }), (c, seed, w) => {
        const v = tangents(c, seed);
        const t = dotProductTest(c, w, v);
        const D = errorScale({ ...c, cotangent: w }).depth;
        const P = Object.values(v).reduce<number>((n, x) => n + (typeof x === "number" ? 1 : x.length * (x[0]?.length ?? 0)), 0);
        // Each side: the solve's rounding (≤ D·u·scale) plus the final inner product over P elements;
        // η for results that underflow (fast-check tries w = 5e-324).
        const allowance = 2 * KAPPA * (D + P) * (u * t.scale + eta);
        expect(Math.abs(t.difference)).toBeLessThanOrEqual(allowance);
        expect(Math.abs(t.lhs)).toBeLessThanOrEqual(t.scale * (1 + 1e-12));
        worst = Math.max(worst, Math.abs(t.difference) / (u * t.scale + eta));
      }),
      { seed: 31, numRuns: 400 },
    );
    expect(worst).toBeLessThan(64); // observed ≈ 1; the assertion above is the real check
  });
});
