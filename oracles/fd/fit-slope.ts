/**
 * Least-squares slope of log y against log x: the observed order of a power law y ≈ c·x^p.
 */

/** The least-squares slope of log(ys) over log(xs); NaN with fewer than two points. */
export function fitSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return NaN;
  const lx = xs.slice(0, n).map(Math.log);
  const ly = ys.slice(0, n).map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (lx[i]! - mx) * (ly[i]! - my);
    sxx += (lx[i]! - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}
