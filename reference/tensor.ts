/**
 * Tensors: a scalar (a number) or a row-major matrix with m ≥ 1 rows and n ≥ 1 columns.
 *
 * Conventions: `A`, `B`, `X` matrices; `x` a scalar; `t` any tensor. No broadcasting anywhere.
 *
 * @see spec/01-values.md#value.tensor
 */
import { fail } from "./errors.js";

export type Matrix = readonly (readonly number[])[];
export type Tensor = number | Matrix;
/** `[]` for a scalar, `[m, n]` for a matrix. @see spec/01-values.md#value.shape */
export type Shape = readonly [] | readonly [number, number];

export const isScalar = (t: Tensor): t is number => typeof t === "number";

export function shapeOf(t: Tensor): Shape {
  // Stryker disable next-line OptionalChaining: equivalent — every matrix has at least one row: parsed tensors (spec: value.tensor, E_SCHEMA otherwise) and matrices built from their shapes
  return isScalar(t) ? [] : [t.length, t[0]?.length ?? 0];
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(s: Shape): string {
  return s.length === 0 ? "scalar" : `${s[0]}×${s[1]}`;
}

/** Element access for matrices built by this module (the index is always in range). */
export const at = (A: Matrix, i: number, j: number): number => (A[i] as readonly number[])[j] as number;

export function build(m: number, n: number, f: (i: number, j: number) => number): Matrix {
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
}

export function filled(shape: Shape, value: number): Tensor {
  return shape.length === 0 ? value : build(shape[0], shape[1], () => value);
}

export const zeros = (shape: Shape): Tensor => filled(shape, 0);

export const identityMatrix = (n: number): Matrix => build(n, n, (i, j) => (i === j ? 1 : 0));

/** Elementwise map, preserving shape. */
export function map(t: Tensor, f: (x: number) => number): Tensor {
  return isScalar(t) ? f(t) : t.map((row) => row.map(f));
}

/** Elementwise combination of two tensors of the same shape (E_SHAPE otherwise). */
export function zip(a: Tensor, b: Tensor, f: (x: number, y: number) => number, what = "operands"): Tensor {
  requireSameShape(a, b, what);
  if (isScalar(a)) return f(a, b as number);
  const B = b as Matrix;
  return a.map((row, i) => row.map((x, j) => f(x, at(B, i, j))));
}

export function requireSameShape(a: Tensor, b: Tensor, what: string): void {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (!sameShape(sa, sb)) fail("E_SHAPE", `${what} have different shapes: ${formatShape(sa)} and ${formatShape(sb)}`);
}

export function requireMatrix(t: Tensor, what: string): Matrix {
  if (isScalar(t)) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return t;
}

export function requireScalar(t: Tensor, what: string): number {
  if (!isScalar(t)) fail("E_SHAPE", `${what} must be a scalar, got ${formatShape(shapeOf(t))}`);
  return t;
}

export function requireSquare(t: Tensor, what: string): Matrix {
  const A = requireMatrix(t, what);
  // Stryker disable next-line OptionalChaining: equivalent — every matrix has at least one row (spec: value.tensor)
  if (A.length !== A[0]?.length) fail("E_SHAPE", `${what} must be square, got ${formatShape(shapeOf(A))}`);
  return A;
}

export const add = (a: Tensor, b: Tensor): Tensor => zip(a, b, (x, y) => x + y, "summands");
export const sub = (a: Tensor, b: Tensor): Tensor => zip(a, b, (x, y) => x - y, "operands of a difference");
export const hadamard = (a: Tensor, b: Tensor): Tensor => zip(a, b, (x, y) => x * y, "Hadamard factors");
export const scale = (c: number, t: Tensor): Tensor => map(t, (x) => c * x);

/** Xᵀ; a scalar is its own transpose. */
export function transpose(t: Tensor): Tensor {
  if (isScalar(t)) return t;
  // Stryker disable next-line OptionalChaining: equivalent — every matrix has at least one row (spec: value.tensor)
  return build(t[0]?.length ?? 0, t.length, (i, j) => at(t, j, i));
}

/** The matrix product AB (E_SHAPE unless A.cols = B.rows). */
export function matmul(A: Matrix, B: Matrix): Matrix {
  // Stryker disable next-line OptionalChaining: equivalent — every matrix has at least one row (spec: value.tensor)
  const n = A[0]?.length ?? 0;
  if (n !== B.length) {
    fail("E_SHAPE", `cannot multiply ${formatShape(shapeOf(A))} by ${formatShape(shapeOf(B))}`);
  }
  // Stryker disable next-line OptionalChaining: equivalent — every matrix has at least one row (spec: value.tensor)
  return build(A.length, B[0]?.length ?? 0, (i, j) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += at(A, i, k) * at(B, k, j);
    return s;
  });
}

/** ⟨G, X⟩ = Σ G_ij X_ij (for scalars, G·X). @see spec/01-values.md#value.inner-product */
export function inner(G: Tensor, X: Tensor): number {
  if (isScalar(G)) return G * requireScalar(X, "the argument of a scalar inner product");
  requireSameShape(G, X, "inner-product factors");
  let s = 0;
  G.forEach((row, i) => row.forEach((g, j) => (s += g * at(X as Matrix, i, j))));
  return s;
}

/** All elements in row-major order. */
export function elements(t: Tensor): number[] {
  return isScalar(t) ? [t] : t.flat();
}
