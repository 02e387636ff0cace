/**
 * The verdict on one claimed derivative, from a sweep: choose the window of steps where the
 * extrapolated estimates agree best, decide whether it is a plateau that the rest of the sweep does
 * not contradict, and compare.
 *
 * Conventions: a window is three consecutive extrapolated values E_{k−1}, E_k, E_{k+1} (four
 * central differences, all in the domain); its error estimate is
 *
 *     err_k    = max(spread, rounding, kink)
 *     spread   = max − min of the three values    (≥ 15× the truncation of E_k in the asymptotic
 *                                                  regime, and the visible part of the noise)
 *     rounding = the largest rounding bound in    (the invisible part: three noisy values can
 *                the window, at least 4u·|E_k|    agree by chance; a bound does not)
 *     kink     = ½·max |Ĵ_j| over j = k and the   (any value between the one-sided derivatives is
 *                finer steps j > k where Ĵ_j      as good as the centre; a kink on a grid finer
 *                exceeds its noise bound          than h_k is invisible at h_k, so finer steps
 *                                                 speak for it)
 *     own_k    = err_k without the finer steps' kinks: what the window knows by itself.
 *
 * A window is a plateau when err ≤ plateauRel·|E_k|; a clean window (no more noise around it than
 * the rounding model and the smallest steps show) is also a plateau when err ≤ plateauRel·scale, or when err is
 * negligible for the caller (safety·err ≤ rel·scale). A window is informative when it is a plateau
 * or safety·own ≤ |E|. The estimate is E_k of the window with the smallest err, the allowance
 * max(safety·err, rel·scale), and the roughness of f is σ/h_min when the noise σ measured at the
 * smallest in-domain step h_min exceeds the rounding model there a hundredfold, else 0.
 *
 *   no window, or the best one is no plateau               → INCONCLUSIVE (kink, noise, unstable, domain)
 *   an informative window j disagrees with it:
 *     |E_j − E_k| > max(safety·(own_j + own_k), rel·scale) → INCONCLUSIVE (inconsistent)
 *   |claimed − E_k| ≤ allowance                             → PASS
 *   |claimed − E_k| ≤ max(safety·roughness, rel·scale)      → INCONCLUSIVE (rough)
 *   otherwise                                               → FAIL
 *
 * Why each rule. A steady central difference proves nothing by itself: relu's is exactly ½ at 0 for
 * every step, hence the kink term. Three values can agree by accident: in a pre-asymptotic region
 * (sin(10⁹x) at large steps, where the "noise" is signal too fine for the step) or on a false floor
 * (a quantized f is constant at small steps, so every difference there is exactly 0). The rest of
 * the sweep contradicts such accidents, hence the consistency rule (over informative windows, not
 * only plateaus: the steps above a false floor are noisy but clearly elsewhere; pre-asymptotic
 * windows, whose error bar exceeds their value, know nothing and are left out), and the
 * clean-window rule (an estimate far below its error bar is trusted only where the noise is the
 * same as at the finest scale — rounding, or noise that is everywhere — not structure that only
 * coarse steps see). Last, noise σ that persists down to the smallest step can
 * hide a slope of about σ/h_min (f + 10⁻⁹·noise, or a jump of f at x), so roughness can turn a FAIL
 * into INCONCLUSIVE; it never touches a PASS. Noise within a hundred times the model is taken for
 * rounding (cancellation inside f easily beats 8 ulps of |f| tenfold) and hides nothing: a
 * staircase finer than the smallest step, with steps that small, does pass for a slope.
 *
 * @see spec/03-primitives.md#prim.relu.kink
 */
import type { DerivativeSweep } from "./derivative-sweep.js";
import type { ResolvedFdOptions } from "./fd-options.js";
import type { FdVerdict } from "./fd-verdict.js";

