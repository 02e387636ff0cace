// Whole gradients by float64 finite differences against closed forms (spec: system.gradient).
import { describe, expect, it } from "vitest";
import { checkGradient } from "./check-gradient.js";

const ones = (n: number) => new Float64Array(n).fill(1);

/** f(x) = ½ xᵀAx + bᵀx with a non-symmetric A: ∇f = ½(A + Aᵀ)x + b. */
const A = [
  [2, -1, 0.5],
  [0.3, 1.5, -2],
  [1, 0.25, 3],
];
const b = [0.5, -1, 2];
const quadratic = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < 3; i++) {
    s += b[i]! * x[i]!;
    for (let j = 0; j < 3; j++) s += 0.5 * x[i]! * A[i]![j]! * x[j]!;
  }
  return s;
};
const quadraticGradient = (x: Float64Array) =>
  Float64Array.from({ length: 3 }, (_, i) => b[i]! + [0, 1, 2].reduce((s, j) => s + 0.5 * (A[i]![j]! + A[j]![i]!) * x[j]!, 0));

/** log Σ exp(x_i), shifted by the maximum; ∇ = softmax(x). */
const logSumExp = (x: Float64Array) => {
  const m = Math.max(...x);
  return m + Math.log(x.reduce((s, v) => s + Math.exp(v - m), 0));
};
const softmax = (x: Float64Array) => {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const z = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / z);
};

const sinExp = (x: Float64Array) => Math.sin(x[0]!) * Math.exp(x[1]!);
const sinExpGradient = (x: Float64Array) => Float64Array.of(Math.cos(x[0]!) * Math.exp(x[1]!), Math.sin(x[0]!) * Math.exp(x[1]!));

const problems = [
  { name: "sin(x0)·exp(x1)", f: sinExp, grad: sinExpGradient, x: Float64Array.of(1.3, -0.7) },
  { name: "quadratic form", f: quadratic, grad: quadraticGradient, x: Float64Array.of(0.4, -1.2, 2.5) },
  { name: "log-sum-exp of 5", f: logSumExp, grad: softmax, x: Float64Array.of(0.1, -2, 3.5, 0.7, 1.9) },
];

describe("checkGradient", () => {
  for (const p of problems) {
    it(`passes the exact gradient of ${p.name}`, () => {
      const r = checkGradient(p.f, p.x, p.grad(p.x), ones(p.x.length));
      expect(r.verdict).toBe("PASS");
      expect(r.failed).toEqual([]);
      expect(r.inconclusive).toEqual([]);
    });

    it(`FAILs ${p.name} with one element off by 1e-4, and only that element`, () => {
      for (let i = 0; i < p.x.length; i++) {
        const g = p.grad(p.x);
        g[i] = g[i]! + 1e-4;
        const r = checkGradient(p.f, p.x, g, ones(p.x.length));
        expect(r.verdict).toBe("FAIL");
        expect(r.failed).toEqual([i]);
        expect(r.elements.filter((e) => e.verdict === "PASS")).toHaveLength(p.x.length - 1);
      }
    });
  }

  it("reports an INCONCLUSIVE element without hiding the others", () => {
    // relu(x0) + x1²: x0 sits on the kink, x1 is smooth.
    const f = (x: Float64Array) => Math.max(x[0]!, 0) + x[1]! ** 2;
    const ok = checkGradient(f, Float64Array.of(0, 2), Float64Array.of(0, 4), ones(2));
    expect(ok.verdict).toBe("INCONCLUSIVE");
    expect(ok.inconclusive).toEqual([0]);
    const bad = checkGradient(f, Float64Array.of(0, 2), Float64Array.of(0, 4.01), ones(2));
    expect(bad.verdict).toBe("FAIL");
    expect(bad.failed).toEqual([1]);
  });

  it("rejects mismatched lengths", () => {
    expect(() => checkGradient(sinExp, Float64Array.of(1, 2), Float64Array.of(1), ones(2))).toThrow(RangeError);
  });
});
