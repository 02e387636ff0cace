/**
 * The Kronecker product matrix A ⊗ B: the block matrix with blocks A_ij·B,
 * (A ⊗ B)[i·r + k][j·s + l] = A_ij · B_kl for A m×n and B r×s.
 *
 * With the row-major vectorization the spec uses (vec(X)[i·n + j] = X_ij),
 *
 *     vec(A X B) = (A ⊗ Bᵀ) vec(X),
 *
 * because (AXB)_ij = Σ_kl A_ik X_kl B_lj and A_ik B_lj = A_ik (Bᵀ)_jl is entry ((i, j), (k, l)) of
 * A ⊗ Bᵀ. (The spec's note on op.kron states the column-major form vec(BXAᵀ) = (A ⊗ B) vec(X); in
 * row-major order the same map is B ⊗ A.) kronecker.test.ts checks the identity on random matrices.
 *
 * @see spec/02-operators.md#op.kron
 */
import type { DecimalContext } from "../decimal.js";
import { buildMatrix, columnCount, entry, rowCount, type DenseMatrix } from "./dense-matrix.js";

export function kronecker(_D: DecimalContext, A: DenseMatrix, B: DenseMatrix): DenseMatrix {
  const r = rowCount(B);
  const s = columnCount(B);
  return buildMatrix(rowCount(A) * r, columnCount(A) * s, (p, q) =>
    entry(A, Math.floor(p / r), Math.floor(q / s)).times(entry(B, p % r, q % s)),
  );
}
