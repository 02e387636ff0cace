// Properties over random smooth functions with closed-form gradients (spec: system.gradient):
// the true gradient never FAILs; one element perturbed by 1e-4·max(1, |g_i|) FAILs, alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGradient } from "./check-gradient.js";
import { randomSmoothFunction } from "./random-smooth-function.js";

const unit = (g: Float64Array) => g.map((gi) => Math.max(1, Math.abs(gi)));

describe("float64 FD over random smooth functions", () => {
  it("never FAILs the true gradient, and FAILs exactly the perturbed element", () => {
    fc.assert(
      fc.property(randomSmoothFunction(), fc.nat(), fc.boolean(), (p, pick, up) => {
        const g = p.gradient(p.x);
        const scale = unit(g);
        const right = checkGradient(p.f, p.x, g, scale);
        expect(right.failed, p.formula).toEqual([]);
        const i = pick % g.length;
        const bad = Float64Array.from(g);
        bad[i] = bad[i]! + (up ? 1 : -1) * 1e-4 * scale[i]!;
        const wrong = checkGradient(p.f, p.x, bad, scale);
        expect(wrong.failed, p.formula).toEqual([i]);
      }),
      { seed: 3, numRuns: 1000 },
    );
  });

  it("never FAILs the true gradient with no tolerance unit at all (scale 0)", () => {
    fc.assert(
      fc.property(randomSmoothFunction(), (p) => {
        const g = p.gradient(p.x);
        expect(checkGradient(p.f, p.x, g, new Float64Array(g.length)).failed, p.formula).toEqual([]);
      }),
      { seed: 4, numRuns: 300 },
    );
  });
});
