/**
 * `checkGradient`: what torch.autograd.gradcheck does, judged by this project's oracles — a step
 * sweep with Richardson extrapolation and an honest three-valued verdict per element (or per
 * random projection), the Taylor-remainder test as a second opinion, and tolerances from the
 * precision class (spec/07-tolerance.md#tol.precision).
 *
 * Conventions: `f` is the user's function of positional inputs returning a number; `x` the inputs'
 * elements concatenated (row-major, input by input); `g` the claimed gradient in the same layout;
 * `b_i` the tolerance unit of element i; `v` a random direction; `round` is binary32 rounding in
 * the float32 class and the identity in float64.
 *
 * @see spec/04-system.md#system.gradient
 */
import {
  combineVerdicts,
  derivativeSweep,
  judgeSweep,
  seededRandom,
  taylorTest,
  type DerivativeCheck,
  type FdVerdict,
  type ResolvedFdOptions,
} from "../oracles/fd/index.js";
import { CHECK_GRADIENT_DEFAULTS, sweepOptions, type CheckGradientOptions } from "./check-gradient-options.js";
import { formatGradientMessage } from "./format-gradient-message.js";
import type { DirectionReport, ElementReport, GradientCheckResult, InputReport, JudgedValue, TaylorOpinion } from "./gradient-report.js";
import { elementName, elementsOf, flatten, indexOf, rebuild, shapeOfValue, type Value } from "./value.js";

/**
 * Checks a claimed gradient of a scalar function against finite differences.
 *
 * Every element (mode `"full"`) or every random projection ⟨g, v⟩ (mode `"fast"`) gets a verdict:
 * PASS when the sweep finds a plateau and the claimed value lies within its allowance, FAIL when
 * it finds a plateau and the claimed value lies outside, INCONCLUSIVE when it cannot decide (a kink,
 * float32 noise, a domain edge, f undefined at x) — never FAIL without a plateau, so a correct
 * float32 gradient or a kink at the point is not a false alarm. The Taylor test along a random
 * direction is reported beside it; it can turn a PASS into INCONCLUSIVE, never into FAIL.
 *
 * NaN policy: f not finite (or throwing) at the point gives INCONCLUSIVE (`undefined-at-x`); a
 * stencil point where f throws or is not finite counts as outside the domain; a NaN in the claimed
 * gradient FAILs wherever the sweep finds a plateau. A gradient of the wrong shape, or an `f` that
 * does not return a number, throws a TypeError (a usage error, not a verdict).
 *
 * @param f the function under test, of positional inputs, returning a number (float64 arithmetic
 *          ideally; a float32 function works with `precision: "float32"`). It receives values of the
 *          same kinds as `inputs`, rebuilt for every evaluation; it may throw outside its domain.
 * @param inputs the point: one {@link Value} per parameter of `f`.
 * @param options `gradient` (required) and the settings of {@link CheckGradientOptions}.
 * @returns a {@link GradientCheckResult}; `result.message` names the worst element of each input,
 *          the gradient under test and the oracle's estimate, the allowance and the seed.
 *
 * @example
 * ```ts
 * import { checkGradient } from "backslash-ad";
 *
 * const f = (x: number, w: number[][]) => Math.sin(x) * w[0]![1]!;
 * const result = checkGradient(f, [1, [[2, 3]]], {
 *   gradient: (x, w) => [Math.cos(x) * w[0]![1]!, [[0, Math.sin(x)]]],
 * });
 * result.ok; // true
 * result.verdict; // "PASS"
 * ```
 *
 * @see spec/07-tolerance.md#tol.precision
 * @see spec/03-primitives.md#prim.relu.kink
 */