/**
 * Why the verdict is what it is. `agrees`/`disagrees`: a consistent plateau was found (PASS/FAIL).
 * The others are INCONCLUSIVE: `kink` (the one-sided derivatives differ), `noise` (rounding dominates
 * every window), `unstable` (consecutive estimates never agree: truncation, oscillation, or noise
 * beyond the model), `inconsistent` (two informative windows disagree), `rough` (the discrepancy
 * is within what the noise at the smallest step could hide), `domain` (too few steps
 * stay inside the domain), `undefined-at-x` (f fails at x itself).
 */
export type FdReason =
  | "agrees"
  | "disagrees"
  | "kink"
  | "noise"
  | "unstable"
  | "inconsistent"
  | "rough"
  | "domain"
  | "undefined-at-x";

/** One window of the sweep: rows k−1, k, k+1 and its error estimate. */
export interface FdWindow {
  /** Index of the centre row in `sweep.rows`. */
  readonly k: number;
  /** The centre row's step h_k. */
  readonly step: number;
  /** E_k. */
  readonly estimate: number;
  /** err_k = max(spread, rounding, kink). */
  readonly error: number;
  /** err_k without the kinks seen at finer steps: what this window knows by itself. */
  readonly ownError: number;
  readonly spread: number;
  readonly rounding: number;
  readonly kink: number;
  /** Whether the noise measured in all three rows is within the model or the smallest steps' noise. */
  readonly clean: boolean;
}

/** The verdict on one claimed derivative, with the numbers behind it and the whole sweep as evidence. */
export interface DerivativeCheck {
  readonly verdict: FdVerdict;
  readonly reason: FdReason;
  readonly claimed: number;
  /** The FD estimate E_k (NaN when there is no window). */
  readonly estimate: number;
  /** Its error estimate err_k (Infinity when there is no window). */
  readonly error: number;
  /** The chosen step h_k (NaN when there is no window). */
  readonly step: number;
  /** The tolerance scale the caller gave for this value. */
  readonly scale: number;
  /** max(safety · error, rel · scale). */
  readonly allowance: number;
  /** |claimed − estimate|. */
  readonly discrepancy: number;
  /** The chosen window (undefined when there is none). */
  readonly window?: FdWindow;
  /** For `inconsistent`: the informative window that disagrees with the chosen one. */
  readonly conflict?: FdWindow;
  /** σ/h_min when the noise at the smallest in-domain step exceeds the rounding model a hundredfold, else 0. */
  readonly roughness: number;
  /** Steps whose stencil left the domain. */
  readonly outOfDomain: number;
  readonly sweep: DerivativeSweep;
}

const U = 2 ** -53;

/** Judges `claimed` against the sweep (see the module comment for the rules). */
export function judgeSweep(sweep: DerivativeSweep, claimed: number, scale: number, o: ResolvedFdOptions): DerivativeCheck {
  const outOfDomain = sweep.rows.filter((row) => !row.inDomain).length;
  const windows = windowsOf(sweep);
  const best = windows.reduce<FdWindow | undefined>((b, w) => (b === undefined || w.error < b.error ? w : b), undefined);
  if (!Number.isFinite(sweep.value) || best === undefined) {
    const reason: FdReason = !Number.isFinite(sweep.value) ? "undefined-at-x" : outOfDomain > 0 ? "domain" : "unstable";
    const none = { estimate: NaN, error: Infinity, step: NaN, allowance: Infinity, discrepancy: NaN };
    return { verdict: "INCONCLUSIVE", reason, claimed, scale, ...none, roughness: NaN, outOfDomain, sweep };
  }
  const roughness = roughnessOf(sweep);
  const allowance = Math.max(o.safety * best.error, o.rel * scale);
  const discrepancy = Math.abs(claimed - best.estimate);
  const common = {
    claimed, estimate: best.estimate, error: best.error, step: best.step, scale, allowance, discrepancy,
    window: best, roughness, outOfDomain, sweep,
  };
  const plateau = (w: FdWindow) =>
    w.error <= o.plateauRel * Math.abs(w.estimate) ||
    (w.clean && (w.error <= o.plateauRel * scale || o.safety * w.error <= o.rel * scale));
  if (!plateau(best)) return { verdict: "INCONCLUSIVE", reason: whyNoPlateau(best, sweep), ...common };
  const conflict = windows.find(
    (w) =>
      (plateau(w) || o.safety * w.ownError <= Math.abs(w.estimate)) &&
      Math.abs(w.estimate - best.estimate) > Math.max(o.safety * (w.ownError + best.ownError), o.rel * scale),
  );
  if (conflict) return { verdict: "INCONCLUSIVE", reason: "inconsistent", conflict, ...common };
  if (discrepancy <= allowance) return { verdict: "PASS", reason: "agrees", ...common };
  if (discrepancy <= Math.max(o.safety * roughness, o.rel * scale)) return { verdict: "INCONCLUSIVE", reason: "rough", ...common };
  // Reached by a NaN claim too: it FAILs against a plateau.
  return { verdict: "FAIL", reason: "disagrees", ...common };
}

