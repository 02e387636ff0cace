// Central differences with Richardson extrapolation on black-box functions: error estimates that
// bound the actual error, kinks and non-convergence reported as undecidable, domain edges left by
// shrinking the step (spec: prim.relu.kink, prim.domain).
import { describe, expect, it } from "vitest";
import { SpecError } from "../../reference/errors.js";
import { type Decimal, type DecimalContext, decimalContext } from "../decimal.js";
import { estimateDerivative } from "./estimate-derivative.js";

const D = decimalContext(40);
const L = decimalContext(34);
const H = decimalContext(70);
const steps = [0, 3, 6].map((k) => new D(10).pow(-6 - k));
const options = { steps, levels: 4, size: new D(0), scale: new D(1), accept: new D("1e-20"), lowDigits: 6 };
/** φ as a function of the step, evaluated at 40 digits (and at 34 for the rounding measurement). */
const along = (f: (C: DecimalContext, t: Decimal) => Decimal) => (t: Decimal) => ({ value: f(D, t), step: t, low: () => f(L, new L(t)) });

describe("estimateDerivative", () => {
  it("bounds its error on smooth functions, and the error is far below 1e-20", () => {
    const cases: [(C: DecimalContext, t: Decimal) => Decimal, Decimal][] = [
      // φ(t) = sin(x + t)·exp(x + t), x = 0.7: φ'(0) = (cos x + sin x)·e^x, by calculus, at 70 digits
      [(C, t) => new C("0.7").plus(t).sin().times(new C("0.7").plus(t).exp()), new H("0.7").cos().plus(new H("0.7").sin()).times(new H("0.7").exp())],
      // φ(t) = 1/(x + t)³: φ'(0) = −3/x⁴
      [(C, t) => new C(1).div(new C("0.7").plus(t).pow(3)), new H(-3).div(new H("0.7").pow(4))],
      // φ(t) = t⁷ + t: a polynomial of the table's degree, φ'(0) = 1
      [(_C, t) => t.pow(7).plus(t), new H(1)],
    ];
    for (const [f, exact] of cases) {
      const r = estimateDerivative(along(f), f(D, new D(0)), options);
      const actual = new H(r.value).minus(exact).abs();
      expect(actual.lte(r.error)).toBe(true);
      expect(r.error.div(exact.abs()).toNumber()).toBeLessThan(1e-28);
      expect(r.evaluations).toBe(8 + 2);
    }
  });
  it("counts the rounding that cancellation hides: φ(t) = ln(1 + δ(t)) rounds 1 + δ, not δ", () => {
    // δ(t) = 1e-14·(t + 0.3)/7: φ ≈ 4e-16 but 1 + δ rounds to an ulp of 1, ~1e-40: 1e-24 of φ, and
    // 1e-40/h = 1e-34 of the quotient (1e-20 of φ'); φ'(0) = (1e-14/7)/(1 + δ(0))
    const f = (_C: DecimalContext, t: Decimal): Decimal => t.plus("0.3").times("1e-14").div(7).plus(1).ln();
    const r = estimateDerivative(along(f), f(D, new D(0)), options);
    const exact = new H("1e-14").div(7).div(new H("3e-15").div(7).plus(1));
    expect(new H(r.value).minus(exact).abs().lte(r.error)).toBe(true);
    expect(r.error.div(exact).toNumber()).toBeGreaterThan(1e-22); // honest: the noise is there
    expect(r.error.div(exact).toNumber()).toBeLessThan(1e-17);
  });
  it("reports a kink at the point as undecidable: |t| has no derivative at 0", () => {
    const r = estimateDerivative(along((_C, t) => t.abs()), new D(0), options);
    expect(r.error.isFinite()).toBe(false);
  });
  it("sees past a kink inside the stencil once the step is small enough", () => {
    // φ(t) = relu(t + 1e-8): the steps 1e-6 straddle the kink, 1e-9 and below do not; φ'(0) = 1
    const r = estimateDerivative(along((C, t) => C.max(t.plus("1e-8"), 0)), new D("1e-8"), options);
    expect(r.value.eq(1)).toBe(true);
    expect(r.error.toNumber()).toBeLessThan(1e-25);
  });
  it("shrinks the step when the stencil leaves the domain", () => {
    // φ(t) = ln(1e-8 + t), undefined below t = −1e-8; φ'(0) = 1e8
    const f = (_C: DecimalContext, t: Decimal): Decimal => {
      const y = t.plus("1e-8");
      if (y.lte(0)) throw new SpecError("E_DOMAIN", "log of a non-positive number");
      return y.ln();
    };
    const r = estimateDerivative(along(f), f(D, new D(0)), options);
    expect(r.value.div(1e8).minus(1).abs().toNumber()).toBeLessThan(1e-20);
    expect(r.error.div(1e8).toNumber()).toBeLessThan(1e-20);
  });
  it("is undecidable when every stencil leaves the domain", () => {
    const f = (_C: DecimalContext, t: Decimal): Decimal => {
      if (t.lt(0)) throw new SpecError("E_DOMAIN", "sqrt of a negative number");
      return t.sqrt();
    };
    const r = estimateDerivative(along(f), new D(0), options);
    expect(r.value.isNaN() && !r.error.isFinite()).toBe(true);
  });
  it("is undecidable, not confidently wrong, when the steps cannot resolve the function", () => {
    // φ(t) = sin(1e15·t) varies on a scale of 1e-15, below every step tried; φ'(0) = 1e15
    const r = estimateDerivative(along((_C, t) => t.times(1e15).sin()), new D(0), options);
    expect(r.error.isFinite()).toBe(false);
  });
});
