/**
 * The commutation matrix: the permutation K_{m,n} with K vec(X) = vec(Xᵀ) for every m×n X, in the
 * spec's row-major vec order. Xᵀ is n×m, and (Xᵀ)_ji = X_ij sits at index j·m + i of vec(Xᵀ) while
 * X_ij sits at i·n + j of vec(X): so K has a single 1 in row j·m + i, column i·n + j.
 *
 * @see spec/02-operators.md#op.transpose.apply
 */
import type { DecimalContext } from "../decimal.js";
import { buildMatrix, type DenseMatrix } from "./dense-matrix.js";

export function commutationMatrix(D: DecimalContext, m: number, n: number): DenseMatrix {
  const zero = new D(0);
  const one = new D(1);
  // row p = j·m + i ↔ (j, i) of Xᵀ; column q = i·n + j ↔ (i, j) of X.
  return buildMatrix(m * n, m * n, (p, q) => (Math.floor(q / n) === p % m && q % n === Math.floor(p / m) ? one : zero));
}
