// The first tolerance model (spec: compare.tolerance, compare.nan, compare.infinity, compare.zero,
// compare.ulps, compare.shape).
import { describe, expect, it } from "vitest";
import { compareTensor, DEFAULT_TOLERANCE, describe as describeMismatch } from "./compare.js";
import { ulpDistance } from "./ulps.js";

const t = DEFAULT_TOLERANCE;

describe("ulpDistance", () => {
  it("counts representable doubles between two values", () => {
    expect(ulpDistance(1, 1 + Number.EPSILON)).toBe(1);
    expect(ulpDistance(1, 1 - Number.EPSILON / 2)).toBe(1);
    expect(ulpDistance(0, Number.MIN_VALUE)).toBe(1);
    expect(ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE)).toBe(2);
    expect(ulpDistance(0, -0)).toBe(0);
    expect(ulpDistance(Number.MAX_VALUE, Infinity)).toBe(1);
    expect(ulpDistance(NaN, 1)).toBe(Infinity);
  });
});

describe("compareTensor", () => {
  it("accepts within atol + rtol·|e| and rejects just outside", () => {
    expect(compareTensor(1 + 0.9e-10, 1, "v", t).ok).toBe(true);
    expect(compareTensor(1 + 1.2e-10, 1, "v", t).ok).toBe(false);
    expect(compareTensor(0.9e-12, 0, "v", t).ok).toBe(true);
    expect(compareTensor(2e-12, 0, "v", t).ok).toBe(false);
  });
  it("parses expected strings to the nearest double, beyond binary64 digits", () => {
    expect(compareTensor(0.1, "0.1000000000000000055511151231257827", "v", { rtol: 0, atol: 0, ulps: 0 }).ok).toBe(true);
  });
  it("matches NaN with NaN, an infinity only with itself, and +0 with −0", () => {
    expect(compareTensor(NaN, "NaN", "v", t).ok).toBe(true);
    expect(compareTensor(1, "NaN", "v", t).ok).toBe(false);
    expect(compareTensor(NaN, 1, "v", t).ok).toBe(false);
    expect(compareTensor(Infinity, "Infinity", "v", t).ok).toBe(true);
    expect(compareTensor(-Infinity, "Infinity", "v", t).ok).toBe(false);
    expect(compareTensor(1e308, "Infinity", "v", { rtol: 1, atol: 1e308, ulps: 0 }).ok).toBe(false);
    expect(compareTensor(-0, 0, "v", { rtol: 0, atol: 0, ulps: 0 }).ok).toBe(true);
  });
  it("uses ulps when set", () => {
    const strict = { rtol: 0, atol: 0, ulps: 2 };
    expect(compareTensor(1 + 2 * Number.EPSILON, 1, "v", strict).ok).toBe(true);
    expect(compareTensor(1 + 3 * Number.EPSILON, 1, "v", strict).ok).toBe(false);
  });
  it("requires the exact shape: a scalar is not a 1×1 matrix", () => {
    const c = compareTensor([[5]], 5, "value", t);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(describeMismatch(c.worst)).toBe("value: shape 1×1, expected scalar");
  });
  it("reports what is not a tensor without throwing", () => {
    for (const bad of [undefined, "x", [[1], [2, 3]], [[]], { a: 1 }, [1, 2]]) {
      const c = compareTensor(bad, [[1], [2]], "gradient.x", t);
      expect(c.ok).toBe(false);
    }
  });
  it("names the worst element, which side is which, the ratio and the ulps", () => {
    const c = compareTensor([[1, 2.001], [3.1, 4]], [[1, 2], [3, 4]], "gradient.W", t);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.worst).toMatchObject({ path: "gradient.W[1][0]", expected: 3, actual: 3.1 });
    expect(describeMismatch(c.worst)).toMatch(/^gradient\.W\[1\]\[0\]: expected 3 \(case\), got 3\.1 \(backend\); \|Δ\| = 0\.100, 3\.32e\+8× the allowance, \d+ ulps$/);
  });
});
