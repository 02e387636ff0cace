// Combining verdicts and validating options of the float64 FD oracle.
import { describe, expect, it } from "vitest";
import { FD_DEFAULTS, resolveFdOptions } from "./fd-options.js";
import { combineVerdicts } from "./fd-verdict.js";

describe("combineVerdicts", () => {
  it("lets FAIL win, then INCONCLUSIVE, then PASS", () => {
    expect(combineVerdicts([])).toBe("PASS");
    expect(combineVerdicts(["PASS", "PASS"])).toBe("PASS");
    expect(combineVerdicts(["PASS", "INCONCLUSIVE"])).toBe("INCONCLUSIVE");
    expect(combineVerdicts(["INCONCLUSIVE", "FAIL", "PASS"])).toBe("FAIL");
  });
});

describe("resolveFdOptions", () => {
  it("fills the defaults and keeps what is given", () => {
    expect(resolveFdOptions()).toEqual(FD_DEFAULTS);
    expect(resolveFdOptions({ rel: 1e-8, safety: undefined }).rel).toBe(1e-8);
    expect(resolveFdOptions({ safety: undefined }).safety).toBe(10);
  });
  it("rejects settings that make the sweep meaningless", () => {
    expect(() => resolveFdOptions({ ratio: 1 })).toThrow(RangeError);
    expect(() => resolveFdOptions({ minStep: 1e-2, maxStep: 1e-4 })).toThrow(RangeError);
    expect(() => resolveFdOptions({ safety: 0.5 })).toThrow(RangeError);
  });
});
