/**
 * `checkAdjoint`: the dot-product test ⟨A u, v⟩ = ⟨u, Aᵀ v⟩ of a linear map and its claimed
 * adjoint (spec/02-operators.md#law.adjoint-identity), on seeded random u and v, with an allowance
 * from the error-bound scale of an operator case (spec/07-tolerance.md#tol.other-kinds).
 *
 * Conventions: `A` is the user's linear map from the domain (n elements) to the codomain (m
 * elements), `M` its m×n matrix on row-major vec, `|M|` its elementwise absolute value, `u`, `v`
 * random points with elements uniform in [−1, 1) (rounded to binary32 in the float32 class),
 * `s = ⟨|v|, |M||u|⟩ = ⟨|Mᵀ||v|, |u|⟩` the scale both sides are computed from, `D` the rounding
 * depth of one application, `κ` the safety factor.
 *
 * The allowance of a trial is `2κ·D·(u·s + η) + κ·(m + n)·2⁻⁵³·s`: each side's operator result is
 * within κ·D·(u·|M||u| + η) of exact element by element (tol.other-kinds with tol.allowance), paired
 * with |v| (or |u|) that is at most κ·D·(u·s + η) per side; the last term is this function's own
 * float64 inner products.
 *
 * @see spec/07-tolerance.md#tol.allowance
 */
import { seededRandom } from "../oracles/fd/index.js";
import { KAPPA, PRECISION, type PrecisionClass } from "../oracles/bound/index.js";
import { elementName, elementsOf, rebuild, type Shaped, type Value } from "./value.js";

/** The shapes of the map's domain and codomain: `[]` a number, `[n]` a number[], `[m, n]` a number[][], other lengths {@link Shaped}. */
export interface AdjointShapes {
  readonly domain: readonly number[];
  readonly codomain: readonly number[];
}

/** Settings of {@link checkAdjoint}, all optional. */
export interface CheckAdjointOptions {
  /** Random pairs (u, v) to try (default 5). */
  readonly trials?: number;
  /** Seed of u and v (default 230315449); printed in the message, so a failure replays. */
  readonly seed?: number;
  /** The arithmetic of `apply` and `applyAdjoint` (default `"float64"`); float32 rounds u and v to binary32 and adds one rounding to D. */
  readonly precision?: PrecisionClass;
  /**
   * The rounding depth D of one application (default max(n, m) + 1: the longest inner product a
   * dense implementation forms, like n(ℒ(A)) in spec/07-tolerance.md#tol.other-kinds).
   */
  readonly depth?: number;
  /**
   * Largest domain size n for which the matrix M is materialized by applying A to the n unit vectors
   * (default 1024). Then s = ⟨|v|, |M||u|⟩ exactly, and on a failure the adjoint is probed too, to
   * name the entry where it departs from the transpose. Above it, s is the sum of the magnitudes of
   * both inner products' terms, Σ|(Au)_i v_i| + Σ|u_j (Aᵀv)_j| — a lower bound of the scale, too
   * tight where A itself cancels terms.
   */
  readonly materializeLimit?: number;
  /** Names of the two functions in messages (default `["A", "Aᵀ"]`). */
  readonly names?: readonly [string, string];
}

/** The defaults of {@link CheckAdjointOptions}. */
export const CHECK_ADJOINT_DEFAULTS = Object.freeze({ trials: 5, seed: 230315449, precision: "float64" as PrecisionClass, materializeLimit: 1024 });

/** One random pair. */
export interface AdjointTrial {
  /** 0-based, replayable with the seed. */
  readonly trial: number;
  readonly verdict: "PASS" | "FAIL";
  /** ⟨A u, v⟩, from `apply`. */
  readonly applySide: number;
  /** ⟨u, Aᵀ v⟩, from `applyAdjoint`. */
  readonly adjointSide: number;
  /** |applySide − adjointSide|. */
  readonly error: number;
  readonly allowance: number;
  /** s of this trial. */
  readonly scale: number;
}

/** Where the probed adjoint departs most from the transpose of the materialized apply. */
export interface AdjointMismatch {
  /** The element of the codomain (row of M), e.g. `y[1][0]`. */
  readonly output: string;
  /** The element of the domain (column of M), e.g. `x[0][2]`. */
  readonly input: string;
  /** M_ij from `apply`. */
  readonly apply: number;
  /** (Aᵀ)_ji from `applyAdjoint`: should equal `apply`. */
  readonly adjoint: number;
}