/** How far the measured noise must exceed the rounding model before f counts as rough (see above). */
const ROUGH = 100;

/** See the module comment; measured at the smallest in-domain row. */
function roughnessOf(sweep: DerivativeSweep): number {
  const last = [...sweep.rows].reverse().find((row) => row.inDomain);
  return last && last.measuredNoise > ROUGH * last.modelNoise ? last.measuredNoise / last.step : 0;
}

/** Every window whose four central differences are in the domain, with its error estimate. */
function windowsOf(sweep: DerivativeSweep): FdWindow[] {
  const rows = sweep.rows;
  const r = sweep.ratio;
  // finerJump[k]: the largest significant |Ĵ_j| over j ≥ k.
  const finerJump = new Array<number>(rows.length + 1).fill(0);
  for (let j = rows.length - 1; j >= 0; j--) {
    const row = rows[j]!;
    const significant = row.inDomain && Math.abs(row.jump) > jumpNoise(row.noise, row.step, r);
    finerJump[j] = Math.max(finerJump[j + 1]!, significant ? Math.abs(row.jump) : 0);
  }
  const windows: FdWindow[] = [];
  for (let k = 2; k + 1 < rows.length; k++) {
    const w = [rows[k - 1]!, rows[k]!, rows[k + 1]!];
    if (!rows[k - 2]!.inDomain || w.some((row) => !row.inDomain)) continue;
    const values = w.map((row) => row.extrapolated);
    const estimate = rows[k]!.extrapolated;
    const spread = Math.max(...values) - Math.min(...values);
    // 4u|E_k|: the extrapolation's own rounding, so that err is never below the estimate's ulp.
    const rounding = Math.max(...w.map((row) => row.rounding), 4 * U * Math.abs(estimate));
    const ownError = Math.max(spread, rounding, Math.abs(rows[k]!.jump) / 2);
    const kink = Math.max(Math.abs(rows[k]!.jump), finerJump[k + 1]!) / 2;
    const error = Math.max(ownError, kink);
    const clean = w.every((row) => row.measuredNoise <= Math.max(row.modelNoise, sweep.noise));
    if (Number.isFinite(error)) windows.push({ k, step: rows[k]!.step, estimate, error, ownError, spread, rounding, kink, clean });
  }
  return windows;
}

/**
 * The most noise alone can put into Ĵ: |J| = |S|/h ≤ 4σ/h, hence |Ĵ| ≤ 4σ/h · (r + 1/r)/(r − 1).
 * A larger |Ĵ| is a kink.
 */
function jumpNoise(noise: number, step: number, r: number): number {
  return ((4 * noise) / step) * ((r + 1 / r) / (r - 1));
}

/** Names the dominant part of the best window's error. */
function whyNoPlateau(best: FdWindow, sweep: DerivativeSweep): FdReason {
  const row = sweep.rows[best.k]!;
  if (best.kink >= best.spread && best.kink >= best.rounding && 2 * best.kink > jumpNoise(row.noise, row.step, sweep.ratio)) {
    return "kink";
  }
  if (best.rounding >= best.spread) return "noise";
  return "unstable";
}
