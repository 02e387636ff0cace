/**
 * Reading a tensor written in a case as exact decimals.
 *
 * The default reading, `"binary64"`, is the spec's: every number denotes the binary64 nearest to
 * what is written (`parseTensor` finds that double) and the oracle starts from that double's exact
 * value (`exact`), never from `new Decimal(x)`, which would round it to its shortest decimal.
 * `"decimal"` reads the written decimal itself — a string as written, a JSON number as the shortest
 * decimal that round-trips (JSON numbers reach us already as doubles) — for closed forms stated in
 * decimals, such as the paper's 14.061.
 *
 * @see spec/01-values.md#value.number.nearest
 */
import type { RawNumber, RawTensor } from "../../reference/case.js";
import { parseTensor } from "../../reference/number.js";
import type { DecimalContext } from "../decimal.js";
import { fromNumbers, type DTensor } from "../dtensor.js";

/** How written numbers become decimals: their binary64 value exactly (the spec), or the decimal written. */
export type NumberReading = "binary64" | "decimal";

export interface ReadOptions {
  /** Default `"binary64"` (spec: value.number.nearest). */
  readonly numbers?: NumberReading;
}

/** The decimal written: a string as is; a JSON number through its shortest round-trip text. */
export function writtenDecimal(D: DecimalContext, raw: RawNumber): InstanceType<DecimalContext> {
  if (typeof raw === "string") return new D(raw);
  return new D(Object.is(raw, -0) ? "-0" : String(raw));
}

/** A tensor as written, read per `options.numbers`; malformed input is parseTensor's E_SCHEMA. */
export function readTensor(D: DecimalContext, raw: RawTensor, options: ReadOptions = {}, pointer = ""): DTensor {
  const doubles = parseTensor(raw, pointer);
  if ((options.numbers ?? "binary64") === "binary64") return fromNumbers(D, doubles);
  if (!Array.isArray(raw)) return writtenDecimal(D, raw as RawNumber);
  return (raw as readonly (readonly RawNumber[])[]).map((row) => row.map((x) => writtenDecimal(D, x)));
}
