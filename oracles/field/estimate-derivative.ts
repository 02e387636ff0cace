/**
 * The derivative at t = 0 of a scalar function φ(t) known only through evaluations, by central
 * differences at steps h_i = h_0/2^i with Richardson extrapolation, an error estimate, a kink test
 * and step shrinking near domain edges. Independent of every derivative rule: φ is a black box.
 *
 * Conventions: `φ(t)` is the objective at the point moved by t (along one input element, or along a
 * direction); `φ(0)` is given. The point moved by t may be rounded, so φ reports the step it
 * actually took (for one element, (x + t) − x, which is exact).
 *
 * Rounding: the error of one evaluation is measured, not assumed — φ(±h_0) are evaluated again with
 * `lowDigits` fewer digits and the difference, scaled back by 10^{−lowDigits}, is the rounding of
 * an evaluation at full precision (cancellation inside the graph included: ln(1 + δ) rounds 1 + δ
 * to the digits of 1, not of δ, which |φ|·10^{−P} would miss). Four times it, over h, floors the
 * error of each quotient, and the floor is carried through the extrapolation.
 *
 * Kinks: at a kink (relu at 0) central differences converge — to the average of the one-sided
 * slopes — with a tiny error, a confident wrong answer. The forward and backward one-sided
 * quotients φ(±h_i) − φ(0) come for free from the same evaluations; extrapolated, they agree to
 * within their error estimates at a smooth point and differ by the jump at a kink, which is then
 * reported as undecidable (error = Infinity).
 *
 * @see spec/03-primitives.md#prim.relu.kink
 * @see spec/03-primitives.md#prim.domain
 */
import { SpecError } from "../../reference/errors.js";
import type { Decimal } from "../decimal.js";
import { richardson } from "./richardson.js";

/**
 * One evaluation: φ at the point moved by (about) t, the step actually taken, and the same point
 * evaluated with `lowDigits` fewer digits (called for the largest step only).
 */
export interface Sample {
  readonly value: Decimal;
  readonly step: Decimal;
  low(): Decimal;
}

export interface DerivativeEstimate {
  /** The extrapolated derivative; NaN when no stencil stayed inside the domain. */
  readonly value: Decimal;
  /** Its error estimate (≥ 0); Infinity when undecidable (domain edge, kink, non-finite values). */
  readonly error: Decimal;
  /** How many times φ was evaluated. */
  readonly evaluations: number;
}

export interface EstimateOptions {
  /** Largest steps to try, in order; the next is tried when a stencil leaves the domain or is inaccurate. */
  readonly steps: readonly Decimal[];
  /** Central quotients per step (h_0, h_0/2, …). */
  readonly levels: number;
  /**
   * How far rounding the moved point misplaces it, per unit of t (0 for one element, whose step is
   * exact; ‖x‖∞/‖v‖∞ along v): it perturbs φ by about u·|φ'|·size, a term of the rounding floor.
   */
  readonly size: Decimal;
  /** How many digits fewer `Sample.low` carries. */
  readonly lowDigits: number;
  /** The step scale (max(1, size)-like): a natural unit of φ' is |φ(0)|/scale. */
  readonly scale: Decimal;
  /** Accept a step once error ≤ accept·(|φ'| + |φ(0)|/scale + secant slope); else try the next step. */
  readonly accept: Decimal;
}

/** Safety factor on the measured rounding error (two samples of a roughly uniform error). */
const ROUNDING_SAFETY = 4;

/**
 * φ'(0) from φ(0) = `base` and evaluations of φ: per step of `options.steps` (until one is
 * accepted), 2·levels + 2 evaluations. A spec error `E_DOMAIN` from φ moves on to the next step;
 * any other error propagates.
 *
 * @see spec/04-system.md#system.gradient
 * @see spec/03-primitives.md#prim.relu.kink
 */
