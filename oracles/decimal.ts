/**
 * decimal.js numbers for the oracles: a context at a chosen precision, and the exact value of a
 * binary64 as a starting point.
 *
 * `new Decimal(0.1)` is 0.1, not the double nearest to it (0.1000000000000000055511151231257827…):
 * decimal.js reads a JS number through its shortest decimal string. The oracles must start from
 * the exact doubles every backend starts from, so they convert through the hex-float form, which
 * decimal.js reads exactly (then rounds to the context's precision).
 *
 * @see spec/01-values.md#value.number.nearest
 */
import { Decimal } from "decimal.js";

export { Decimal };
export type DecimalContext = typeof Decimal;

/** Default working precision of the oracles, in significant digits. */
export const DEFAULT_PRECISION = 40;

/** A decimal.js constructor with its own precision (the global one is never changed). */
export function decimalContext(precision = DEFAULT_PRECISION): DecimalContext {
  return Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

const view = new DataView(new ArrayBuffer(8));

/** A finite double as `m · 2^e` with integer `m` (sign included) and integer `e`. */
function split(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  return { m: hi >>> 31 ? -m : m, e: (biased === 0 ? 1 : biased) - 1075 };
}

/** The exact value of a double as a hex-float string (`-0x1.999999999999ap-4`), or its name. */
export function hexFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0x0p+0" : "0x0p+0";
  const { m, e } = split(x);
  return `${m < 0n ? "-" : ""}0x${(m < 0n ? -m : m).toString(16)}p${e >= 0 ? "+" : ""}${e}`;
}

/**
 * The double `x` as a decimal of context `D`, with every digit (decimal.js rounds results of
 * operations to the context's precision, not the values it is constructed from). Its own hex-float
 * parsing loses digits for large binary exponents (2⁻¹⁰⁷⁴ comes out wrong in the 20th digit), so
 * the exact decimal expansion is built with BigInt: m·2^e = m·5^k·10^−k for e = −k < 0.
 */
export function exact(D: DecimalContext, x: number): Decimal {
  if (!Number.isFinite(x)) return new D(x);
  if (x === 0) return new D(Object.is(x, -0) ? "-0" : "0");
  const { m, e } = split(x);
  return e >= 0 ? new D((m << BigInt(e)).toString()) : new D(`${(m * 5n ** BigInt(-e)).toString()}e${e}`);
}
