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
import { fail, pointerToken, shorten } from "./errors.js";
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

/**
 * The most elements a shape a case declares (rather than writes out) may have: a `zero`'s domain
 * or codomain, a system unknown's shape. Such a shape sizes a tensor no file byte pays for, so
 * without a bound 60 bytes could ask for 10²¹ zeros (choice: the order of what a 16 MiB file
 * can write, so a declared tensor is never much larger than a written one).
 *
 * @see spec/06-conformance.md#load.declared-shape
 */
export const MAX_DECLARED_ELEMENTS = 2 ** 24;

/**
 * A shape as written: `[]` or `[m, n]` (E_SCHEMA at the shape otherwise) with positive integers
 * (E_SCHEMA at the dimension, as the schema's `items`), each at most
 * {@link MAX_DECLARED_ELEMENTS} (the schema's `maximum`: E_SCHEMA at the dimension) and `m·n` at
 * most that too (E_SCHEMA at the shape), checked here because the reference and impl are used as
 * libraries on cases no loader has seen, and allocate from the shape.
 *
 * @see spec/06-conformance.md#load.declared-shape
 */
export function parseShape(raw: RawShape, pointer = ""): Shape {
  if (!Array.isArray(raw) || (raw.length !== 0 && raw.length !== 2)) fail("E_SCHEMA", `not a shape: ${shorten(JSON.stringify(raw))}`, { pointer });
  // A bad dimension is reported at the dimension, as the schema's `items` rule is (the loader's pointer).
  const bad = raw.findIndex((d) => !Number.isInteger(d) || d < 1);
  if (bad >= 0) fail("E_SCHEMA", `a dimension must be a positive whole number, got ${shorten(JSON.stringify(raw[bad]))}`, { pointer: `${pointer}/${bad}` });
  const problem = declaredShapeProblem(raw);
  if (problem !== undefined) fail("E_SCHEMA", problem.detail, { pointer: pointer + problem.pointer });
  return raw;
}

/**
 * Why a well-formed shape is too large to declare (pointer relative to the shape: a dimension
 * over the bound, else the shape itself for too many elements), or undefined.
 *
 * @see spec/06-conformance.md#load.declared-shape
 */
export function declaredShapeProblem(shape: Shape): { readonly pointer: string; readonly detail: string } | undefined {
  const big = shape.findIndex((d) => d > MAX_DECLARED_ELEMENTS);
  if (big >= 0) {
    return { pointer: `/${big}`, detail: `a declared dimension of ${String(shape[big])} is larger than ${MAX_DECLARED_ELEMENTS} (spec: load.declared-shape)` };
  }
  const count = shape.reduce((a, d) => a * d, 1);
  if (count <= MAX_DECLARED_ELEMENTS) return undefined;
  return { pointer: "", detail: `a declared shape of ${String(shape[0])}×${String(shape[1])} = ${count} elements is more than ${MAX_DECLARED_ELEMENTS} (spec: load.declared-shape)` };
}

/** A JSON pointer one level deeper. */
export const child = (pointer: string, token: string | number): string => `${pointer}/${pointerToken(token)}`;