export function estimateDerivative(phi: (t: Decimal) => Sample, base: Decimal, options: EstimateOptions): DerivativeEstimate {
  const D = base.constructor as typeof Decimal;
  const u = new D(10).pow(1 - D.precision);
  const shrink = new D(10).pow(-options.lowDigits);
  let best: DerivativeEstimate = { value: new D(NaN), error: new D(Infinity), evaluations: 0 };
  let evaluations = 0;
  /**
   * The natural unit of φ' at a step: |φ'| itself; or, where φ' is near 0, |φ(0)| per step scale, or
   * the largest secant slope |φ(±h_0) − φ(0)|/h_0 — the size of φ's variation (x − tanh x at 0 has
   * φ' = φ(0) = 0 but secants of h²/3).
   */
  const unit = (value: Decimal, secant: Decimal): Decimal => value.abs().plus(base.abs().div(options.scale)).plus(secant);
  let bestSecant = new D(0);
  /** Error estimates of the attempts that completed without a kink, largest step first. */
  const attempts: Decimal[] = [];
  for (const h0 of options.steps) {
    const central: Decimal[] = [];
    const forward: Decimal[] = [];
    const backward: Decimal[] = [];
    const noise: Decimal[] = [];
    const oneSidedNoise: Decimal[] = [];
    let measured = new D(0);
    let secant = new D(0);
    try {
      for (let i = 0; i < options.levels; i++) {
        const h = h0.div(new D(2).pow(i));
        const [plus, minus] = [phi(h), phi(h.neg())];
        evaluations += 2;
        if (i === 0) {
          // The rounding error of one evaluation, measured: twice at lower precision, scaled back.
          measured = D.max(plus.value.minus(plus.low()).abs(), minus.value.minus(minus.low()).abs()).times(shrink);
          evaluations += 2;
          secant = D.max(plus.value.minus(base).div(plus.step).abs(), minus.value.minus(base).div(minus.step).abs());
        }
        const q = plus.value.minus(minus.value).div(plus.step.minus(minus.step));
        central.push(q);
        forward.push(plus.value.minus(base).div(plus.step));
        backward.push(base.minus(minus.value).div(minus.step.neg()));
        const rounding = D.max(measured, u.times(D.max(plus.value.abs(), minus.value.abs(), base.abs()))).plus(u.times(q.abs()).times(options.size));
        noise.push(rounding.times(ROUNDING_SAFETY).div(h));
        oneSidedNoise.push(rounding.times(ROUNDING_SAFETY * 2).div(h));
      }
    } catch (e) {
      if (e instanceof SpecError && e.code === "E_DOMAIN") continue; // the stencil left the domain: a smaller step
      throw e;
    }
    const c = richardson(central, noise, 2, 2);
    const f = richardson(forward, oneSidedNoise, 1, 1);
    const b = richardson(backward, oneSidedNoise, 1, 1);
    const kink = f.error.isFinite() && b.error.isFinite() && f.value.minus(b.value).abs().gt(f.error.plus(b.error).plus(c.error).times(10));
    // A kink inside the stencil but not at the point may vanish at a smaller step; one at the point never does.
    if (kink) {
      if (best.value.isNaN()) best = { value: c.value, error: new D(Infinity), evaluations };
      continue;
    }
    if (c.error.isFinite()) attempts.push(c.error);
    if (c.error.lt(best.error) || best.value.isNaN()) [best, bestSecant] = [{ ...c, evaluations }, secant];
    if (c.error.lte(options.accept.times(unit(c.value, secant)))) return { ...best, evaluations };
  }
  // No step reached the accepted level. A table that has not converged even to half as many digits
  // may not be in its asymptotic regime (sin at x = 1e300 with steps of 1e294: the quotients are
  // noise, and so are their differences), and then its error estimate means nothing — unless the
  // estimates shrink steadily with the step, as truncation does (tanh(t)³ at 0: φ' = 0 and φ(0) = 0
  // leave no relative unit, but the errors fall from 1e-26 to 1e-32 to 1e-38).
  const converged = best.error.lte(options.accept.sqrt().times(unit(best.value, bestSecant)));
  const shrinking = attempts.length >= 2 && attempts.every((e, i) => i === 0 || e.lte(attempts[i - 1] as Decimal)) && best.error.lt((attempts[0] as Decimal).div(1000));
  if (!converged && !shrinking) return { value: best.value, error: new D(Infinity), evaluations };
  return { ...best, evaluations };
}
