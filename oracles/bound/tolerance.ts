/**
 * The per-element allowance of the tolerance model: κ·D·(u·b + η) where b > 0, exactly 0 where
 * b = 0 (no path contributes, so the result must be an exact zero), and NaN — "the model does not
 * apply" — where b is not finite.
 *
 * @see spec/07-tolerance.md#tol.allowance
 */
import type { Tensor } from "../../reference/index.js";
import * as T from "../../reference/tensor.js";
import type { ErrorScale } from "./error-scale.js";
import { PRECISION, type PrecisionClass } from "./precision-class.js";

/**
 * κ, the safety factor over the first-order bound D·u·b: it absorbs the second-order terms and
 * library functions that miss correct rounding by up to about one more ulp.
 *
 * @see spec/07-tolerance.md#tol.kappa
 */
export const KAPPA = 2;

export interface Allowance {
  readonly value: Tensor;
  readonly gradient: Readonly<Record<string, Tensor>>;
  /**
   * Nodes whose argument lies within 2κ·D·u of its own error magnitude from a kink or a domain
   * edge: the computed side of the kink may not be the exact one, so the results are outside the
   * model and a mismatch there is undecided, not a failure (spec: tol.scope).
   */
  readonly outsideModel: readonly string[];
  /**
   * Whether a magnitude of the computation exceeds the class's largest finite number: the backend
   * may overflow where the exact computation does not, so the whole case is outside the model for
   * this class (spec: tol.precision).
   */
  readonly outsideRange: boolean;
}

/**
 * The allowance of each element of one tensor with scale b and depth D. A backend that rounds its
 * inputs also rounds the cotangent (or right-hand side, or point): one more rounding on every path.
 *
 * @see spec/07-tolerance.md#tol.allowance
 */
export function allowance(b: Tensor, depth: number, precision: PrecisionClass = "float64"): Tensor {
  const { u, eta, roundsInputs } = PRECISION[precision];
  const d = depth + (roundsInputs ? 1 : 0);
  return T.map(b, (x) => (!Number.isFinite(x) ? NaN : x === 0 ? 0 : KAPPA * d * (u * x + eta)));
}

/** The allowances of a graph case's value and gradient. @see spec/07-tolerance.md#tol.allowance */
export function tolerance(scale: ErrorScale, precision: PrecisionClass = "float64"): Allowance {
  const { u, max, roundsInputs } = PRECISION[precision];
  const depth = scale.depth + (roundsInputs ? 1 : 0);
  const allow = (b: Tensor, extra: Tensor): Tensor => allowance(roundsInputs ? T.add(b, extra) : b, scale.depth, precision);
  return {
    value: allow(scale.value, scale.inputRounding.value),
    gradient: Object.fromEntries(
      Object.entries(scale.gradient).map(([id, b]) => [id, allow(b, scale.inputRounding.gradient[id] as Tensor)]),
    ),
    outsideModel: scale.fragile.filter((f) => (roundsInputs ? f.marginRounded : f.margin) <= 2 * KAPPA * depth * u).map((f) => f.node),
    outsideRange: scale.largest > max,
  };
}
