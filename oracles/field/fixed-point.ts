/**
 * Series kernels in fixed point — BigInt `X` standing for X / 10^W — for the decimal field's
 * elementary functions. decimal.js's own exp, ln, sin, cos and tanh are correctly rounded but cost
 * 100–250 µs each at 40 digits (and exp, tanh blow up on large arguments); the oracles evaluate
 * graphs hundreds of times, so the decimal field reduces arguments in decimal.js and sums the
 * series of the reduced argument here, where a multiply-and-rescale costs well under a
 * microsecond. Each kernel's result is near 1, so its absolute error (a few units of 10^{−W}) is
 * a relative one; the caller multiplies it back onto the relatively exact reduced argument.
 *
 * Conventions: `W` fractional digits, `ONE = 10^W`; `u` is a squared argument; every product is
 * truncated back to W digits (an error of one unit each).
 */
import type { Decimal, DecimalContext } from "../decimal.js";

const powersOfTen = new Map<number, bigint>();
/** 10^W as a BigInt. */
export function unit(W: number): bigint {
  let one = powersOfTen.get(W);
  if (one === undefined) powersOfTen.set(W, (one = 10n ** BigInt(W)));
  return one;
}

/** round(x·10^W) for a finite decimal x (any sign of zero gives 0n). */
export function toFixed(x: Decimal, W: number): bigint {
  return BigInt(x.toFixed(W).replace(".", ""));
}

/** X·10^{−W}·10^{shift} as a decimal of context D, rounded to D's precision. */
export function fromFixed(D: DecimalContext, X: bigint, W: number, shift = 0): Decimal {
  return new D(`${X}e${shift - W}`).toSignificantDigits(D.precision);
}

/** e^r for |r| ≲ 1.2: 8 halvings, Taylor, 8 squarings (W should carry 3 guard digits for the squarings). */
export function expKernel(R: bigint, W: number): bigint {
  const ONE = unit(W);
  const halvings = 8;
  const r = R / 256n;
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / ONE / n;
    sum += term;
  }
  for (let i = 0; i < halvings; i++) sum = (sum * sum) / ONE;
  return sum;
}

/** Σ_{n≥0} u^n/(2n+1), so that atanh z = z·Σ(z²) — for u = z² ≤ 1/9. */
export function atanhSeries(U: bigint, W: number): bigint {
  const ONE = unit(W);
  let power = ONE;
  let sum = ONE;
  for (let n = 1n; power !== 0n; n++) {
    power = (power * U) / ONE;
    sum += power / (2n * n + 1n);
  }
  return sum;
}

/**
 * Σ s^n u^n/(2n+1)! (odd) or Σ s^n u^n/(2n)! (even) for s = ±1: sin r = r·odd, cos r = even
 * (s = −1, u = r²); sinh r = r·odd, cosh r = even (s = +1).
 */
export function trigSeries(U: bigint, W: number, sign: 1n | -1n, parity: "odd" | "even"): bigint {
  const ONE = unit(W);
  const first = parity === "odd" ? 2n : 1n; // term n divides by (2n − 1)(2n) or (2n)(2n + 1)
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (sign * term * U) / ONE / ((2n * n - 2n + first) * (2n * n - 1n + first));
    sum += term;
  }
  return sum;
}
