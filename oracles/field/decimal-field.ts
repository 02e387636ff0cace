/**
 * The high-precision field: decimal.js arithmetic at the precision P of a context `D`, inputs
 * converted exactly from binary64 (`exact`, never `new D(x)` on a double).
 *
 * Elementary functions reduce their argument in decimal.js, at a precision widened by the digits
 * the reduction cancels, and sum the series of the reduced argument in BigInt fixed point
 * (fixed-point.ts) with 10 guard digits:
 * - e^x = 10^k · e^r, r = x − k·ln 10 (so exp(1e10) costs what exp(1) does; decimal.js's own exp
 *   takes 0.3 s at 1e6 and exhausts the heap at 1e10);
 * - ln x = ln(1 + d) by atanh near 1 (relatively exact for x → 1), else e·ln 10 + j·ln 2 + ln f with
 *   f ∈ [0.7, 1.42];
 * - sin, cos: r = x − k·π/2 with π to the digits of x plus the working ones (so sin(1e300) is right),
 *   redone with the cancelled digits added when r comes out small (so sin(π as a double) is too);
 * - tanh: ±1 once 1 − |tanh x| ≈ 2e^{−2|x|} is below half an ulp (decimal.js's own never returns for
 *   tanh(1e6)), (1 − e^{−2|x|})/(1 + e^{−2|x|}) for |x| ≥ ½, x·sinh/cosh series below;
 * - a^p = e^{p·ln a} with the precision widened by the digits of p·ln a; integer p by decimal.js's
 *   repeated squaring; sqrt is decimal.js's.
 * Each result is within an ulp (10^{1−P} relative); the tests compare with decimal.js's correctly
 * rounded functions at 30 more digits. Negative zero survives where IEEE 754 keeps it (neg, sin,
 * tanh, sqrt, odd powers). Limits: decimal.js carries ln 10 and π to 1025 digits, so precisions
 * beyond ~1000 digits, or sin of |x| beyond ~10^{1000}, throw its "Precision limit exceeded".
 *
 * @see spec/01-values.md#value.number.nearest
 * @see spec/03-primitives.md#prim.overflow
 */
import type { Decimal, DecimalContext } from "../decimal.js";
import { exact } from "../decimal.js";
import type { Field } from "./field.js";
import { atanhSeries, expKernel, fromFixed, toFixed, trigSeries, unit } from "./fixed-point.js";

const fields = new WeakMap<DecimalContext, Field<Decimal>>();

/** The field of decimals of context `D` (one instance per context). */
export function decimalField(D: DecimalContext): Field<Decimal> {
  let field = fields.get(D);
  if (field === undefined) fields.set(D, (field = makeDecimalField(D)));
  return field;
}

/** Guard digits of the fixed-point series. */
const GUARD = 10;

const digitsOf = (n: number): number => Math.ceil(Math.log10(Math.abs(n) + 1));

