/**
 * The Taylor-remainder test: R(h) = |f(x + h·v) − f(x) − h·⟨g, v⟩| falls as h² when g is the
 * gradient and only as h when it is not (then R ≈ h·|⟨∇f − g, v⟩|). The observed order is the
 * least-squares slope of log R against log h. No tolerance to choose: the verdict is the slope.
 *
 * Conventions: `hs` run from large to small; a remainder is usable when it exceeds the noise floor
 * `floorFactor · max(model, σ)`, with model = evalUlps·u·(|f(x+hv)| + |f(x)| + Σ|g_i x_i| + h|⟨g,v⟩|)
 * (the rounding of the evaluations, of x + h·v and of the linear term) and σ measured from second
 * differences of t ↦ f(x + t·v) at steps ~10⁻¹² where curvature is invisible. Below the floor R is
 * rounding, whose slope is meaningless, so the run of usable points stops at the first one under it.
 * The slope is fitted to the last `fitPoints` points of that run: the asymptotic end, where the
 * h² term has not yet taken over from a small gradient error (a perturbation of 10⁻⁴ shows slope 1
 * only for h below ~10⁻⁴/|curvature|).
 *
 * Choose v at random, not along g: v = g hides every error orthogonal to g.
 *
 * @see spec/01-values.md#value.inner-product
 */
import { evaluateSafely, type ForwardFunction } from "./evaluate-safely.js";
import { fitSlope } from "./fit-slope.js";

/** Settings of {@link taylorTest}. */
export interface TaylorOptions {
  /** Usable remainders exceed this many times the noise (default 100: noise moves log R by < 1%). */
  readonly floorFactor?: number;
  /** Assumed evaluation error of f in units of u·|f| (default 8). */
  readonly evalUlps?: number;
  /** How many of the smallest usable steps the slope is fitted to (default 8). */
  readonly fitPoints?: number;
}

/** One step of the test. */
export interface TaylorRow {
  readonly h: number;
  /** |f(x + h·v) − f(x) − h·⟨g, v⟩|; NaN when f(x + h·v) is outside the domain. */
  readonly remainder: number;
  /** The noise floor at this step. */
  readonly floor: number;
  /** Whether the point is in the run of usable remainders. */
  readonly used: boolean;
  /** Whether the point is one of those the slope was fitted to. */
  readonly fitted: boolean;
}

/** The remainders and the observed order. */
export interface TaylorResult {
  /** Least-squares slope of log R over log h on the fitted points; NaN with fewer than two. */
  readonly slope: number;
  /** Number of usable points (above the floor, in one run from the largest step). */
  readonly used: number;
  /** Number of points the slope was fitted to. */
  readonly fitted: number;
  /** Measured evaluation noise σ of f along v. */
  readonly noise: number;
  /** Rows from the largest step to the smallest. */
  readonly rows: readonly TaylorRow[];
}

const U = 2 ** -53;

/**
 * Runs the Taylor-remainder test of `g` at `x` along `v`.
 *
 * @param hs the steps (absolute: x + h·v); default 30 steps 10⁻²·s·2⁻ᵏ, k = 0…29, with
 *           s = max(1, ‖x‖∞)/‖v‖∞.
 */
export function taylorTest(
  f: ForwardFunction,
  x: Float64Array,
  g: Float64Array,
  v: Float64Array,
  hs?: readonly number[],
  options: TaylorOptions = {},
): TaylorResult {
  if (g.length !== x.length || v.length !== x.length) throw new RangeError("taylorTest: x, g and v must have one length");
  const floorFactor = options.floorFactor ?? 100;
  const evalUlps = options.evalUlps ?? 8;
  const fitPoints = options.fitPoints ?? 8;
  const xmax = maxAbs(x);
  const vmax = maxAbs(v);
  if (!(vmax > 0 && Number.isFinite(vmax))) throw new RangeError("taylorTest: v must be finite and nonzero");
  const s = Math.max(1, xmax) / vmax;
  const steps = [...(hs ?? Array.from({ length: 30 }, (_, k) => 1e-2 * s * 2 ** -k))].sort((a, b) => b - a);

  const point = new Float64Array(x.length);
  const phi = (t: number): number => {
    for (let i = 0; i < x.length; i++) point[i] = x[i]! + t * v[i]!;
    return evaluateSafely(f, point).value;
  };
  const f0 = phi(0);
  if (!Number.isFinite(f0)) {
    // Like a stencil point outside the domain: no evidence, not a crash.
    const rows = steps.map((h) => ({ h, remainder: NaN, floor: NaN, used: false, fitted: false }));
    return { slope: NaN, used: 0, fitted: 0, noise: NaN, rows };
  }
  let gv = 0;
  let gx = 0;
  for (let i = 0; i < x.length; i++) {
    gv += g[i]! * v[i]!;
    gx += Math.abs(g[i]! * x[i]!);
  }
  const noise = Math.max(
    0,
    ...[1, 2, 3].map((j) => {
      const t = 1e-12 * s * j;
      const d = Math.abs(phi(t) - 2 * f0 + phi(-t)) / 2;
      return Number.isFinite(d) ? d : 0;
    }),
  );

  const rows: TaylorRow[] = [];
  let running = true;
  let used = 0;
  for (const h of steps) {
    const fh = phi(h);
    const remainder = Math.abs(fh - f0 - h * gv);
    const model = evalUlps * U * (Math.abs(fh) + Math.abs(f0) + gx + Math.abs(h * gv));
    const floor = floorFactor * Math.max(model, noise);
    const usable = Number.isFinite(remainder) && remainder > floor;
    if (used > 0 && !usable) running = false;
    const inRun = running && usable;
    if (inRun) used++;
    rows.push({ h, remainder: Number.isFinite(fh) ? remainder : NaN, floor, used: inRun, fitted: false });
  }
  const usedIdx = rows.flatMap((row, i) => (row.used ? [i] : []));
  const fitIdx = new Set(usedIdx.slice(-Math.max(2, fitPoints)));
  const final = rows.map((row, i) => (fitIdx.has(i) ? { ...row, fitted: true } : row));
  const fit = final.filter((row) => row.fitted);
  return {
    slope: fitSlope(
      fit.map((row) => row.h),
      fit.map((row) => row.remainder),
    ),
    used,
    fitted: fit.length,
    noise,
    rows: final,
  };
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const e of a) m = Math.max(m, Math.abs(e));
  return m;
}
