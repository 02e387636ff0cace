// Exact conversion of doubles into decimals (spec: value.number.nearest).
import { describe, expect, it } from "vitest";
import { decimalContext, exact, hexFloat } from "./decimal.js";

describe("exact", () => {
  const D = decimalContext(60);
  it("gives the double nearest 0.1, not 0.1", () => {
    expect(exact(D, 0.1).toString()).toBe("0.1000000000000000055511151231257827021181583404541015625");
  });
  it("is exact for subnormals, extremes and signed zero at enough precision", () => {
    const W = decimalContext(800);
    expect(exact(W, Number.MIN_VALUE).equals(new W(2).pow(-1074))).toBe(true);
    expect(exact(W, Number.MAX_VALUE).equals(new W(2).pow(1024).minus(new W(2).pow(971)))).toBe(true);
    expect(exact(D, -0).isNegative() && exact(D, -0).isZero()).toBe(true);
    expect(exact(D, -1.5).toString()).toBe("-1.5");
    expect(exact(D, 2 ** 60).toString()).toBe("1152921504606846976");
  });
  it("round-trips every double it is given", () => {
    for (const x of [0.1, 1 / 3, Math.PI, -1e-300, 5e-324, 1.7976931348623157e308, 123456789.123]) {
      expect(exact(decimalContext(800), x).toNumber()).toBe(x);
    }
  });
  it("names the non-finite values", () => {
    expect(hexFloat(NaN)).toBe("NaN");
    expect(hexFloat(0.1)).toBe("0x1999999999999ap-56");
    expect(hexFloat(-Infinity)).toBe("-Infinity");
    expect(exact(D, Infinity).isFinite()).toBe(false);
  });
});