export function checkGradient<I extends readonly Value[]>(
  f: (...inputs: I) => number,
  inputs: I,
  options: CheckGradientOptions<I>,
): GradientCheckResult {
  if (typeof options?.gradient !== "function") throw new TypeError("checkGradient: options.gradient (the gradient under test) is required");
  const precision = options.precision ?? CHECK_GRADIENT_DEFAULTS.precision;
  const seed = options.seed ?? CHECK_GRADIENT_DEFAULTS.seed;
  const depth = options.depth ?? CHECK_GRADIENT_DEFAULTS.depth;
  const o = sweepOptions(precision, depth, options.fd);
  const round = precision === "float32" ? Math.fround : (t: number) => t;
  const names = options.names ?? inputs.map((_, k) => `arg${k}`);
  if (names.length !== inputs.length || new Set(names).size !== names.length) {
    throw new TypeError(`checkGradient: need ${inputs.length} distinct names, got [${names.join(", ")}]`);
  }

  // The point, rounded to the precision class, and the layout of the flat vector x.
  const shapes = inputs.map((v, k) => shapeOfValue(v, `input ${names[k]}`));
  const offsets: number[] = [];
  let total = 0;
  for (const s of shapes) {
    offsets.push(total);
    total += s.reduce((a, b) => a * b, 1);
  }
  const x = new Float64Array(total);
  inputs.forEach((v, k) => x.set(flatten(v, `input ${names[k]}`).map(round), offsets[k]!));
  const unflatten = (flat: Float64Array): I =>
    inputs.map((like, k) => rebuild(like, flat.subarray(offsets[k]!, offsets[k]! + size(shapes[k]!)))) as unknown as I;
  const point = unflatten(x);
  const value = f(...point);
  if (typeof value !== "number") {
    throw new TypeError(`checkGradient: f must return a number, got ${value === null ? "null" : typeof value} (for TensorFlow.js use expectGradient.tfjs)`);
  }
  const fFlat = (flat: Float64Array): number => f(...unflatten(flat));

  // The claimed gradient, and the tolerance units.
  const claimed = options.gradient(...point);
  if (!Array.isArray(claimed) || claimed.length !== inputs.length) {
    throw new TypeError(`checkGradient: gradient must return an array of ${inputs.length} gradients (one per input), got ${Array.isArray(claimed) ? claimed.length : typeof claimed}`);
  }
  const g = new Float64Array(total);
  claimed.forEach((c, k) => g.set(elementsOf(c, size(shapes[k]!), `gradient of ${names[k]}`), offsets[k]!));
  const scale = new Float64Array(total);
  shapes.forEach((s, k) => {
    const part = g.subarray(offsets[k]!, offsets[k]! + size(s));
    const largest = part.reduce((m, e) => (Number.isFinite(e) ? Math.max(m, Math.abs(e)) : m), 0);
    const floor = largest * (precision === "float32" ? 1 : 1e-3);
    part.forEach((e, i) => (scale[offsets[k]! + i] = options.scale ?? Math.max(Number.isFinite(e) ? Math.abs(e) : 0, floor)));
  });

  const requested = options.mode ?? CHECK_GRADIENT_DEFAULTS.mode;
  const fast = requested === "fast" || (requested === "auto" && total > CHECK_GRADIENT_DEFAULTS.autoFullLimit);
  const random = seededRandom(seed);
  const directionCount = options.directions ?? CHECK_GRADIENT_DEFAULTS.directions;
  const directions: DirectionReport[] = [];
  let vTaylor: Float64Array | undefined;
  if (fast) {
    for (let d = 0; d < directionCount; d++) {
      const v = randomDirection(random, total);
      vTaylor ??= v;
      directions.push({ direction: d, ...judgeDirection(fFlat, x, g, v, scale, round, o) });
    }
  }
  const fastVerdict = combineVerdicts(directions.map((d) => d.verdict));
  const full = !fast || fastVerdict === "FAIL";
  const elements: ElementReport[] = [];
  if (full) {
    shapes.forEach((s, k) => {
      for (let i = 0; i < size(s); i++) {
        const at = offsets[k]! + i;
        const judged = toJudged(judgePartial(fFlat, x, at, g[at]!, scale[at]!, precision === "float32", o));
        elements.push({ input: names[k]!, index: indexOf(s, i), element: elementName(names[k]!, s, i), ...judged });
      }
    });
  }
  vTaylor ??= randomDirection(random, total);

  const inputReports: InputReport[] = shapes.map((s, k) => {
    const mine = elements.filter((e) => e.input === names[k]);
    const counts = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0 };
    for (const e of mine) counts[e.verdict]++;
    return {
      name: names[k]!,
      shape: s,
      ...(full ? { verdict: combineVerdicts(mine.map((e) => e.verdict)) } : {}),
      counts,
      ...(mine.length > 0 ? { worst: worstOf(mine) } : {}),
    };
  });

  let taylor: TaylorOpinion | undefined;
  if (options.taylor ?? CHECK_GRADIENT_DEFAULTS.taylor) {
    // The Taylor steps start where the sweep does (10⁻¹ in float32: smaller remainders drown in binary32 noise).
    const s = Math.max(1, x.reduce((m, e) => Math.max(m, Math.abs(e)), 0)) / vTaylor.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
    const hs = Array.from({ length: 30 }, (_, k) => o.maxStep * s * 2 ** -k);
    const result = taylorTest((p) => fFlat(p.map(round)), x, g, vTaylor, hs, { evalUlps: o.evalUlps });
    const opinion = result.slope >= 1.8 ? "supports" : result.slope <= 1.2 && result.fitted >= 3 ? "contradicts" : "undecided";
    taylor = { opinion, slope: result.slope, result };
  }
  let verdict = combineVerdicts([...elements, ...directions].map((e) => e.verdict));
  if (verdict === "PASS" && taylor?.opinion === "contradicts") verdict = "INCONCLUSIVE";
  // A check in which nothing passed proved nothing: INCONCLUSIVE counts as ok only beside a PASS.
  const somePass = [...elements, ...directions].some((e) => e.verdict === "PASS");
  const ok = verdict === "PASS" || (verdict === "INCONCLUSIVE" && somePass && (options.inconclusive ?? CHECK_GRADIENT_DEFAULTS.inconclusive) === "ok");
  const mode = !fast ? "full" : full ? "fast+full" : "fast";
  const base = { ok, verdict, precision, mode, seed, value, inputs: inputReports, elements, directions, ...(taylor ? { taylor } : {}) } as const;
  return { ...base, message: formatGradientMessage(base) };
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** A direction with elements uniform in [−1, 1), never all zero. */
function randomDirection(random: () => number, n: number): Float64Array {
  const v = Float64Array.from({ length: n }, () => 2 * random() - 1);
  if (v.every((e) => e === 0)) v[0] = 1;
  return v;
}

