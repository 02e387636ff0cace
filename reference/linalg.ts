/**
 * Gaussian elimination with partial pivoting, for `inv` and `logdet`.
 *
 * An exactly zero pivot means the matrix is singular: E_DOMAIN. A matrix with a NaN element is never
 * checked (NaN is never a domain fault): its inverse is all NaN, its log-determinant NaN. Plain O(n³),
 * no blocking.
 *
 * @see spec/03-primitives.md#prim.inv.domain
 * @see spec/03-primitives.md#nan.linalg
 */
import { fail } from "./errors.js";
import { at, identityMatrix, type Matrix } from "./tensor.js";

interface Elimination {
  /** The eliminated (upper-triangular) matrix, and the same row operations applied to `rhs`. */
  readonly upper: number[][];
  readonly rhs: number[][];
  /** (−1)^(number of row swaps). */
  readonly sign: number;
}

function eliminate(A: Matrix, rhs: Matrix, what: string): Elimination {
  const U = A.map((row) => [...row]);
  const R = rhs.map((row) => [...row]);
  const n = U.length;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(at(U, i, k)) > Math.abs(at(U, p, k))) p = i;
    if (at(U, p, k) === 0) fail("E_DOMAIN", `${what}: the matrix is singular (zero pivot in column ${k})`);
    if (p !== k) {
      [U[k], U[p]] = [U[p] as number[], U[k] as number[]];
      [R[k], R[p]] = [R[p] as number[], R[k] as number[]];
      sign = -sign;
    }
    const Uk = U[k] as number[];
    const Rk = R[k] as number[];
    for (let i = k + 1; i < n; i++) {
      const Ui = U[i] as number[];
      const Ri = R[i] as number[];
      const f = (Ui[k] as number) / (Uk[k] as number);
      // Stryker disable next-line EqualityOperator: equivalent — j = n writes NaN into an extra column n of the working copy, which inverse and logDeterminant never read (they read columns < n)
      for (let j = k; j < n; j++) Ui[j] = (Ui[j] as number) - f * (Uk[j] as number);
      for (let j = 0; j < Ri.length; j++) Ri[j] = (Ri[j] as number) - f * (Rk[j] as number);
    }
  }
  return { upper: U, rhs: R, sign };
}

/** Whether some element of A is NaN: then inv and logdet are NaN, never E_DOMAIN. @see spec/03-primitives.md#nan.linalg */
const hasNaN = (A: Matrix): boolean => A.some((row) => row.some(Number.isNaN));

/** A⁻¹ by elimination on [A | I] and back substitution; every element NaN if A has a NaN element. */
export function inverse(A: Matrix): Matrix {
  if (hasNaN(A)) return A.map((row) => row.map(() => NaN));
  const n = A.length;
  const { upper: U, rhs: R } = eliminate(A, identityMatrix(n), "inv");
  // Stryker disable next-line ArrowFunction: equivalent — the back substitution assigns every element of X before reading it; the fill only sizes the rows
  const X: number[][] = R.map((row) => row.map(() => 0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = 0; j < n; j++) {
      let s = at(R, i, j);
      for (let k = i + 1; k < n; k++) s -= at(U, i, k) * at(X, k, j);
      (X[i] as number[])[j] = s / at(U, i, i);
    }
  }
  return X;
}

/** log det A for det A > 0 (E_DOMAIN otherwise), as Σ log|u_kk| so that det may overflow. */
export function logDeterminant(A: Matrix): number {
  if (hasNaN(A)) return NaN;
  // Stryker disable next-line ArrayDeclaration: equivalent — logdet never reads the right-hand side eliminate carries along; a string there only makes its unread entries NaN
  const { upper: U, sign } = eliminate(A, A.map(() => []), "logdet");
  let s = sign;
  let logAbs = 0;
  U.forEach((_, k) => {
    const u = at(U, k, k);
    // Stryker disable next-line EqualityOperator: equivalent — u is the pivot eliminate accepted at step k (nonzero, and row k is not touched after), never ±0
    if (u < 0) s = -s;
    logAbs += Math.log(Math.abs(u));
  });
  // Stryker disable next-line EqualityOperator: equivalent — s is ±1, never 0
  if (!(s > 0)) fail("E_DOMAIN", "logdet: the determinant is negative");
  return logAbs;
}
