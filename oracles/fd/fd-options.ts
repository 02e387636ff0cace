/**
 * Settings of the float64 finite-difference oracle, with their defaults.
 *
 * Conventions: `h` is a step (already multiplied by the step scale max(1, |x_i|)), `r` the ratio
 * between consecutive steps, `u = 2⁻⁵³`, `scale` the per-element tolerance unit supplied by the
 * caller (e.g. the error-bound scale `b`), `err` the sweep's own error estimate.
 *
 * @see spec/04-system.md#system.gradient
 */
export interface FdOptions {
  /** Largest step, relative to max(1, |x_i|) (default 1e-2). */
  readonly maxStep?: number;
  /** Smallest step, relative to max(1, |x_i|) (default 1e-10). */
  readonly minStep?: number;
  /** Ratio between consecutive steps, > 1 (default 2: 27 steps from 1e-2 to 1.5e-10). */
  readonly ratio?: number;
  /** Tolerance unit: a claimed value within `rel · scale` of the estimate always passes (default 1e-6). */
  readonly rel?: number;
  /** Margin over the sweep's own error estimate that a discrepancy must exceed to FAIL (default 10). */
  readonly safety?: number;
  /**
   * A sweep has a plateau when its error estimate is at most `plateauRel · max(|estimate|, scale)`
   * (default 1e-3). Without a plateau the verdict is INCONCLUSIVE, never FAIL.
   */
  readonly plateauRel?: number;
  /** Assumed evaluation error of `f`, in units of u·|f| (default 8); a floor under the measured noise. */
  readonly evalUlps?: number;
  /** How many of the smallest in-domain steps measure the noise of `f` (default 6). */
  readonly noiseSamples?: number;
}

/** {@link FdOptions} with every default filled in. */
export type ResolvedFdOptions = Required<FdOptions>;

/** The defaults of {@link FdOptions}. */
export const FD_DEFAULTS: ResolvedFdOptions = Object.freeze({
  maxStep: 1e-2,
  minStep: 1e-10,
  ratio: 2,
  rel: 1e-6,
  safety: 10,
  plateauRel: 1e-3,
  evalUlps: 8,
  noiseSamples: 6,
});

/** Fills the defaults in and rejects settings that would make the sweep meaningless. */
export function resolveFdOptions(options: FdOptions = {}): ResolvedFdOptions {
  const o: ResolvedFdOptions = { ...FD_DEFAULTS, ...dropUndefined(options) };
  if (!(o.ratio > 1)) throw new RangeError(`fd: ratio must be > 1, got ${o.ratio}`);
  if (!(o.maxStep > 0 && o.minStep > 0 && o.minStep <= o.maxStep)) {
    throw new RangeError(`fd: need 0 < minStep <= maxStep, got ${o.minStep}, ${o.maxStep}`);
  }
  if (!(o.safety >= 1)) throw new RangeError(`fd: safety must be >= 1, got ${o.safety}`);
  if (!(o.rel >= 0 && o.plateauRel >= 0 && o.evalUlps >= 0)) throw new RangeError("fd: tolerances must be >= 0");
  if (!(o.noiseSamples >= 1)) throw new RangeError(`fd: noiseSamples must be >= 1, got ${o.noiseSamples}`);
  return o;
}

function dropUndefined(o: FdOptions): FdOptions {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as FdOptions;
}
