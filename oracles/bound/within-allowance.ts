/**
 * One element judged by the tolerance model: NaN matches NaN, an infinity only itself, and a
 * finite pair matches when |a − e| ≤ allowance. A NaN allowance (b not finite) admits only equality.
 *
 * @see spec/07-tolerance.md#tol.judge
 */
export function withinAllowance(actual: number, expected: number, allowance: number): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
  if (actual === expected) return true; // equal infinities, and +0 = −0
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= allowance; // false for a NaN allowance
}
