/**
 * The evidence of a finite-difference sweep along one line t ↦ φ(t): central and one-sided
 * differences over a geometric sequence of steps, one level of Richardson extrapolation, and
 * estimates of the truncation and rounding error of every extrapolated value.
 *
 * Conventions: rows run from the largest step to the smallest; `h_k = maxStep · s · r^−k` is row
 * k's nominal step (s = the caller's step scale), `h⁺`/`h⁻` the displacements actually taken
 * (representable, so the differences divide by the true distance), `D_k` the central difference,
 * `E_k = (r² D_k − D_{k−1})/(r² − 1)` its extrapolation (error O(h⁴)), `σ` a bound on the noise of
 * one evaluation of φ, `J_k = F_k − B_k` the gap between forward and backward differences. For a
 * differentiable φ, `J(h) = φ''h + O(h³)`, so `Ĵ_k = (r J_k − J_{k−1})/(r − 1)` tends to 0; at a
 * kink it tends to the jump of the derivative. That is what tells relu's perfectly steady central
 * difference ½ at 0 from a real plateau.
 *
 * @see spec/04-system.md#system.gradient
 */
import type { SafeValue } from "./evaluate-safely.js";
import type { ResolvedFdOptions } from "./fd-options.js";

/** One step of the sweep. Every difference is NaN when a stencil point left the domain. */
export interface SweepRow {
  /** Nominal step h (absolute: the relative step times the step scale). */
  readonly step: number;
  /** Whether φ(h⁺) and φ(−h⁻) were both finite and the step was resolvable at x. */
  readonly inDomain: boolean;
  /** Central difference (φ(h⁺) − φ(−h⁻)) / (h⁺ + h⁻); error O(h²). */
  readonly central: number;
  /** Forward difference (φ(h⁺) − φ(0)) / h⁺. */
  readonly forward: number;
  /** Backward difference (φ(0) − φ(−h⁻)) / h⁻. */
  readonly backward: number;
  /** Richardson extrapolation of this row's and the previous row's central differences; NaN on row 0. */
  readonly extrapolated: number;
  /** Asymptotic truncation estimate of `extrapolated`: |E_k − E_{k−1}| / (r⁴ − 1). */
  readonly truncation: number;
  /** The rounding model's bound on the error of one evaluation of φ at this step. */
  readonly modelNoise: number;
  /** The noise measured at the smallest steps and around this one (0 where nothing was measurable). */
  readonly measuredNoise: number;
  /** σ_k = max(modelNoise, measuredNoise): the bound used for this row (see {@link derivativeSweep}). */
  readonly noise: number;
  /** Rounding bound of `extrapolated` from the noise: σ_k/h · (r² + 1/r)/(r² − 1). */
  readonly rounding: number;
  /** Extrapolated gap Ĵ between the forward and backward derivatives (≈ 0 unless φ has a kink). */
  readonly jump: number;
}

/** A whole sweep: φ(0), the noise bound and the rows. */
export interface DerivativeSweep {
  /** φ(0); NaN when f is undefined at x itself (then `rows` is empty). */
  readonly value: number;
  /** The noise measured at the smallest in-domain steps (each row has its own bound σ_k). */
  readonly noise: number;
  /** Step ratio r. */
  readonly ratio: number;
  readonly rows: readonly SweepRow[];
  /** The first message thrown by f, if any (kept so that a bug in f does not pass for a domain edge). */
  readonly thrown?: string;
}

/** φ restricted to one line, and how a displacement t is rounded to one the input can represent. */
export interface Line {
  /** φ(t), made safe (see evaluateSafely). */
  readonly at: (t: number) => SafeValue;
  /** The representable displacement actually taken when asked for t (identity if unknown). */
  readonly snap: (t: number) => number;
}

const U = 2 ** -53;

/**
 * Evaluates the stencils of every step and derives the sweep table.
 *
 * The noise σ_k of row k bounds the error of one evaluation of φ near that step; it is the largest
 * of three figures, because each catches what the others miss:
 *
 * - a model, `evalUlps · (u · (max|φ| + reach · |D|) + 2⁻¹⁰⁷⁴)`: rounding relative to the value,
 *   plus the input's own rounding (u·|x_i|) propagated through the slope, which is what dominates
 *   sin(1000·x) — its rounding errors are antisymmetric around x, so they cancel in every second
 *   difference and show up only as a biased slope; the subnormal ulp covers values that underflow;
 * - a measurement at the `noiseSamples` smallest in-domain steps, and
 * - the same measurement around row k (the triples starting at rows k−1…k+1; not larger steps,
 *   where the h⁴ term that N does not cancel would pass for noise), which sees noise that exists
 *   only at larger steps (a quantized f, a staircase).
 *
 * The measurement: S(h) = φ(h⁺) − 2φ(0) + φ(−h⁻) is φ''h² for a smooth φ and |jump|·h at a kink,
 * plus noise. N = S(h) − r(r+1)·S(h/r) + r³·S(h/r²) cancels both the h and the h² term, so what is
 * left is noise: σ ≈ |N| / gain, with gain the root-mean-square gain of N (counting the shared
 * φ(0)). S alone would let a kink pass for noise and hide it.
 *
 * @param stepScale multiplies the relative steps (max(1, |x_i|) for a coordinate).
 * @param reach the size of the input along the line (|x_i| for a coordinate), for the model.
 */
