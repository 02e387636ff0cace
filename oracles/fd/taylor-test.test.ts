// The Taylor-remainder test: slope 2 for right gradients, 1 for wrong ones (spec: value.inner-product).
import { describe, expect, it } from "vitest";
import { fitSlope } from "./fit-slope.js";
import { taylorTest } from "./taylor-test.js";

interface Smooth {
  readonly name: string;
  readonly f: (x: Float64Array) => number;
  readonly grad: (x: Float64Array) => Float64Array;
  readonly x: Float64Array;
}

const smooth: Smooth[] = [
  {
    name: "sin(x0)·exp(x1)",
    f: (x) => Math.sin(x[0]!) * Math.exp(x[1]!),
    grad: (x) => Float64Array.of(Math.cos(x[0]!) * Math.exp(x[1]!), Math.sin(x[0]!) * Math.exp(x[1]!)),
    x: Float64Array.of(0.9, 0.2),
  },
  {
    name: "x0²·x1 + x1³",
    f: (x) => x[0]! ** 2 * x[1]! + x[1]! ** 3,
    grad: (x) => Float64Array.of(2 * x[0]! * x[1]!, x[0]! ** 2 + 3 * x[1]! ** 2),
    x: Float64Array.of(-1.5, 0.8),
  },
  {
    name: "log-sum-exp of 4",
    f: (x) => Math.log(x.reduce((s, v) => s + Math.exp(v), 0)),
    grad: (x) => {
      const z = x.reduce((s, v) => s + Math.exp(v), 0);
      return x.map((v) => Math.exp(v) / z);
    },
    x: Float64Array.of(0.3, -1, 2, 0.5),
  },
  {
    name: "1/(1 + ‖x‖²) at a large point",
    f: (x) => 1 / (1 + x.reduce((s, v) => s + v * v, 0)),
    grad: (x) => {
      const q = 1 + x.reduce((s, v) => s + v * v, 0);
      return x.map((v) => (-2 * v) / (q * q));
    },
    x: Float64Array.of(30, -12, 7),
  },
];

/** A fixed direction that is not the gradient (v = g would hide every error orthogonal to g). */
const direction = (n: number) => Float64Array.from({ length: n }, (_, i) => [0.6, -0.8, 0.35, -0.45][i]!);

describe("taylorTest", () => {
  for (const p of smooth) {
    it(`fits slope 2 ± 0.1 for the right gradient of ${p.name}`, () => {
      const r = taylorTest(p.f, p.x, p.grad(p.x), direction(p.x.length));
      expect(r.fitted).toBeGreaterThanOrEqual(4);
      expect(Math.abs(r.slope - 2)).toBeLessThanOrEqual(0.1);
    });

    it(`fits slope 1 ± 0.2 for a perturbed gradient of ${p.name}`, () => {
      for (const size of [1e-1, 1e-4]) {
        const g = p.grad(p.x);
        const scale = Math.max(...Array.from(g, Math.abs));
        g[0] = g[0]! + size * Math.max(scale, 1e-3);
        const r = taylorTest(p.f, p.x, g, direction(p.x.length));
        expect(Math.abs(r.slope - 1), `perturbation ${size}`).toBeLessThanOrEqual(0.2);
      }
    });
  }

  it("drops remainders under the noise floor and says how many it used", () => {
    const p = smooth[0]!;
    const r = taylorTest(p.f, p.x, p.grad(p.x), direction(2));
    // The default 30 steps reach 2e-11, where h²-sized remainders are far below rounding.
    expect(r.rows).toHaveLength(30);
    expect(r.used).toBeLessThan(30);
    expect(r.rows.filter((row) => row.used)).toHaveLength(r.used);
    const last = r.rows[r.rows.length - 1]!;
    expect(last.used).toBe(false);
    expect(last.remainder).toBeLessThan(last.floor);
  });

  it("has no slope where the remainder is rounding only (f linear along v)", () => {
    const r = taylorTest((x) => 3 * x[0]! - 2 * x[1]!, Float64Array.of(1, 2), Float64Array.of(3, -2), Float64Array.of(1, 1));
    expect(r.used).toBe(0);
    expect(Number.isNaN(r.slope)).toBe(true);
  });

  it("uses the steps it is given", () => {
    const p = smooth[1]!;
    const hs = [1e-3, 5e-4, 2.5e-4, 1.25e-4];
    const r = taylorTest(p.f, p.x, p.grad(p.x), direction(2), hs);
    expect(r.rows.map((row) => row.h)).toEqual(hs);
    expect(Math.abs(r.slope - 2)).toBeLessThan(0.1);
  });
});

describe("fitSlope", () => {
  it("recovers the exponent of a power law", () => {
    const xs = [1, 2, 4, 8, 16];
    expect(fitSlope(xs, xs.map((x) => 3 * x ** 1.5))).toBeCloseTo(1.5, 12);
    expect(Number.isNaN(fitSlope([1], [1]))).toBe(true);
  });
});

describe("taylorTest outside the domain", () => {
  it("returns no slope, without throwing, when f is undefined at x", () => {
    const r = taylorTest((x) => Math.log(x[0]!), Float64Array.of(-1), Float64Array.of(-1), Float64Array.of(1));
    expect(r.used).toBe(0);
    expect(Number.isNaN(r.slope)).toBe(true);
  });
});