function makeDecimalField(D: DecimalContext): Field<Decimal> {
  const P = D.precision;
  const contexts = new Map<number, DecimalContext>([[P, D]]);
  /** The context of precision `q` (cached: cloning is not free). */
  const context = (q: number): DecimalContext => {
    let C = contexts.get(q);
    if (C === undefined) contexts.set(q, (C = D.clone({ precision: q })));
    return C;
  };
  const constant = (make: (C: DecimalContext) => Decimal): ((q: number) => Decimal) => {
    const cache = new Map<number, Decimal>();
    return (q) => {
      let v = cache.get(q);
      if (v === undefined) cache.set(q, (v = make(context(q))));
      return v;
    };
  };
  // decimal.js's constants (ln 10 and π to 1025 digits) make these exact to q digits.
  const ln10 = constant((C) => new C(10).ln());
  const ln2 = constant((C) => new C(2).ln());
  const halfPi = constant((C) => new C(-1).acos().div(2));
  const minusOne = constant((C) => new C(-1));

  /** e^x to q digits (x finite). */
  const expTo = (q: number, x: Decimal): Decimal => {
    const k = Math.round(x.toNumber() / Math.LN10);
    // Beyond decimal.js's exponent range (±9e15) the result overflows to Infinity or underflows to 0.
    if (k > 9e15) return new (context(q))(Infinity);
    if (k < -9e15) return new (context(q))(0);
    const W = q + GUARD;
    // x − k·ln 10 cancels the digits of k: compute it with that many more.
    const V = context(W + digitsOf(k));
    // (−k·ln 10) + x: an operation runs at the precision of its receiver, here V's, without copying x
    const r = k === 0 ? x : ln10(V.precision).times(-k).plus(x);
    return fromFixed(context(q), expKernel(toFixed(r, W), W), W, k);
  };

  /** ln x to q digits (x finite, > 0). */
  const lnTo = (q: number, x: Decimal): Decimal => {
    const W = q + GUARD;
    const C = context(W);
    const ONE = unit(W);
    const atanh2 = (z: Decimal): Decimal => {
      const Z = toFixed(z, W);
      return z.times(2).times(fromFixed(C, atanhSeries((Z * Z) / ONE, W), W));
    };
    const d = minusOne(W).plus(x);
    // Near 1, ln x = 2 atanh(d/(d + 2)) keeps its relative precision as x → 1.
    if (d.abs().lt(0.5)) return new (context(q))(atanh2(d.div(d.plus(2)))).toSignificantDigits(q);
    // x = m·10^e, m = 2^j·f with f ∈ [0.7, 1.42]: ln x = e·ln 10 + j·ln 2 + 2 atanh((f − 1)/(f + 1)).
    const e = x.e;
    const m = new C(x).times(`1e${-e}`);
    const j = Math.round(Math.log2(m.toNumber()));
    const f = m.div(2 ** j);
    const L = context(W + digitsOf(e));
    const sum = new L(e).times(ln10(L.precision)).plus(new L(j).times(ln2(L.precision))).plus(atanh2(f.minus(1).div(f.plus(1))));
    return new (context(q))(sum).toSignificantDigits(q);
  };

  /** sin(x + shift·π/2) to P digits (x finite, not zero): shift 0 is sin x, shift 1 is cos x. */
  const sine = (x: Decimal, shift: 0 | 1): Decimal => {
    const W = P + GUARD;
    const V = context(W + Math.max(0, x.e + 1) + 5);
    const hp = halfPi(V.precision);
    const small = x.abs().lt(1e15); // then the quotient rounded in binary64 is within 1 of the true one
    const k = small ? Math.round(x.toNumber() / (Math.PI / 2)) : new V(x).div(hp).round();
    // r = x − k·π/2, computed as (−k·π/2) + x at the precision of the π/2 constant
    let r = hp.times(k).neg().plus(x);
    // Next to a multiple of π/2 the reduction cancels the leading digits of r: redo it with as many more.
    if (!r.isZero() && r.e < -2) r = halfPi(V.precision - r.e).times(k).neg().plus(x);
    const R = toFixed(r, W);
    const U = (R * R) / unit(W);
    // sin(r + q·π/2) is sin r, cos r, −sin r, −cos r for q = 0, 1, 2, 3.
    const q = typeof k === "number" ? (((k + shift) % 4) + 4) % 4 : k.plus(shift).mod(4).plus(4).mod(4).toNumber();
    const v = q % 2 === 0 ? r.times(fromFixed(V, trigSeries(U, W, -1n, "odd"), W)) : fromFixed(V, trigSeries(U, W, -1n, "even"), W);
    return new D(q >= 2 ? v.neg() : v).toSignificantDigits(P);
  };

  // |tanh x| rounds to 1 at P digits once 2e^{−2|x|} < 10^{−P−1}.
  const tanhSaturation = ((P + 2) * Math.LN10 + Math.LN2) / 2 + 1;

  const tanh = (x: Decimal): Decimal => {
    if (!x.isFinite()) return new D(x.s); // ±Infinity → ±1; NaN → NaN (its sign is NaN)
    if (x.isZero()) return x;
    const a = x.abs();
    if (a.gt(tanhSaturation)) return new D(x.s);
    if (a.gte(0.5)) {
      const C = context(P + 5);
      const e = expTo(P + 5, new C(a).times(-2));
      const t = new C(1).minus(e).div(new C(1).plus(e));
      return new D(x.isNegative() ? t.neg() : t).toSignificantDigits(P);
    }
    const W = P + GUARD;
    const ONE = unit(W);
    const R = toFixed(x, W);
    const U = (R * R) / ONE;
    return x.times(fromFixed(D, (trigSeries(U, W, 1n, "odd") * ONE) / trigSeries(U, W, 1n, "even"), W));
  };

  const pow = (x: Decimal, p: number): Decimal => {
    if (!x.isFinite()) return exact(D, Math.pow(x.toNumber(), p)); // IEEE limits are exact: 0, ±∞
    const odd = Number.isInteger(p) && Math.abs(p % 2) === 1;
    // Outside prim.pow.domain (never called so by the primitives) IEEE 754's answers: ±∞ or NaN.
    if ((x.isZero() && p < 0) || (x.lt(0) && !Number.isInteger(p))) return exact(D, Math.pow(x.isZero() ? (x.isNegative() ? -0 : 0) : -1, p));
    if (x.isZero()) return x.isNegative() && odd ? new D("-0") : new D(0);
    if (Number.isInteger(p) && Math.abs(p) <= Number.MAX_SAFE_INTEGER) return x.pow(p); // repeated squaring
    // |x|^p = e^{p·ln|x|}: the reduction cancels the integer digits of p·ln|x|, so carry them.
    const Wp = P + digitsOf(Math.abs(p) * (Math.abs(x.e) + 1) * Math.LN10) + 5;
    const y = exact(context(Wp), p).times(lnTo(Wp, x.abs()));
    const v = expTo(P, y);
    return x.isNegative() && odd ? v.neg() : v;
  };

  const exp = (x: Decimal): Decimal => (x.isFinite() ? expTo(P, x) : new D(x.isNaN() ? NaN : x.isNegative() ? 0 : Infinity));
  const one = new D(1);

  return {
    name: `decimal(${P})`,
    fromNumber: (x) => exact(D, x),
    toNumber: (x) => x.toNumber(),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.div(b),
    neg: (a) => a.neg(),
    abs: (a) => a.abs(),
    isNaN: (a) => a.isNaN(),
    isZero: (a) => a.isZero(),
    isNegative: (a) => a.lt(0),
    lessThan: (a, b) => a.lt(b),
    exp,
    // ln 0 = −∞ and ln of a negative number is NaN, as in IEEE 754 (the primitives never ask).
    log: (a) => (a.isZero() ? new D(-Infinity) : a.lt(0) ? new D(NaN) : a.isFinite() ? lnTo(P, a) : a),
    sin: (a) => (!a.isFinite() ? new D(NaN) : a.isZero() ? a : sine(a, 0)),
    cos: (a) => (!a.isFinite() ? new D(NaN) : a.isZero() ? one : sine(a, 1)),
    tanh,
    sigmoid: (a) => one.div(one.plus(exp(a.neg()))),
    sqrt: (a) => a.sqrt(),
    pow,
  };
}
