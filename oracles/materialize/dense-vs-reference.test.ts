// The dense solve against the reference's back substitution on random systems (issue 3: "the
// dense solve agrees with the reference within the bound"; spec: system.solution, system.solver).
// The bound is back-substitution-bound.ts's d, derived there; a miss means the reference (or the
// dense solve) computes a different solution, not rounding.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solve } from "../../reference/index.js";
import type { SystemCase } from "../../reference/case.js";
import { decimalContext, exact } from "../decimal.js";
import type { Decimal } from "../decimal.js";
import { delements, type DTensor } from "../dtensor.js";
import { backSubstitutionBound } from "./back-substitution-bound.js";
import { denseSolve } from "./dense-system.js";
import { randomSystemCase } from "./random-system-case.js";

const D = decimalContext(40);

/**
 * max over elements of |ŷ − y| / (d + ε) (0/0 counts as 0); > 1 is a miss. ε is the dense solve's
 * own error: elimination at 40 digits errs normwise, by about 10⁻⁴⁰·growth·cond·max|y|; with
 * growth·cond < 10¹⁰ for these sizes, ε = 10⁻³⁰·max b covers it (b ≥ |y|).
 */
function worstRatio(c: SystemCase): number {
  const reference = solve(c).solution;
  const dense = denseSolve(c, D).solution;
  const { bound, scale } = backSubstitutionBound(c, D);
  const eps = Object.values(scale).flatMap(delements).reduce((m, x) => (x.gt(m) ? x : m), new D(0)).times("1e-30");
  let worst = 0;
  for (const id of Object.keys(dense)) {
    const ys = delements(dense[id] as DTensor);
    const ds = delements(bound[id] as DTensor);
    const refs = [reference[id]].flat(2) as number[];
    ys.forEach((y, k) => {
      const err = exact(D, refs[k] as number).minus(y).abs();
      const d = (ds[k] as Decimal).plus(eps);
      if (err.isZero()) return;
      worst = Math.max(worst, d.isZero() ? Infinity : err.div(d).toNumber());
    });
  }
  return worst;
}

describe("dense solve vs the reference's back substitution", () => {
  it("the generator's cases are valid (the reference solves them)", () => {
    for (const c of fc.sample(randomSystemCase(), { numRuns: 200, seed: 11 })) expect(() => solve(c)).not.toThrow();
  });

  it("agree within the back-substitution bound on 300 random systems", () => {
    let worst = 0;
    fc.assert(
      fc.property(randomSystemCase(), (c) => {
        const r = worstRatio(c);
        worst = Math.max(worst, r);
        return r <= 1;
      }),
      { numRuns: 300, seed: 12 },
    );
    // The bound is a worst case; typical errors are far below it, but not all zero.
    expect(worst).toBeGreaterThan(0);
  }, 60_000);

  it("the reversed (eliminating) and natural (back-substituting) orders agree to 1e-30·max b", () => {
    fc.assert(
      fc.property(randomSystemCase(), (c) => {
        const a = denseSolve(c, D).solution;
        const b = denseSolve(c, D, { order: "natural" }).solution;
        const eps = Object.values(backSubstitutionBound(c, D).scale).flatMap(delements).reduce((m, x) => (x.gt(m) ? x : m), new D(0)).times("1e-30");
        return Object.keys(a).every((id) => {
          const bs = delements(b[id] as DTensor);
          return delements(a[id] as DTensor).every((x, k) => x.minus(bs[k] as Decimal).abs().lte(eps));
        });
      }),
      { numRuns: 100, seed: 13 },
    );
  }, 60_000);

  it("the bound separates rounding from bugs: the reference is inside it, a 1e-6 relative error is outside", () => {
    // rhs 1 through scale(0.1) three times: ȳ_a = 0.1³ at the doubles, with a bound of a few γ_K·b.
    const c: SystemCase = {
      id: "t",
      description: "",
      kind: "system",
      system: {
        unknowns: [{ id: "a", shape: [] }, { id: "b", shape: [] }, { id: "c", shape: [] }, { id: "d", shape: [] }],
        edges: [
          { from: "a", to: "b", operator: { op: "scale", by: 0.1 } },
          { from: "b", to: "c", operator: { op: "scale", by: 0.1 } },
          { from: "c", to: "d", operator: { op: "scale", by: 0.1 } },
        ],
        rhs: { d: 1 },
      },
    };
    const y = (denseSolve(c, D).solution["a"] as Decimal);
    const d = (backSubstitutionBound(c, D).bound["a"] as Decimal);
    const wrong = y.times(1 + 1e-6); // an error of 1e-6 relative is a bug, not rounding
    expect(wrong.minus(y).abs().gt(d)).toBe(true);
    expect(exact(D, solve(c).solution["a"] as number).minus(y).abs().lte(d)).toBe(true);
  });
});