/** One coordinate's sweep; in float32 every displacement is one a binary32 input can take. */
function judgePartial(f: (x: Float64Array) => number, x: Float64Array, i: number, claimed: number, scale: number, f32: boolean, o: ResolvedFdOptions): DerivativeCheck {
  const xi = x[i]!;
  const p = Float64Array.from(x);
  const line = {
    at: (t: number) => {
      p[i] = xi + t;
      return safely(f, p);
    },
    snap: (t: number) => (f32 ? Math.fround(xi + t) - xi : xi + t - xi),
  };
  return judgeSweep(derivativeSweep(line, Math.max(1, Math.abs(xi)), Math.abs(xi), o), claimed, scale, o);
}

/** The sweep along x + t·v (each point rounded to the class), judged against ⟨g, v⟩ with unit Σ|v_i|·b_i. */
function judgeDirection(
  f: (x: Float64Array) => number,
  x: Float64Array,
  g: Float64Array,
  v: Float64Array,
  scale: Float64Array,
  round: (t: number) => number,
  o: ResolvedFdOptions,
): JudgedValue {
  let claimed = 0;
  let unit = 0;
  let xmax = 0;
  let vmax = 0;
  for (let i = 0; i < x.length; i++) {
    claimed += g[i]! * v[i]!;
    unit += Math.abs(v[i]!) * scale[i]!;
    xmax = Math.max(xmax, Math.abs(x[i]!));
    vmax = Math.max(vmax, Math.abs(v[i]!));
  }
  const p = new Float64Array(x.length);
  const line = {
    at: (t: number) => {
      for (let i = 0; i < x.length; i++) p[i] = round(x[i]! + t * v[i]!);
      return safely(f, p);
    },
    snap: (t: number) => t,
  };
  return toJudged(judgeSweep(derivativeSweep(line, Math.max(1, xmax) / vmax, xmax / vmax, o), claimed, unit, o));
}

/** evaluateSafely without its copy (the callers own their buffers). */
function safely(f: (x: Float64Array) => number, x: Float64Array): { value: number; error?: string } {
  try {
    const value = f(Float64Array.from(x));
    return Number.isFinite(value) ? { value } : { value: NaN };
  } catch (e) {
    return { value: NaN, error: e instanceof Error ? e.message : String(e) };
  }
}

function toJudged(c: DerivativeCheck): JudgedValue {
  const rows = c.sweep.rows;
  const w = c.window;
  return {
    verdict: c.verdict,
    reason: c.reason,
    actual: c.claimed,
    expected: c.estimate,
    error: c.discrepancy,
    allowance: c.allowance,
    evidence: {
      oracle: "finite differences",
      sweep: [rows[0]?.step ?? NaN, rows[rows.length - 1]?.step ?? NaN],
      ...(w ? { window: [rows[w.k - 1]!.step, rows[w.k]!.step, rows[w.k + 1]!.step] as const } : {}),
      estimateError: c.error,
      scale: c.scale,
      check: c,
    },
  };
}

const RANK: Record<FdVerdict, number> = { FAIL: 0, INCONCLUSIVE: 1, PASS: 2 };

/** FAIL furthest beyond its allowance, else the first INCONCLUSIVE, else the PASS nearest its allowance. */
function worstOf(elements: readonly ElementReport[]): ElementReport {
  const ratio = (e: ElementReport) => (e.allowance > 0 ? e.error / e.allowance : e.error > 0 ? Infinity : 0);
  return elements.reduce((w, e) => {
    if (RANK[e.verdict] !== RANK[w.verdict]) return RANK[e.verdict] < RANK[w.verdict] ? e : w;
    if (e.verdict === "INCONCLUSIVE") return w;
    return ratio(e) > ratio(w) || (Number.isNaN(ratio(e)) && !Number.isNaN(ratio(w))) ? e : w;
  });
}
