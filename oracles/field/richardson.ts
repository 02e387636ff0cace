/**
 * Richardson extrapolation of difference quotients taken at steps h_i = h_0 / 2^i, with the error
 * estimate of Numerical Recipes' `dfridr` and a propagated rounding floor.
 *
 * Conventions: `T[i][j]` is the table (row i: step h_i; column j: j error terms eliminated); the
 * error of the quotients expands in powers `h^{q_1}, h^{q_2}, …` (central differences: 2, 4, 6, …;
 * one-sided: 1, 2, 3, …).
 *
 * @see spec/04-system.md#system.gradient
 */
import type { Decimal } from "../decimal.js";

export interface Extrapolated {
  /** The table entry with the smallest error estimate (a column ≥ 1 when there are ≥ 2 steps). */
  readonly value: Decimal;
  /**
   * Its error estimate: the larger of its last correction (|T[i][j] − T[i][j−1]|, |T[i][j] − T[i−1][j−1]|,
   * which measures the error of the previous column, so it overestimates this entry's in the
   * asymptotic regime) and the rounding floor carried through the table. Infinite when a quotient is
   * not finite.
   */
  readonly error: Decimal;
}

/**
 * Extrapolates `quotients[i]` (taken at step h_0/2^i) whose error has the expansion orders
 * `q_j = first + (j − 1)·stride`; `noise[i]` bounds the rounding error of `quotients[i]`. A single
 * quotient has no estimate of its truncation error: its error is Infinity.
 *
 * @see spec/04-system.md#system.gradient
 */
export function richardson(quotients: readonly Decimal[], noise: readonly Decimal[], first: number, stride: number): Extrapolated {
  const D = (quotients[0] as Decimal).constructor as typeof Decimal;
  if (quotients.some((q) => !q.isFinite())) return { value: new D(NaN), error: new D(Infinity) };
  const T: Decimal[][] = [];
  const N: Decimal[][] = [];
  let best: Extrapolated = { value: quotients[0] as Decimal, error: new D(Infinity) };
  quotients.forEach((q, i) => {
    const row = [q];
    const floor = [noise[i] as Decimal];
    for (let j = 1; j <= i; j++) {
      const factor = new D(2).pow(first + (j - 1) * stride).minus(1); // 2^{q_j} − 1
      const [here, above] = [row[j - 1] as Decimal, (T[i - 1] as Decimal[])[j - 1] as Decimal];
      const t = here.plus(here.minus(above).div(factor));
      row.push(t);
      // |t − exact| ≤ (1 + 1/factor)·noise(here) + noise(above)/factor
      floor.push((floor[j - 1] as Decimal).times(factor.plus(1)).plus((N[i - 1] as Decimal[])[j - 1] as Decimal).div(factor));
      const error = D.max(t.minus(here).abs(), t.minus(above).abs(), floor[j] as Decimal);
      if (error.lt(best.error)) best = { value: t, error };
    }
    T.push(row);
    N.push(floor);
  });
  return best;
}
