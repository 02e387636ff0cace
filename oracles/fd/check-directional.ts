/**
 * The directional check: the derivative of t ↦ f(x + t·v) at 0 by float64 finite differences,
 * against the claimed ⟨g, v⟩. One sweep (55 evaluations with the defaults) whatever the length of x:
 * the cheap check for large inputs, at the price of only seeing the projection of an error on v.
 *
 * Conventions: the steps are relative to max(1, ‖x‖∞)/‖v‖∞, so that the largest element moves by
 * about `step · max(1, ‖x‖∞)`; the tolerance unit is Σ|v_i|·scale_i, the unit an error of
 * `rel · scale_i` in every element would produce in ⟨g, v⟩. Unlike a coordinate step, x + t·v
 * cannot be snapped to a representable displacement: its elements are rounded, which the noise
 * model covers with the input size ‖x‖∞/‖v‖∞ along the line (and the noise measurement with
 * whatever that misses, e.g. when ∇f is nearly orthogonal to v).
 *
 * @see spec/01-values.md#value.inner-product
 */
import { derivativeSweep } from "./derivative-sweep.js";
import { evaluateSafely, type ForwardFunction } from "./evaluate-safely.js";
import { resolveFdOptions, type FdOptions } from "./fd-options.js";
import { judgeSweep, type DerivativeCheck } from "./judge-sweep.js";

/**
 * Judges ⟨g, v⟩ as the directional derivative of f at x along v (v ≠ 0).
 *
 * @param scale per-element tolerance units, combined as Σ|v_i|·scale_i.
 */
export function checkDirectional(
  f: ForwardFunction,
  x: Float64Array,
  g: Float64Array,
  v: Float64Array,
  scale: Float64Array,
  options: FdOptions = {},
): DerivativeCheck {
  if (g.length !== x.length || v.length !== x.length || scale.length !== x.length) {
    throw new RangeError(`checkDirectional: x, g, v and scale must have one length`);
  }
  const vmax = maxAbs(v);
  if (!(vmax > 0 && Number.isFinite(vmax))) throw new RangeError("checkDirectional: v must be finite and nonzero");
  const o = resolveFdOptions(options);
  let claimed = 0;
  let unit = 0;
  for (let i = 0; i < x.length; i++) {
    claimed += g[i]! * v[i]!;
    unit += Math.abs(v[i]!) * scale[i]!;
  }
  const xmax = maxAbs(x);
  const point = new Float64Array(x.length);
  const line = {
    at: (t: number) => {
      for (let i = 0; i < x.length; i++) point[i] = x[i]! + t * v[i]!;
      return evaluateSafely(f, point);
    },
    snap: (t: number) => t,
  };
  return judgeSweep(derivativeSweep(line, Math.max(1, xmax) / vmax, xmax / vmax, o), claimed, unit, o);
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const e of a) m = Math.max(m, Math.abs(e));
  return m;
}
