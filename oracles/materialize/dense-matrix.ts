/**
 * Dense matrices of decimals: the explicit matrices the materialization builds, as rows.
 *
 * Conventions: `A`, `B` are m×n arrays of rows (m, n ≥ 1 wherever an operator builds them: a
 * scalar's space has dimension 1, so no operator matrix is ever empty); `v` is a column as a plain
 * array. Written apart from dtensor.ts's tensor helpers because these matrices act on vec'd tensors
 * and may be large (n = m·n of a tensor), and apart from reference/ on purpose.
 *
 * @see spec/02-operators.md#op.def.operator
 */
import type { Decimal, DecimalContext } from "../decimal.js";

/** An m×n matrix of decimals, as rows. */
export type DenseMatrix = readonly (readonly Decimal[])[];

export const rowCount = (A: DenseMatrix): number => A.length;
export const columnCount = (A: DenseMatrix): number => (A[0] ?? []).length;

/** Entry (i, j); the caller keeps indices in range. */
export const entry = (A: DenseMatrix, i: number, j: number): Decimal => (A[i] as readonly Decimal[])[j] as Decimal;

export function buildMatrix(m: number, n: number, f: (i: number, j: number) => Decimal): DenseMatrix {
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
}

export function zeroMatrix(D: DecimalContext, m: number, n: number): DenseMatrix {
  const zero = new D(0);
  return buildMatrix(m, n, () => zero);
}

export function identityMatrix(D: DecimalContext, n: number): DenseMatrix {
  const zero = new D(0);
  const one = new D(1);
  return buildMatrix(n, n, (i, j) => (i === j ? one : zero));
}

/** diag(d). */
export function diagonalMatrix(D: DecimalContext, d: readonly Decimal[]): DenseMatrix {
  const zero = new D(0);
  return buildMatrix(d.length, d.length, (i, j) => (i === j ? (d[i] as Decimal) : zero));
}

export function matrixTranspose(A: DenseMatrix): DenseMatrix {
  return buildMatrix(columnCount(A), rowCount(A), (i, j) => entry(A, j, i));
}

/** AB; the caller has checked that A's columns match B's rows. Zeros of A are skipped (sparsity only). */
export function matrixProduct(D: DecimalContext, A: DenseMatrix, B: DenseMatrix): DenseMatrix {
  const n = columnCount(B);
  return A.map((row) => {
    const out: Decimal[] = Array.from({ length: n }, () => new D(0));
    row.forEach((a, k) => {
      if (a.isZero()) return;
      const bk = B[k] as readonly Decimal[];
      for (let j = 0; j < n; j++) out[j] = (out[j] as Decimal).plus(a.times(bk[j] as Decimal));
    });
    return out;
  });
}

/** A + B; same size. */
export function matrixSum(A: DenseMatrix, B: DenseMatrix): DenseMatrix {
  return A.map((row, i) => row.map((a, j) => a.plus(entry(B, i, j))));
}

/** cA. */
export function matrixScale(c: Decimal, A: DenseMatrix): DenseMatrix {
  return A.map((row) => row.map((a) => c.times(a)));
}

/** A v. */
export function matrixVector(D: DecimalContext, A: DenseMatrix, v: readonly Decimal[]): Decimal[] {
  return A.map((row) => row.reduce((s, a, j) => s.plus(a.times(v[j] as Decimal)), new D(0)));
}

/** |A|, entrywise. */
export function matrixAbs(A: DenseMatrix): DenseMatrix {
  return A.map((row) => row.map((a) => a.abs()));
}