/** The result of {@link checkAdjoint}. */
export interface AdjointCheckResult {
  /** Every trial PASSed. */
  readonly ok: boolean;
  readonly verdict: "PASS" | "FAIL";
  readonly precision: PrecisionClass;
  readonly seed: number;
  readonly depth: number;
  /** How s was obtained (see {@link CheckAdjointOptions.materializeLimit}). */
  readonly scaleFrom: "materialized |M|" | "terms";
  readonly trials: readonly AdjointTrial[];
  /** The trial furthest beyond (or closest to) its allowance. */
  readonly worst: AdjointTrial;
  /** On a FAIL with a materialized M: the entry where the adjoint departs most from Mᵀ. */
  readonly mismatch?: AdjointMismatch;
  readonly message: string;
}

/**
 * Runs the dot-product test of `applyAdjoint` against `apply`.
 *
 * @param apply the linear map A, on values of `shapes.domain`.
 * @param applyAdjoint its claimed adjoint Aᵀ, on values of `shapes.codomain`.
 * @param shapes the domain and codomain shapes.
 * @param options see {@link CheckAdjointOptions}.
 * @returns an {@link AdjointCheckResult} whose message names the trial, both sides, the error and the allowance.
 *
 * @example
 * ```ts
 * import { checkAdjoint } from "backslash-ad";
 *
 * const A = [[1, 2, 3], [4, 5, 6]];
 * const apply = (x: number[]) => A.map((row) => row.reduce((s, a, j) => s + a * x[j]!, 0));
 * const applyAdjoint = (y: number[]) => [0, 1, 2].map((j) => A.reduce((s, row, i) => s + row[j]! * y[i]!, 0));
 * checkAdjoint(apply, applyAdjoint, { domain: [3], codomain: [2] }).ok; // true
 * ```
 *
 * @see spec/02-operators.md#law.adjoint-identity
 */
