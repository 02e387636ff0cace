/**
 * Gaussian elimination with partial pivoting, in decimals: solves A x = b for a square, nonsingular
 * A. Nothing about A's structure is assumed (no triangularity): at step k the row with the largest
 * |A_ik|, i ≥ k, becomes the pivot row, the rows below are eliminated, and the upper triangular
 * result is solved backwards. O(n³) decimal operations; zero multipliers are skipped, which only
 * saves work.
 *
 * A zero pivot column means A is singular (to the context's precision): that is an internal error
 * here, since every system the oracles build is invertible.
 */
import type { Decimal } from "../decimal.js";
import type { DenseMatrix } from "./dense-matrix.js";

/** Statistics of one elimination, for reports and tests. */
export interface GaussStats {
  /** Row exchanges made by pivoting. */
  swaps: number;
  /** Nonzero multipliers applied (rows actually updated). */
  eliminations: number;
}

export function gaussSolve(A: DenseMatrix, b: readonly Decimal[], stats?: GaussStats): Decimal[] {
  const n = b.length;
  if (A.length !== n || A.some((row) => row.length !== n)) throw new Error(`internal: gaussSolve needs a ${n}×${n} matrix`);
  // Augmented working copy [A | b].
  const W: Decimal[][] = A.map((row, i) => [...row, b[i] as Decimal]);
  const row = (i: number): Decimal[] => W[i] as Decimal[];
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if ((row(i)[k] as Decimal).abs().gt((row(p)[k] as Decimal).abs())) p = i;
    const pivot = row(p)[k] as Decimal;
    if (pivot.isZero() || !pivot.isFinite()) throw new Error(`internal: singular matrix (pivot column ${k})`);
    if (p !== k) {
      [W[k], W[p]] = [row(p), row(k)];
      if (stats) stats.swaps++;
    }
    const pk = row(k);
    for (let i = k + 1; i < n; i++) {
      const ri = row(i);
      const f = (ri[k] as Decimal).div(pivot);
      if (f.isZero()) continue;
      if (stats) stats.eliminations++;
      for (let j = k; j <= n; j++) ri[j] = (ri[j] as Decimal).minus(f.times(pk[j] as Decimal));
    }
  }
  const x: Decimal[] = new Array<Decimal>(n);
  for (let i = n - 1; i >= 0; i--) {
    const ri = row(i);
    let s = ri[n] as Decimal;
    for (let j = i + 1; j < n; j++) s = s.minus((ri[j] as Decimal).times(x[j] as Decimal));
    x[i] = s.div(ri[i] as Decimal);
  }
  return x;
}