export function derivativeSweep(line: Line, stepScale: number, reach: number, o: ResolvedFdOptions): DerivativeSweep {
  const r = o.ratio;
  const origin = line.at(0);
  if (!Number.isFinite(origin.value)) {
    return { value: NaN, noise: NaN, ratio: r, rows: [], ...(origin.error ? { thrown: origin.error } : {}) };
  }
  const f0 = origin.value;
  let thrown = origin.error;
  let largest = Math.abs(f0);
  const raw: { h: number; plus: number; minus: number; fp: number; fm: number }[] = [];
  const count = Math.floor(Math.log(o.maxStep / o.minStep) / Math.log(r) + 1e-9) + 1;
  for (let k = 0; k < count; k++) {
    const h = o.maxStep * stepScale * r ** -k;
    const plus = line.snap(h);
    const minus = -line.snap(-h);
    const p = plus > 0 ? line.at(plus) : { value: NaN };
    const m = minus > 0 ? line.at(-minus) : { value: NaN };
    thrown ??= p.error ?? m.error;
    for (const v of [p.value, m.value]) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
    raw.push({ h, plus, minus, fp: p.value, fm: m.value });
  }

  const measured = measuredNoise(raw, f0, r);
  const inDomainIdx = measured.flatMap((v, k) => (Number.isFinite(v) ? [k] : []));
  const global = Math.max(0, ...inDomainIdx.slice(-Math.max(1, o.noiseSamples - 2)).map((k) => measured[k]!));

  const rows: SweepRow[] = [];
  raw.forEach((s, k) => {
    const inDomain = Number.isFinite(s.fp) && Number.isFinite(s.fm);
    const central = inDomain ? (s.fp - s.fm) / (s.plus + s.minus) : NaN;
    const forward = inDomain ? (s.fp - f0) / s.plus : NaN;
    const backward = inDomain ? (f0 - s.fm) / s.minus : NaN;
    const prev = rows[k - 1];
    const extrapolated = prev ? (r * r * central - prev.central) / (r * r - 1) : NaN;
    const truncation = prev ? Math.abs(extrapolated - prev.extrapolated) / (r ** 4 - 1) : NaN;
    const jump = prev ? (r * (forward - backward) - (prev.forward - prev.backward)) / (r - 1) : NaN;
    const slope = Math.max(Math.abs(central), prev ? Math.abs(prev.central) : 0);
    const model = o.evalUlps * (U * (largest + reach * (Number.isFinite(slope) ? slope : 0)) + Number.MIN_VALUE);
    const local = Math.max(0, ...measured.slice(Math.max(0, k - 1), k + 2).filter(Number.isFinite));
    const measuredNoise = Math.max(global, local);
    const noise = Math.max(model, measuredNoise);
    const h = inDomain ? (s.plus + s.minus) / 2 : s.h;
    const rounding = (noise / h) * ((r * r + 1 / r) / (r * r - 1));
    rows.push({
      step: s.h, inDomain, central, forward, backward, extrapolated, truncation,
      modelNoise: model, measuredNoise, noise, rounding, jump,
    });
  });
  return { value: f0, noise: global, ratio: r, rows, ...(thrown ? { thrown } : {}) };
}

/**
 * Noise measured on the triple of rows k, k+1, k+2 (NaN where one of them left the domain or the
 * triple runs off the end); see {@link derivativeSweep}. Two combinations, each divided by its
 * root-mean-square gain:
 * - even: N = S(h) − r(r+1)·S(h/r) + r³·S(h/r²) with S(h) = φ(h⁺) − 2φ(0) + φ(−h⁻) cancels the
 *   h and h² terms (a kink's jump·h, a smooth φ''h²);
 * - odd: M = c₁T(h) + c₂T(h/r) + c₃T(h/r²) with T(h) = φ(h⁺) − φ(−h⁻) cancels the h and h³ terms
 *   (for r = 2: 1, −10, 16). It sees what the even one cannot: a staircase x + ε·⌊x/δ⌋ crossed
 *   symmetrically adds nothing to S but steadily tilts T.
 */
function measuredNoise(raw: readonly { fp: number; fm: number }[], f0: number, r: number): number[] {
  const even = [1, -r * (r + 1), r ** 3] as const;
  const evenSum = even[0] + even[1] + even[2];
  // Each S carries φ(h⁺) + φ(−h⁻) once and φ(0) twice; φ(0) is shared by all three.
  const evenGain = Math.sqrt(2 * (even[0] ** 2 + even[1] ** 2 + even[2] ** 2) + 4 * evenSum ** 2);
  // c₁ + c₂/r + c₃/r² = 0 and c₁ + c₂/r³ + c₃/r⁶ = 0, scaled so that c₁ = 1.
  const odd = [1, -(r * (r ** 4 - 1)) / (r * r - 1), (r ** 2 * (r ** 4 - r * r)) / (r * r - 1)] as const;
  const oddGain = Math.sqrt(2 * (odd[0] ** 2 + odd[1] ** 2 + odd[2] ** 2));
  const second = raw.map((s) => s.fp - 2 * f0 + s.fm);
  // Unequal h⁺ and h⁻ leave φ'·(h⁺ + h⁻ − 2h) ≈ φ'·ulp(x) in T: the input rounding the model covers.
  const first = raw.map((s) => s.fp - s.fm);
  return second.map((a, k) => {
    const b = second[k + 1];
    const d = second[k + 2];
    if (b === undefined || d === undefined) return NaN;
    const n = Math.abs(even[0] * a + even[1] * b + even[2] * d) / evenGain;
    const m = Math.abs(odd[0] * first[k]! + odd[1] * first[k + 1]! + odd[2] * first[k + 2]!) / oddGain;
    return Math.max(n, m);
  });
}
