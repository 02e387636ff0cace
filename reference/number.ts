/**
 * Reading numbers and tensors as written in a case into binary64.
 *
 * A number is a JSON number or a string; every value is the binary64 nearest to what is written
 * (JavaScript's `Number(text)` rounds correctly, to nearest, ties to even, overflow to ±Infinity).
 *
 * @see spec/01-values.md#value.number
 * @see spec/01-values.md#value.number.nearest
 */
import type { RawNumber, RawShape, RawTensor } from "./case.js";
import { fail, pointerToken } from "./errors.js";
import type { Shape, Tensor } from "./tensor.js";

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const SPECIAL: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** The binary64 value of a written number; `pointer` locates it for the E_SCHEMA message. */
export function parseNumber(raw: RawNumber, pointer = ""): number {
  if (typeof raw === "number") return raw;
  if (typeof raw === "string") {
    const special = SPECIAL[raw];
    if (special !== undefined) return special;
    if (DECIMAL.test(raw)) return Number(raw);
  }
  return fail("E_SCHEMA", `not a number: ${JSON.stringify(raw)}`, { pointer });
}

/** A finite number where the spec requires one (an exponent, a scale factor). */
export function parseFiniteNumber(raw: RawNumber, pointer: string, what: string): number {
  const x = parseNumber(raw, pointer);
  if (!Number.isFinite(x)) fail("E_VALUE", `${what} must be finite, got ${String(x)}`, { pointer });
  return x;
}

/** A tensor as written: a number, or a non-empty array of equal-length non-empty rows. */
export function parseTensor(raw: RawTensor, pointer = ""): Tensor {
  if (!Array.isArray(raw)) return parseNumber(raw as RawNumber, pointer);
  const rows = raw as readonly unknown[];
  if (rows.length === 0) fail("E_SCHEMA", "a matrix needs at least one row", { pointer });
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  return rows.map((row, i) => {
    const rowPointer = `${pointer}/${i}`;
    if (!Array.isArray(row)) fail("E_SCHEMA", "a matrix row must be an array", { pointer: rowPointer });
    if (row.length === 0) fail("E_SCHEMA", "a matrix row needs at least one element", { pointer: rowPointer });
    if (row.length !== width) {
      fail("E_SCHEMA", `ragged matrix: row ${i} has ${row.length} elements, row 0 has ${width}`, {
        pointer: rowPointer,
      });
    }
    return row.map((x: RawNumber, j: number) => parseNumber(x, `${rowPointer}/${j}`));
  });
}

/** A shape as written: `[]` or `[m, n]` with positive integers. */
export function parseShape(raw: RawShape, pointer = ""): Shape {
  const ok =
    Array.isArray(raw) &&
    (raw.length === 0 || (raw.length === 2 && raw.every((d) => Number.isInteger(d) && d > 0)));
  if (!ok) fail("E_SCHEMA", `not a shape: ${JSON.stringify(raw)}`, { pointer });
  return raw;
}

/** A JSON pointer one level deeper. */
export const child = (pointer: string, token: string | number): string => `${pointer}/${pointerToken(token)}`;
