// The decimal field's elementary functions against decimal.js's own, correctly rounded ones at 30
// more digits; IEEE special values and signed zeros; large arguments (spec: prim.overflow,
// prim.sqrt.forward, prim.neg.forward).
import { describe, expect, it } from "vitest";
import { type Decimal, decimalContext, exact } from "../decimal.js";
import { decimalField } from "./decimal-field.js";

/** Deterministic arguments over many scales, plus the awkward ones. */
function argumentsOverScales(): number[] {
  let s = 2024;
  const next = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const xs = Array.from({ length: 150 }, () => (next() * 2 - 1) * 10 ** (next() * 8 - 4));
  return [...xs, 1e-30, -1e-30, 1e-300, 5e-324, 1, -1, 0.5, -0.5, 0.49999, 1e15, Math.PI, Math.PI / 2, 2 * Math.PI, 710, -745, 0.999999999, 1.0000001, 3, 10];
}

/**
 * Largest |F.f(a) − g(a)| / |g(a)| over the arguments a = prepare(x) (rounded to P digits first, so
 * both sides see the same argument), in units of 10^{1−P}; g runs at P + 30 digits.
 */
function worstUlps(
  P: number,
  f: (F: ReturnType<typeof decimalField>, a: Decimal) => Decimal,
  g: (a: Decimal) => Decimal,
  domain: (x: number) => boolean,
  prepare: (x: Decimal) => Decimal = (x) => x.toSignificantDigits(P),
): number {
  const D = decimalContext(P);
  const H = decimalContext(P + 30);
  const F = decimalField(D);
  let worst = 0;
  for (const x of argumentsOverScales().filter(domain)) {
    const a = prepare(exact(D, x));
    const want = g(new H(a));
    const got = f(F, a);
    worst = Math.max(worst, want.isZero() ? (got.isZero() ? 0 : Infinity) : got.minus(want).div(want).abs().div(new H(10).pow(1 - P)).toNumber());
  }
  return worst;
}

describe("decimalField elementary functions", () => {
  for (const P of [20, 40, 64]) {
    it(`are within one unit in the last place of decimal.js at ${P} digits`, () => {
      const moderate = (x: number): boolean => Math.abs(x) < 1e4;
      expect(worstUlps(P, (F, x) => F.exp(x), (x) => x.exp(), moderate)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.log(x), (x) => x.ln(), (x) => x > 0)).toBeLessThan(1);
      expect(worstUlps(P, (F, a) => F.log(a), (a) => a.ln(), (x) => x > 0, (x) => x.div(1e6).plus(1))).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.sin(x), (x) => x.sin(), () => true)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.cos(x), (x) => x.cos(), () => true)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.tanh(x), (x) => x.tanh(), moderate)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.sigmoid(x), (x) => x.neg().exp().plus(1).pow(-1), moderate)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.pow(x, 1.5), (x) => x.pow(1.5), (x) => x > 0 && x < 1e100)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.pow(x, -2.25), (x) => x.pow(-2.25), (x) => x > 0 && x < 1e100)).toBeLessThan(1);
      expect(worstUlps(P, (F, x) => F.pow(x, -3), (x) => x.pow(-3), (x) => x !== 0 && Math.abs(x) < 1e100)).toBeLessThan(1);
    });
  }
});

describe("decimalField on large arguments", () => {
  const D = decimalContext(40);
  const F = decimalField(D);
  it("computes exp(1e10) as 10^k·e^r, where decimal.js's own exp exhausts the heap", () => {
    const y = F.exp(new D(1e10));
    expect(y.e).toBe(Math.floor(1e10 / Math.LN10));
    expect(F.log(y).minus(1e10).abs().toNumber()).toBeLessThan(1e-28);
  });
  it("overflows exp beyond decimal.js's exponent range to Infinity and underflows to 0", () => {
    expect(F.exp(new D("1e20")).toString()).toBe("Infinity");
    expect(F.exp(new D("-1e20")).isZero()).toBe(true);
  });
  it("saturates tanh to ±1 (decimal.js's own never returns for 1e6)", () => {
    expect(F.tanh(new D(1e6)).eq(1)).toBe(true);
    expect(F.tanh(new D(-1e300)).eq(-1)).toBe(true);
    // 1 − tanh(40) = 2e^{−80}/(1 + e^{−80}) ≈ 3.6e-35 still shows in the last 5 of 40 digits
    expect(new D(1).minus(F.tanh(new D(40))).div(new D(-80).exp().times(2)).minus(1).abs().toNumber()).toBeLessThan(1e-4);
  });
  it("reduces sin and cos of 1e300 with enough digits of π (V8's Math.sin reduces exactly too)", () => {
    expect(F.sin(exact(D, 1e300)).toNumber()).toBeCloseTo(Math.sin(1e300), 15);
    expect(F.cos(exact(D, 1e22)).toNumber()).toBeCloseTo(Math.cos(1e22), 15);
  });
  it("computes powers with large exponents", () => {
    expect(F.pow(new D(2), 1000).eq(new D(2).pow(1000))).toBe(true);
    expect(F.pow(new D("1.5"), 1e5 + 0.5).div(new D("1.5").pow(1e5).times(new D("1.5").sqrt())).minus(1).abs().toNumber()).toBeLessThan(1e-35);
  });
});

describe("decimalField on special values (spec: prim.overflow, prim.sqrt.forward)", () => {
  const D = decimalContext(40);
  const F = decimalField(D);
  const negZero = (x: Decimal): boolean => x.isZero() && x.isNegative();
  it("follows IEEE 754 at ±Infinity", () => {
    expect(F.exp(new D(Infinity)).toString()).toBe("Infinity");
    expect(F.exp(new D(-Infinity)).isZero()).toBe(true);
    expect(F.log(new D(Infinity)).toString()).toBe("Infinity");
    expect(F.sin(new D(Infinity)).isNaN()).toBe(true);
    expect(F.cos(new D(-Infinity)).isNaN()).toBe(true);
    expect(F.tanh(new D(-Infinity)).eq(-1)).toBe(true);
    expect(F.sigmoid(new D(-Infinity)).isZero()).toBe(true);
    expect(F.sigmoid(new D(Infinity)).eq(1)).toBe(true);
    expect(F.pow(new D(-Infinity), 3).toString()).toBe("-Infinity");
    expect(F.pow(new D(Infinity), -0.5).isZero()).toBe(true);
    expect(F.mul(new D(0), new D(Infinity)).isNaN()).toBe(true);
  });
  it("keeps −0 where IEEE 754 does", () => {
    const z = F.fromNumber(-0);
    expect(negZero(z)).toBe(true);
    expect(negZero(F.neg(F.fromNumber(0)))).toBe(true);
    expect(negZero(F.sin(z))).toBe(true);
    expect(negZero(F.tanh(z))).toBe(true);
    expect(negZero(F.sqrt(z))).toBe(true);
    expect(negZero(F.pow(z, 3))).toBe(true);
    expect(negZero(F.pow(z, 2))).toBe(false);
    expect(F.cos(z).eq(1) && F.exp(z).eq(1) && F.sigmoid(z).eq(0.5)).toBe(true);
    expect(F.isNegative(z)).toBe(false);
  });
  it("converts inputs exactly, not through their shortest decimal", () => {
    expect(F.fromNumber(0.1).eq(new D("0.1"))).toBe(false);
    expect(F.fromNumber(0.1).eq(new D("0.1000000000000000055511151231257827021181583404541015625"))).toBe(true);
  });
});
