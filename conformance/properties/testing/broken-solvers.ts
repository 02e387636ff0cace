/**
 * Triangular solvers with one classic bug each, drop-in replacements for the reference's
 * `solveTriangular` (same signature, same element algebra). Used by broken-backends.ts.
 *
 * Conventions: as in reference/solve.ts — `A` lower triangular, entry (i, j) of Aᵀ• read as
 * adjoint(A[j][i]); back substitution visits the unknowns last to first.
 *
 * @see spec/04-system.md#system.solver
 */
import { solveTriangular, type Algebra, type Operator } from "../../../reference/index.js";

type Solver = typeof solveTriangular;

/** Back substitution that overwrites instead of accumulating: only the last edge into each unknown counts. */
export const overwritingSolve: Solver = (A, b, algebra, transposeDot = false) => {
  const n = b.length;
  const entry = (i: number, j: number) => (transposeDot ? algebra.adjoint(A[j]?.[i] as never) : A[i]?.[j]) as never;
  const order = Array.from({ length: n }, (_, k) => (transposeDot ? n - 1 - k : k));
  const x = new Array(n);
  order.forEach((i, step) => {
    let r = b[i];
    const isZero = (e: Operator) => e.op === "zero";
    for (const j of order.slice(0, step)) {
      const e = entry(i, j) as Operator;
      if (!isZero(e)) r = algebra.sub(b[i] as never, algebra.mul(e as never, x[j])); // the bug: b[i], not r
    }
    x[i] = algebra.ldiv(entry(i, i), r as never);
  });
  return x;
};

/**
 * Back substitution whose inner loop stops one unknown short: x_i never hears from x_{i+1}, its
 * nearest consumer (`j > i + 1` where `j > i` is meant). Forward substitution is the reference's.
 */
export function offByOneSolve<E, V>(A: readonly (readonly E[])[], b: readonly V[], algebra: Algebra<E, V>, transposeDot = false): V[] {
  if (!transposeDot) return solveTriangular(A, b, algebra);
  const n = b.length;
  const entry = (i: number, j: number): E => algebra.adjoint(A[j]?.[i] as E);
  const x: V[] = new Array<V>(n);
  for (let i = n - 1; i >= 0; i--) {
    let r = b[i] as V;
    for (let j = n - 1; j > i + 1; j--) r = algebra.sub(r, algebra.mul(entry(i, j), x[j] as V)); // the bug: j > i + 1
    x[i] = algebra.ldiv(entry(i, i), r);
  }
  return x;
}
