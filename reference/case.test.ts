// expectsError is the judge's and the oracles' test for an error expectation; a case may carry no expect
// (spec: case.expect, the oracles fill it), so undefined must answer false, not throw.
import { describe, expect, it } from "vitest";
import { expectsError } from "./case.js";

describe("expectsError", () => {
  it("is false for a case without expect and for expected values; true for an expected error", () => {
    expect(expectsError(undefined)).toBe(false);
    expect(expectsError({ value: 1 })).toBe(false);
    expect(expectsError({ error: "E_DOMAIN" })).toBe(true);
  });
});
