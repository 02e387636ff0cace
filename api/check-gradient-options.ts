/**
 * The settings of {@link checkGradient}, their defaults, and how a precision class turns into the
 * settings of the finite-difference sweep.
 *
 * Conventions: `u` is the unit roundoff of the precision class (spec/07-tolerance.md#tol.precision),
 * `κ` the safety factor (spec/07-tolerance.md#tol.kappa), `D` the assumed rounding depth of the
 * user's function (spec/07-tolerance.md#tol.depth), `b_i` the tolerance unit of element i.
 */
import type { FdOptions, ResolvedFdOptions } from "../oracles/fd/index.js";
import { FD_DEFAULTS, resolveFdOptions } from "../oracles/fd/index.js";
import { KAPPA, PRECISION, type PrecisionClass } from "../oracles/bound/index.js";
import type { Value } from "./value.js";

/** A gradient as the user's AD returns it: one entry per input, each any {@link Value} or a flat array. */
export type Gradients = readonly (Value | ArrayLike<number>)[];

/**
 * Settings of {@link checkGradient}. Only `gradient` is required.
 *
 * @typeParam I the tuple of input types, e.g. `[number, number[][]]`.
 */
export interface CheckGradientOptions<I extends readonly Value[]> {
  /**
   * The gradient under test: called once with the inputs, returns ∂f/∂input for every input, in
   * order, each shaped like its input or flat (row-major). Pass your AD here:
   * `(x, w) => tf.grads(g)([…]).map((t) => t.dataSync())` for TensorFlow.js, `jax.grad(f, { argnums })`
   * for JAX-style libraries, or a hand-written gradient.
   */
  readonly gradient: (...inputs: I) => Gradients;
  /** The names of the inputs in messages, e.g. `["x", "w"]` (default `arg0`, `arg1`, …). */
  readonly names?: readonly string[];
  /**
   * The arithmetic `f` and `gradient` compute in (default `"float64"`). `"float32"` rounds the inputs
   * to binary32 before anything is evaluated (both sides see the same point), snaps every finite-
   * difference step to a binary32 displacement, models the evaluation noise in binary32 ulps, starts
   * the sweep at larger steps and widens the tolerance to κ·D·2⁻²⁴ (spec/07-tolerance.md#tol.precision).
   */
  readonly precision?: PrecisionClass;
  /**
   * `"full"` judges every element of every input (one sweep each, ~55 evaluations of `f` per element
   * in float64, ~35 in float32); `"fast"` judges `directions` random projections ⟨g, v⟩ (one sweep
   * each, whatever the size) and, if one FAILs, runs the full check to name the element, like
   * gradcheck's fast mode; `"auto"` (default) is full up to {@link CHECK_GRADIENT_DEFAULTS}.autoFullLimit
   * elements (64) and fast above.
   */
  readonly mode?: "full" | "fast" | "auto";
  /** Random directions in fast mode (default 4). */
  readonly directions?: number;
  /**
   * Seed of the random directions (fast mode and the Taylor test). Default: a fixed seed
   * (230315449), so a test gives the same verdict every run; the seed is printed in every message,
   * and passing it back replays the check exactly.
   */
  readonly seed?: number;
  /**
   * Whether INCONCLUSIVE counts as `ok` (default `"ok"`): finite differences could not decide (a kink,
   * noise, a domain edge), which is no evidence against the gradient — provided some element or
   * direction PASSed: when nothing could be decided at all, `ok` is false either way, since such a
   * check proves nothing. `"fail"` makes `ok` false unless the verdict is PASS.
   */
  readonly inconclusive?: "ok" | "fail";
  /**
   * The tolerance unit b_i of every element (absolute). Default, with g the claimed gradient of
   * the element's input: max(|g_i|, 10⁻³·max_j |g_j|) in float64, max(|g_i|, max_j |g_j|) in
   * float32. It stands in for the error-bound scale b, which a black box does not reveal
   * (spec/07-tolerance.md#tol.bound): in float64 the sweep resolves about 10⁻⁶ of each element, far
   * above any rounding, so the floor only keeps exact zeros decidable; in float32 a small element's
   * rounding follows the magnitude of the terms it sums, which the largest element estimates.
   */
  readonly scale?: number;
  /**
   * The rounding depth D assumed for `f` and its gradient (default 100, about that of a small
   * MLP: spec/07-tolerance.md#tol.depth). An element within max(10⁻⁶, κ·D·u)·b_i of the
   * finite-difference estimate always passes: 10⁻⁶ is the resolution of the float64 sweep, κ·D·u
   * (1.2·10⁻⁵ for float32 with the default) what the precision class's own rounding may do.
   */
  readonly depth?: number;
  /** Whether to run the Taylor-remainder test as a second opinion (default true). */
  readonly taylor?: boolean;
  /** Overrides of the finite-difference sweep (defaults: `FD_DEFAULTS`, adjusted per precision class). */
  readonly fd?: FdOptions;
}

/** The defaults of {@link CheckGradientOptions}. */
export const CHECK_GRADIENT_DEFAULTS = Object.freeze({
  precision: "float64" as PrecisionClass,
  mode: "auto" as const,
  /** Largest total number of elements that `mode: "auto"` checks in full. */
  autoFullLimit: 64,
  directions: 4,
  seed: 230315449,
  inconclusive: "ok" as const,
  depth: 100,
  taylor: true,
});

/**
 * The sweep settings for a precision class: float64 uses `FD_DEFAULTS`; float32 sweeps 10⁻¹ … 10⁻⁶
 * (below that a binary32 input barely moves) and counts its rounding model in binary32 ulps.
 * Both use `rel = max(FD_DEFAULTS.rel, κ·D·u)`. Explicit `fd` settings win.
 *
 * @see spec/07-tolerance.md#tol.precision
 */
export function sweepOptions(precision: PrecisionClass, depth: number, fd: FdOptions = {}): ResolvedFdOptions {
  const { u } = PRECISION[precision];
  const rel = Math.max(FD_DEFAULTS.rel, KAPPA * depth * u);
  const base: FdOptions =
    precision === "float32"
      ? { maxStep: 1e-1, minStep: 1e-6, plateauRel: 1e-2, evalUlps: FD_DEFAULTS.evalUlps * (u / PRECISION.float64.u), rel }
      : { rel };
  return resolveFdOptions({ ...base, ...fd });
}
