// The log-log plots' axis math: whole decades, ticks at powers of ten, value → pixel.
import { describe, expect, it } from "vitest";
import { logAxis, powerOfTenLabel } from "./log-axis.js";

describe("logAxis", () => {
  it("widens the data range to whole decades and ticks each power of ten", () => {
    const a = logAxis([0.003, 42, 0.5], 0, 500);
    expect(a.min).toBeCloseTo(1e-3, 15);
    expect(a.max).toBeCloseTo(100, 12);
    expect(a.ticks.map((t) => Math.round(Math.log10(t)))).toEqual([-3, -2, -1, 0, 1, 2]);
  });

  it("maps decades linearly: 0.1 is 2 of 5 decades above 10⁻³", () => {
    const a = logAxis([0.003, 42], 0, 500);
    expect(a.toPixel(1e-3)).toBeCloseTo(0, 9);
    expect(a.toPixel(100)).toBeCloseTo(500, 9);
    expect(a.toPixel(0.1)).toBeCloseTo(200, 9);
    expect(a.toPixel(Math.sqrt(10) * 1e-3)).toBeCloseTo(50, 9); // half a decade
  });

  it("runs a y axis downwards (from the bottom pixel to the top one)", () => {
    const a = logAxis([1, 1000], 300, 0);
    expect(a.toPixel(1)).toBeCloseTo(300, 9);
    expect(a.toPixel(10)).toBeCloseTo(200, 9);
    expect(a.toPixel(1000)).toBeCloseTo(0, 9);
  });

  it("ignores values a log axis cannot hold, and keeps at least one decade", () => {
    const a = logAxis([0, -3, NaN, Infinity, 5], 0, 100);
    expect([a.min, a.max]).toEqual([1, 10]);
    const exact = logAxis([100], 0, 100);
    expect([exact.min, exact.max]).toEqual([100, 1000]);
  });

  it("thins the ticks of a long range to at most eight", () => {
    const a = logAxis([1e-20, 1e10], 0, 100);
    expect(a.ticks.length).toBeLessThanOrEqual(8);
    expect(a.ticks[0]).toBeCloseTo(1e-20, 30);
    // every fourth decade: 31 decades over 8 ticks
    expect(Math.round(Math.log10(a.ticks[1] as number))).toBe(-16);
  });
});

describe("powerOfTenLabel", () => {
  it("writes exponents as superscripts", () => {
    expect([1e-3, 1, 10, 100, 1e-10].map(powerOfTenLabel)).toEqual(["10⁻³", "1", "10", "10²", "10⁻¹⁰"]);
  });
});
