/**
 * Shapes as the dimensions of vec'd tensors: a scalar's space has dimension 1, an m×n matrix's m·n.
 *
 * @see spec/01-values.md#value.shape
 */
import { fail } from "../../reference/errors.js";
import type { DShape, DTensor } from "../dtensor.js";
import { dshape } from "../dtensor.js";

/** The dimension of ℝ^S: the length of vec(X) for X of shape S. */
export const shapeSize = (s: DShape): number => (s.length === 0 ? 1 : s[0] * s[1]);

export const sameShape = (a: DShape, b: DShape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export const showShape = (s: DShape): string => (s.length === 0 ? "scalar" : `${s[0]}×${s[1]}`);

/** The shape of a tensor that must be a matrix (E_SHAPE for a scalar). */
export function matrixShape(t: DTensor, what: string): readonly [number, number] {
  const s = dshape(t);
  if (s.length === 0) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return s;
}

/** E_SHAPE unless `actual` is `expected`. */
export function requireShape(actual: DShape, expected: DShape, what: string): void {
  if (!sameShape(actual, expected)) fail("E_SHAPE", `${what} is ${showShape(actual)}, expected ${showShape(expected)}`);
}
