/**
 * Gaussian elimination with partial pivoting over any field, as `prim.gepp` describes it: the
 * pivot of column k is the first row r ≥ k of largest |U_rk|; a zero pivot means singular. The
 * right-hand side is carried along, so one pass gives both det A (from the pivots and the number
 * of swaps) and the solution of A X = B (for `inv`, B = I).
 *
 * Conventions: `U` is the working copy of A, `X` that of B; `k` the column being eliminated.
 *
 * @see spec/03-primitives.md#prim.gepp
 */
import type { Field, FMatrix } from "./field.js";

export interface Elimination<T> {
  /** U_kk for k = 1…n, after elimination. */
  readonly pivots: readonly T[];
  /** The number of row swaps with r ≠ k (σ in prim.gepp). */
  readonly swaps: number;
  /** The solution X of A X = B. */
  readonly solution: FMatrix<T>;
}

/**
 * Eliminates the n×n matrix `A` with partial pivoting and solves `A X = B` (`B` is n×m).
 * Returns `undefined` when a pivot is zero: the matrix is singular for this elimination.
 */
export function gepp<T>(F: Field<T>, A: FMatrix<T>, B: FMatrix<T>): Elimination<T> | undefined {
  const n = A.length;
  const U = A.map((row) => [...row]);
  const X = B.map((row) => [...row]);
  let swaps = 0;
  for (let k = 0; k < n; k++) {
    let r = k;
    let best = F.abs((U[k] as T[])[k] as T);
    for (let i = k + 1; i < n; i++) {
      const a = F.abs((U[i] as T[])[k] as T);
      if (F.lessThan(best, a)) [r, best] = [i, a];
    }
    if (F.isZero(best)) return undefined;
    if (r !== k) {
      [U[r], U[k]] = [U[k] as T[], U[r] as T[]];
      [X[r], X[k]] = [X[k] as T[], X[r] as T[]];
      swaps++;
    }
    const Uk = U[k] as T[];
    const Xk = X[k] as T[];
    const pivot = Uk[k] as T;
    for (let i = k + 1; i < n; i++) {
      const Ui = U[i] as T[];
      const Xi = X[i] as T[];
      const m = F.div(Ui[k] as T, pivot);
      for (let j = k + 1; j < n; j++) Ui[j] = F.sub(Ui[j] as T, F.mul(m, Uk[j] as T));
      for (let j = 0; j < Xi.length; j++) Xi[j] = F.sub(Xi[j] as T, F.mul(m, Xk[j] as T));
    }
  }
  // Back substitution on the upper triangle (entries below the diagonal were never written back).
  for (let k = n - 1; k >= 0; k--) {
    const Uk = U[k] as T[];
    const Xk = X[k] as T[];
    for (let j = 0; j < Xk.length; j++) {
      let acc = Xk[j] as T;
      for (let i = k + 1; i < n; i++) acc = F.sub(acc, F.mul(Uk[i] as T, (X[i] as T[])[j] as T));
      Xk[j] = F.div(acc, Uk[k] as T);
    }
  }
  return { pivots: U.map((row, k) => row[k] as T), swaps, solution: X };
}
