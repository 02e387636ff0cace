/**
 * Test support for the materialization tests (not part of the oracles' API): decimal tensors from
 * plain arrays, expected values read the way the spec reads them, and the gap between two tensors.
 *
 * @see spec/01-values.md#value.number.expected
 */
import type { RawTensor } from "../../reference/case.js";
import type { Decimal, DecimalContext } from "../decimal.js";
import { exact } from "../decimal.js";
import { delements, dshape, type DTensor } from "../dtensor.js";
import { writtenDecimal } from "./read-tensor.js";

/** Small integers or exact doubles as a decimal tensor. */
export function dt(D: DecimalContext, t: number | readonly (readonly number[])[]): DTensor {
  return typeof t === "number" ? exact(D, t) : t.map((row) => row.map((x) => exact(D, x)));
}

/**
 * An expected value as the spec means it: a string is the exact decimal written; a JSON number
 * stands for its binary64 value, read exactly (value.number.expected: it describes the exact result
 * for binary64 inputs, and a JSON number cannot carry more than a double).
 */
export function readExpected(D: DecimalContext, raw: RawTensor): DTensor {
  const one = (x: number | string): Decimal => (typeof x === "string" ? writtenDecimal(D, x) : exact(D, x));
  return Array.isArray(raw) ? (raw as readonly (readonly (number | string)[])[]).map((row) => row.map(one)) : one(raw as number | string);
}

/** The largest |a − e| / (rel·|e| + abs) over the elements (≤ 1 means within tolerance); Infinity on a shape mismatch. */
export function worstGap(D: DecimalContext, actual: DTensor, expected: DTensor, rel: number, abs: number): number {
  const sa = dshape(actual);
  const se = dshape(expected);
  if (sa.length !== se.length || sa.some((d, i) => d !== se[i])) return Infinity;
  const es = delements(expected);
  return delements(actual).reduce((worst, a, k) => {
    const e = es[k] as Decimal;
    const gap = a.minus(e).abs().div(e.abs().times(rel).plus(abs));
    return Math.max(worst, gap.toNumber());
  }, 0);
}

/** The code of a thrown spec error, or "none". */
export function codeOf(f: () => unknown): string {
  try {
    f();
    return "none";
  } catch (e) {
    if (e instanceof Error && "code" in e) return String((e as { code: unknown }).code);
    throw e;
  }
}
