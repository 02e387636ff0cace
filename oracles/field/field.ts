/**
 * A numeric field: the scalar arithmetic the oracles' graph evaluator is written over, so that one
 * evaluator runs in high precision (decimal.js) and in binary64 (plain numbers) alike.
 *
 * Conventions: `T` is the element type; a tensor of `T` is a scalar `T` or a row-major matrix of
 * `T` (`FTensor<T>`). Elements are never arrays, so `Array.isArray` tells a matrix from a scalar.
 * The elementary functions are the mathematical ones on the real line, extended to ±Infinity and
 * NaN as IEEE 754 extends them (so that they are total: ln 0 = −∞, ln(−1) = NaN); domain checks are
 * not the field's business — the primitives (`primitive-forward.ts`) decide `E_DOMAIN` before
 * calling them.
 *
 * @see spec/03-primitives.md#prim.elementwise
 * @see spec/01-values.md#value.arithmetic
 */

/** A row-major matrix of field elements. */
export type FMatrix<T> = readonly (readonly T[])[];
/** A scalar or a matrix of field elements. @see spec/01-values.md#value.tensor */
export type FTensor<T> = T | FMatrix<T>;

/**
 * The operations the primitives' forward maps need. Arithmetic follows IEEE 754 on special values
 * (`∞ − ∞` and `0·∞` are NaN, `−0` survives negation); how closely finite results are rounded is
 * the instance's precision.
 *
 * @see spec/03-primitives.md#prim.nan
 * @see spec/03-primitives.md#prim.overflow
 */
export interface Field<T> {
  /** A short name for messages ("decimal(40)", "float64"). */
  readonly name: string;
  /** The binary64 `x` as an element, exactly up to the field's precision (never via its decimal string). */
  fromNumber(x: number): T;
  /** The nearest binary64. */
  toNumber(x: T): number;

  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;

  isNaN(a: T): boolean;
  /** True for +0 and −0. */
  isZero(a: T): boolean;
  /** Strictly below zero (false for −0 and NaN). */
  isNegative(a: T): boolean;
  /** `a < b`; false when either is NaN. */
  lessThan(a: T, b: T): boolean;

  exp(a: T): T;
  /** Natural logarithm (the primitives call it only for `a > 0` or NaN). */
  log(a: T): T;
  sin(a: T): T;
  cos(a: T): T;
  tanh(a: T): T;
  /** `1 / (1 + e^{−a})`. */
  sigmoid(a: T): T;
  /** Square root (the primitives call it only for `a ≥ 0`, either zero, or NaN); `sqrt(−0) = −0`. */
  sqrt(a: T): T;
  /**
   * `a^p` for a finite binary64 exponent `p ≠ 0`, as IEEE 754's pow (the primitives call it only
   * inside `prim.pow.domain`: `a < 0` only for integer `p`, `a = ±0` only for `p > 0`).
   */
  pow(a: T, p: number): T;
}
