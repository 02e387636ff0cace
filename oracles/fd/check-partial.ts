/**
 * One partial derivative ∂f/∂x_i judged by float64 finite differences.
 *
 * The steps are relative to max(1, |x_i|), and each is snapped to a displacement the input can
 * represent, h⁺ = (x_i + h) − x_i, so that the difference quotient divides by the distance that was
 * actually travelled (otherwise rounding x_i + h costs up to u·|x_i|/h of relative accuracy).
 *
 * @see spec/04-system.md#system.gradient
 */
import { derivativeSweep } from "./derivative-sweep.js";
import { evaluateSafely, type ForwardFunction } from "./evaluate-safely.js";
import { resolveFdOptions, type FdOptions } from "./fd-options.js";
import { judgeSweep, type DerivativeCheck } from "./judge-sweep.js";

/**
 * Judges a claimed ∂f/∂x_i at `x`.
 *
 * @param f the forward function in float64; a throw or a non-finite value means "outside the domain".
 * @param claimed the value under test.
 * @param scale the tolerance unit for this element (e.g. the error-bound scale b_i); must be ≥ 0.
 */
export function checkPartial(
  f: ForwardFunction,
  x: Float64Array,
  i: number,
  claimed: number,
  scale: number,
  options: FdOptions = {},
): DerivativeCheck {
  if (!(Number.isInteger(i) && i >= 0 && i < x.length)) throw new RangeError(`checkPartial: index ${i} outside 0..${x.length - 1}`);
  const o = resolveFdOptions(options);
  const xi = x[i]!;
  const point = Float64Array.from(x);
  const line = {
    at: (t: number) => {
      point[i] = xi + t;
      return evaluateSafely(f, point);
    },
    snap: (t: number) => xi + t - xi,
  };
  return judgeSweep(derivativeSweep(line, Math.max(1, Math.abs(xi)), Math.abs(xi), o), claimed, scale, o);
}
