/**
 * Shapes and elementwise maps for tensors over any {@link Field}: the few structural helpers the
 * primitives share. Written apart from reference/tensor.ts (the oracles share no code with what
 * they judge).
 *
 * @see spec/01-values.md#value.tensor
 * @see spec/01-values.md#value.shape
 */
import type { FMatrix, FTensor } from "./field.js";

/** `[]` for a scalar, `[m, n]` for an m×n matrix. */
export type FShape = readonly [] | readonly [number, number];

export const isFMatrix = <T>(t: FTensor<T>): t is FMatrix<T> => Array.isArray(t);

export function fshape<T>(t: FTensor<T>): FShape {
  return isFMatrix(t) ? [t.length, (t[0] as readonly T[]).length] : [];
}

export const formatFShape = (s: FShape): string => (s.length === 0 ? "[]" : `[${s[0]}, ${s[1]}]`);

export const sameFShape = (a: FShape, b: FShape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** Row-major elements (one for a scalar). */
export function felements<T>(t: FTensor<T>): T[] {
  return isFMatrix(t) ? t.flat() as T[] : [t];
}

/** The tensor of shape `s` with row-major elements `xs`. */
export function fromFElements<T>(s: FShape, xs: readonly T[]): FTensor<T> {
  if (s.length === 0) return xs[0] as T;
  return Array.from({ length: s[0] }, (_, i) => xs.slice(i * s[1], (i + 1) * s[1]));
}

export function fmap<T, U>(t: FTensor<T>, f: (x: T) => U): FTensor<U> {
  return isFMatrix(t) ? t.map((row) => row.map((x) => f(x))) : f(t);
}

/** Elementwise `f(a, b)`; the caller has checked that the shapes are equal. */
export function fzip<T>(a: FTensor<T>, b: FTensor<T>, f: (x: T, y: T) => T): FTensor<T> {
  if (!isFMatrix(a)) return f(a, b as T);
  const B = b as FMatrix<T>;
  return a.map((row, i) => row.map((x, j) => f(x, (B[i] as readonly T[])[j] as T)));
}
