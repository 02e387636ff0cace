/**
 * The values the API's users pass and receive: a number, a vector `number[]`, a matrix `number[][]`
 * (row-major, not ragged), or a flat array with an explicit shape. Every value is read as a
 * row-major list of its elements; `rebuild` makes a value of the same kind from new elements.
 *
 * Conventions: `shape` is `[]` for a number, `[n]` for a vector, `[m, n]` for a matrix and the
 * given shape for a {@link Shaped} value; `data` is the flat row-major list of elements.
 *
 * @see spec/01-values.md#value.tensor
 */

/** A flat row-major array with its shape: `{ data: Float64Array.of(1, 2, 3, 4), shape: [2, 2] }`. */
export interface Shaped {
  /** The elements, row-major; `data.length` is the product of `shape`. */
  readonly data: ArrayLike<number>;
  /** The dimensions, outermost first (`[]` is a scalar). */
  readonly shape: readonly number[];
}

/** A number, a vector, a matrix (row-major nested arrays) or a {@link Shaped} array. */
export type Value = number | readonly number[] | readonly (readonly number[])[] | Shaped;

const isShaped = (v: unknown): v is Shaped =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "data" in v && "shape" in v;

/** The shape of `v`; throws a TypeError naming `what` when `v` is not a {@link Value}. */
export function shapeOfValue(v: Value, what: string): readonly number[] {
  if (typeof v === "number") return [];
  if (isShaped(v)) {
    const size = v.shape.reduce((a, b) => a * b, 1);
    if (v.data.length !== size) throw new TypeError(`${what}: data has ${v.data.length} elements, shape [${v.shape.join(", ")}] needs ${size}`);
    return v.shape;
  }
  if (!Array.isArray(v)) throw new TypeError(`${what}: expected a number, number[], number[][] or { data, shape }, got ${typeof v}`);
  if (v.length === 0) throw new TypeError(`${what}: empty array`);
  if (v.every((e) => typeof e === "number")) return [v.length];
  const rows = v as readonly (readonly number[])[];
  const n = rows[0]?.length ?? 0;
  if (n === 0 || rows.some((r) => !Array.isArray(r) || r.length !== n || r.some((e) => typeof e !== "number"))) {
    throw new TypeError(`${what}: a matrix must be a non-empty, non-ragged number[][]`);
  }
  return [rows.length, n];
}

/** The elements of `v`, row-major, as float64. */
export function flatten(v: Value, what: string): Float64Array {
  shapeOfValue(v, what);
  if (typeof v === "number") return Float64Array.of(v);
  if (isShaped(v)) return Float64Array.from(v.data);
  const out: number[] = [];
  for (const e of v as readonly (number | readonly number[])[]) {
    if (typeof e === "number") out.push(e);
    else out.push(...e);
  }
  return Float64Array.from(out);
}

/**
 * A value of the same kind and shape as `like` holding `data` (copied). A {@link Shaped} value is
 * rebuilt with a Float64Array.
 */
export function rebuild(like: Value, data: ArrayLike<number>): Value {
  if (typeof like === "number") return data[0] as number;
  if (isShaped(like)) return { data: Float64Array.from(data), shape: like.shape };
  const shape = shapeOfValue(like, "value");
  if (shape.length === 1) return Array.from(data);
  const [m, n] = shape as [number, number];
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => data[i * n + j] as number));
}

/**
 * The elements of a returned gradient or operator result, which may be any {@link Value} or a
 * flat array (e.g. a Float32Array from a framework's `dataSync()`), checked to hold `size` elements.
 */
export function elementsOf(v: Value | ArrayLike<number>, size: number, what: string): Float64Array {
  const data =
    typeof v === "object" && v !== null && !Array.isArray(v) && !isShaped(v) && typeof (v as ArrayLike<number>).length === "number"
      ? Float64Array.from(v as ArrayLike<number>)
      : flatten(v as Value, what);
  if (data.length !== size) throw new TypeError(`${what}: has ${data.length} elements, expected ${size}`);
  return data;
}

/** `x[1][0]`-style name of element `flat` of a value of `shape` called `name`. */
export function elementName(name: string, shape: readonly number[], flat: number): string {
  return name + indexOf(shape, flat).map((i) => `[${i}]`).join("");
}

/** The multi-index of element `flat` of a value of `shape`. */
export function indexOf(shape: readonly number[], flat: number): number[] {
  const index: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    index.unshift(rest % n);
    rest = Math.floor(rest / n);
  }
  return index;
}
