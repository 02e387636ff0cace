// Running case files: faults become errored outcomes without losing the other cases; --filter
// globs select by id (spec: conform.run, error.scope).
import { describe, expect, it } from "vitest";
import { reference } from "../../reference/index.js";
import { fixture } from "./fixture.js";
import { globMatcher, runSuite } from "./run-suite.js";

describe("runSuite", () => {
  it("keeps every computable result next to the faults", async () => {
    const outcomes = await runSuite(reference, { cases: [fixture()] });
    const byId = Object.fromEntries(outcomes.map((o) => [o.id, o]));
    expect(byId["fx.sin.scalar"]?.status).toBe("pass");
    expect(byId["fx.sin.wrong"]).toMatchObject({ status: "fail", reason: expect.stringMatching(/^value: expected 0\.5 \(case\), got 0\.84/) });
    expect(byId["fx.sin.ragged"]).toMatchObject({ status: "error", reason: expect.stringMatching(/^E_SCHEMA: .*a\.json, case fx\.sin\.ragged, at \/cases\/1\/graph\/inputs\/0\/value\/1: /) });
    const broken = outcomes.find((o) => o.file.endsWith("b.json"));
    expect(broken).toMatchObject({ status: "error", reason: expect.stringMatching(/^E_JSON: .*b\.json/) });
    expect(outcomes).toHaveLength(4);
  });

  it("filters by a glob on case ids", async () => {
    const outcomes = await runSuite(reference, { cases: ["conformance/cases"], filter: "paper.*" });
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
    expect(outcomes.every((o) => o.id.startsWith("paper.") && o.status === "pass")).toBe(true);
  });

  it("globs match whole ids, with * and ? only", () => {
    const m = globMatcher("prim.*.sc?lar");
    expect(m("prim.sin.scalar")).toBe(true);
    expect(m("prim.sin.scalar2")).toBe(false);
    expect(m("xprim.sin.scalar")).toBe(false);
    expect(globMatcher("a.b")("aXb")).toBe(false);
  });
});