export function checkAdjoint<X extends Value, Y extends Value>(
  apply: (x: X) => Value | ArrayLike<number>,
  applyAdjoint: (y: Y) => Value | ArrayLike<number>,
  shapes: AdjointShapes,
  options: CheckAdjointOptions = {},
): AdjointCheckResult {
  const precision = options.precision ?? CHECK_ADJOINT_DEFAULTS.precision;
  const seed = options.seed ?? CHECK_ADJOINT_DEFAULTS.seed;
  const [nameA, nameAt] = options.names ?? ["A", "Aᵀ"];
  const { u: unit, eta } = PRECISION[precision];
  const n = size(shapes.domain);
  const m = size(shapes.codomain);
  const depth = (options.depth ?? Math.max(n, m) + 1) + (precision === "float32" ? 1 : 0);
  const round = precision === "float32" ? Math.fround : (t: number) => t;
  const A = (x: Float64Array): Float64Array => elementsOf(apply(make(shapes.domain, x) as X), m, `${nameA}(u)`);
  const At = (y: Float64Array): Float64Array => elementsOf(applyAdjoint(make(shapes.codomain, y) as Y), n, `${nameAt}(v)`);

  const materialize = n <= (options.materializeLimit ?? CHECK_ADJOINT_DEFAULTS.materializeLimit);
  const columns = materialize ? Array.from({ length: n }, (_, j) => A(unitVector(n, j))) : [];
  const random = seededRandom(seed);
  const trials: AdjointTrial[] = [];
  for (let t = 0; t < (options.trials ?? CHECK_ADJOINT_DEFAULTS.trials); t++) {
    const u = Float64Array.from({ length: n }, () => round(2 * random() - 1));
    const v = Float64Array.from({ length: m }, () => round(2 * random() - 1));
    const Au = A(u);
    const Atv = At(v);
    const applySide = dot(Au, v);
    const adjointSide = dot(u, Atv);
    let scale = 0;
    if (materialize) {
      columns.forEach((col, j) => col.forEach((mij, i) => (scale += Math.abs(mij) * Math.abs(u[j]!) * Math.abs(v[i]!))));
    } else {
      Au.forEach((a, i) => (scale += Math.abs(a * v[i]!)));
      Atv.forEach((a, j) => (scale += Math.abs(a * u[j]!)));
    }
    const allowance = 2 * KAPPA * depth * (unit * scale + eta) + KAPPA * (m + n) * PRECISION.float64.u * scale;
    const error = Math.abs(applySide - adjointSide);
    const verdict = Number.isFinite(applySide) && Number.isFinite(adjointSide) && error <= allowance ? "PASS" : "FAIL";
    trials.push({ trial: t, verdict, applySide, adjointSide, error, allowance, scale });
  }
  const ratio = (t: AdjointTrial) => (Number.isNaN(t.error) ? Infinity : t.allowance > 0 ? t.error / t.allowance : t.error > 0 ? Infinity : 0);
  const worst = trials.reduce((w, t) => (ratio(t) > ratio(w) ? t : w));
  const verdict = trials.every((t) => t.verdict === "PASS") ? "PASS" : "FAIL";
  const mismatch = verdict === "FAIL" && materialize && m <= (options.materializeLimit ?? CHECK_ADJOINT_DEFAULTS.materializeLimit) ? locate(columns, At, shapes, m, n) : undefined;
  const scaleFrom = materialize ? "materialized |M|" : "terms";
  const message = describe({ verdict, precision, seed, depth, scaleFrom, trials, worst, mismatch, nameA, nameAt });
  return { ok: verdict === "PASS", verdict, precision, seed, depth, scaleFrom, trials, worst, ...(mismatch ? { mismatch } : {}), message };
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function make(shape: readonly number[], data: Float64Array): Value {
  if (shape.length === 0) return data[0]!;
  if (shape.length === 1) return Array.from(data);
  if (shape.length === 2) return rebuild(zeroMatrix(shape[0]!, shape[1]!), data);
  return { data: Float64Array.from(data), shape } satisfies Shaped;
}

const zeroMatrix = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

function unitVector(n: number, j: number): Float64Array {
  const e = new Float64Array(n);
  e[j] = 1;
  return e;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Probes the adjoint on unit vectors and names the entry furthest from the transpose of M. */
function locate(columns: readonly Float64Array[], At: (y: Float64Array) => Float64Array, shapes: AdjointShapes, m: number, n: number): AdjointMismatch {
  let best = { i: 0, j: 0, a: NaN, b: NaN, d: -1 };
  for (let i = 0; i < m; i++) {
    const row = At(unitVector(m, i)); // row i of the adjoint's transpose: (Aᵀ)_{j i} for every j
    for (let j = 0; j < n; j++) {
      const a = columns[j]![i]!;
      const b = row[j]!;
      const d = Number.isNaN(a - b) ? Infinity : Math.abs(a - b);
      if (d > best.d) best = { i, j, a, b, d };
    }
  }
  return { output: elementName("y", shapes.codomain, best.i), input: elementName("x", shapes.domain, best.j), apply: best.a, adjoint: best.b };
}

const short = (x: number): string => (Number.isFinite(x) ? x.toExponential(3) : String(x));
const num = (x: number): string => String(x);

function describe(r: {
  verdict: string; precision: PrecisionClass; seed: number; depth: number; scaleFrom: string; trials: readonly AdjointTrial[];
  worst: AdjointTrial; mismatch: AdjointMismatch | undefined; nameA: string; nameAt: string;
}): string {
  const failed = r.trials.filter((t) => t.verdict === "FAIL").length;
  const w = r.worst;
  const times = w.allowance > 0 ? ` = ${(w.error / w.allowance).toPrecision(3)} × the allowance` : "";
  const lines = [
    `checkAdjoint ${r.verdict} (${r.precision}, seed ${r.seed}): ${failed} of ${r.trials.length} trials FAIL the dot-product test ⟨${r.nameA} u, v⟩ = ⟨u, ${r.nameAt} v⟩`,
    `  trial ${w.trial}${w.verdict === "PASS" ? " (closest to its allowance)" : ""}: ⟨${r.nameA} u, v⟩ = ${num(w.applySide)} (from apply), ⟨u, ${r.nameAt} v⟩ = ${num(w.adjointSide)} (from applyAdjoint); ` +
      `|difference| ${short(w.error)}${times} ${short(w.allowance)} (scale s = ${short(w.scale)} from ${r.scaleFrom}, depth D = ${r.depth})`,
  ];
  if (r.mismatch) {
    const x = r.mismatch;
    lines.push(`  probing with unit vectors (x the domain, y the codomain): ∂${x.output}/∂${x.input} is ${num(x.apply)} by apply but ${num(x.adjoint)} by applyAdjoint`);
  }
  lines.push(`  replay: the same functions and shapes with { seed: ${r.seed} }`);
  return lines.join("\n");
}
