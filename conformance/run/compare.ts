/**
 * Comparing a backend's tensor with an expected one, element by element: under a case's `compare`
 * (|a − e| ≤ atol + rtol·|e|, or within `ulps` units in the last place), or under per-element
 * allowances from the error-bound model of chapter 7. NaN matches NaN, an infinity matches only
 * itself, and +0 matches −0.
 *
 * @see spec/06-conformance.md#compare.tolerance
 */
import { formatShape, parseTensor, sameShape, shapeOf, type RawTensor, type Tensor } from "../../reference/index.js";
import { ulpDistance } from "./ulps.js";

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
  readonly ulps: number;
}

/** @see spec/06-conformance.md#compare.defaults */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-10, atol: 1e-12, ulps: 0 };

/** The worst element of a comparison that failed. */
export interface Mismatch {
  /** Where, e.g. `gradient.W1[2][0]`. */
  readonly path: string;
  readonly expected: number;
  readonly actual: number;
  /** |a − e| divided by the element's allowance (Infinity for NaN or infinity mismatches). */
  readonly ratio: number;
  readonly ulps: number;
}

/** A shape or type fault in what the backend returned. */
export interface Malformed {
  readonly path: string;
  readonly problem: string;
}

export type Comparison = { readonly ok: true } | { readonly ok: false; readonly worst: Mismatch | Malformed };

/** Reads a backend's value as a tensor; undefined when it is not one. */
function asTensor(x: unknown): Tensor | undefined {
  if (typeof x === "number") return x;
  try {
    return Array.isArray(x) ? parseTensor(x as RawTensor) : undefined;
  } catch {
    return undefined;
  }
}

function allowance(e: number, t: Tolerance): number {
  return t.atol + t.rtol * Math.abs(e);
}

/**
 * Excess of one element over its allowance; 0 when it matches. `allowed` is the allowance for this
 * element, NaN where the model gives none (only NaN rules and equality apply).
 *
 * @see spec/06-conformance.md#compare.nan
 * @see spec/07-tolerance.md#tol.judge
 */
function excess(a: number, e: number, allowed: number, ulps: number): number {
  if (Number.isNaN(a) && Number.isNaN(e)) return 0;
  if (a === e) return 0; // also +0 === −0 and equal infinities
  if (!Number.isFinite(a) || !Number.isFinite(e) || Number.isNaN(allowed)) return Infinity;
  if (ulps > 0 && ulpDistance(a, e) <= ulps) return 0;
  const r = Math.abs(a - e) / allowed;
  return r <= 1 ? 0 : r;
}

/** An element's allowance under the first model (`compare`) or the model of chapter 7 (a tensor). */
export type Allowed = Tolerance | Tensor;

function allowedAt(allowed: Allowed, e: number, i: number, j: number): number {
  if (typeof allowed === "number") return allowed;
  if (Array.isArray(allowed)) return (allowed[i] as readonly number[] | undefined)?.[j] ?? NaN;
  const t = allowed as Tolerance;
  return allowance(e, t);
}

export function compareTensor(actual: unknown, expected: RawTensor, path: string, t: Allowed): Comparison {
  const e = parseTensor(expected);
  const a = asTensor(actual);
  if (a === undefined) return { ok: false, worst: { path, problem: `not a tensor: ${preview(actual)}` } };
  // @see spec/06-conformance.md#compare.shape
  if (!sameShape(shapeOf(a), shapeOf(e))) {
    return { ok: false, worst: { path, problem: `shape ${formatShape(shapeOf(a))}, expected ${formatShape(shapeOf(e))}` } };
  }
  const pairs: [string, number, number, number][] =
    typeof e === "number"
      ? [[path, a as number, e, allowedAt(t, e, 0, 0)]]
      : e.flatMap((row, i) => row.map((x, j): [string, number, number, number] => [`${path}[${i}][${j}]`, (a as number[][])[i]?.[j] as number, x, allowedAt(t, x, i, j)]));
  const ulps = typeof t === "object" && !Array.isArray(t) ? (t as Tolerance).ulps : 0;
  let worst: Mismatch | undefined;
  for (const [p, x, y, allowed] of pairs) {
    const r = excess(x, y, allowed, ulps);
    if (r > 0 && (worst === undefined || r > worst.ratio)) worst = { path: p, expected: y, actual: x, ratio: r, ulps: ulpDistance(x, y) };
  }
  return worst === undefined ? { ok: true } : { ok: false, worst };
}

export function preview(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * One line for a failed comparison, naming which side is which: the expected side came from the
 * case's `expect` ("case") or, for a case without one, from the oracles ("oracle").
 *
 * @see spec/06-conformance.md#conform.report
 */
export function describe(c: Mismatch | Malformed, source: "case" | "oracle" = "case"): string {
  if ("problem" in c) return `${c.path}: ${c.problem}`;
  return (
    `${c.path}: expected ${c.expected} (${source}), got ${c.actual} (backend); ` +
    `|Δ| = ${Math.abs(c.actual - c.expected).toPrecision(3)}, ${c.ratio.toPrecision(3)}× the allowance, ${c.ulps} ulps`
  );
}
