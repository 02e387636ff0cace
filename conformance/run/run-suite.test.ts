// Running case files: faults become errored outcomes without losing the other cases; --filter
// globs select by id; a backend that keeps timing out is not sent the rest (spec: conform.run,
// error.scope, backend.unresponsive).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { wrapInProcess } from "../backends/index.js";
import { fixture } from "./fixture.js";
import { junitXml } from "./junit-report.js";
import { printReport } from "./print-report.js";
import { globMatcher, runSuite, UNRESPONSIVE_AFTER } from "./run-suite.js";

/** Case files of y = neg(x), one case per id, in order. */
function negCases(ids: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "conform-"));
  const cases = ids.map((id) => ({ id, description: "y = neg(x)", kind: "graph", graph: { inputs: [{ id: "x", value: 2 }], nodes: [{ id: "y", op: "neg", args: ["x"] }], output: "y" }, expect: { value: -2, gradient: { x: -1 } } }));
  writeFileSync(join(dir, "cases.json"), JSON.stringify({ cases }));
  return dir;
}

/** The reference, except that it never answers a case whose id contains "hang". */
function hangingOn(timeoutMs: number) {
  const calls: string[] = [];
  const backend = wrapInProcess(
    {
      hello: reference.hello,
      gradient: (c: GraphCase) => {
        calls.push(c.id);
        return c.id.includes("hang") ? new Promise(() => undefined) : reference.gradient(c);
      },
    },
    { timeoutMs },
  );
  return { backend, calls };
}

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

  it("names each load fault without a case id by its file (and /cases/i for a case), so no two share an id", async () => {
    const dir = mkdtempSync(join(tmpdir(), "conform-"));
    writeFileSync(join(dir, "a.json"), JSON.stringify({ cases: [{ description: "no id" }, 5] }));
    writeFileSync(join(dir, "b.json"), "{ not json");
    writeFileSync(join(dir, "c.json"), JSON.stringify({ cases: 5 }));
    const outcomes = await runSuite(reference, { cases: [dir] });
    const [a, b, c] = ["a.json", "b.json", "c.json"].map((f) => join(dir, f));
    // spec error.scope: a whole-file fault rejects the file; a case without a valid id is named by its pointer /cases/i
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      [`(file ${a} at /cases/0)`, "error"], [`(file ${a} at /cases/1)`, "error"], [`(file ${b})`, "error"], [`(file ${c})`, "error"],
    ]);
    const lines: string[] = [];
    printReport(outcomes, { quiet: true, log: (l) => lines.push(l) });
    expect(lines[2]).toBe(`ERROR (file ${b})`);
    expect(junitXml(outcomes).match(/<testcase /g)).toHaveLength(4);
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

  it(`stops sending cases after ${UNRESPONSIVE_AFTER} timeouts in a row, keeping what it computed`, async () => {
    const ids = ["ok.1", "hang.1", "hang.2", "ok.2", "hang.3", "hang.4", "hang.5", "ok.3", "hang.6"];
    const { backend, calls } = hangingOn(20);
    const outcomes = await runSuite(backend, { cases: [negCases(ids)] });
    expect(outcomes.map((o) => [o.id, o.status, o.fault])).toEqual([
      ["ok.1", "pass", undefined],
      ["hang.1", "error", "timeout"],
      ["hang.2", "error", "timeout"],
      ["ok.2", "pass", undefined], // an answer resets the count
      ["hang.3", "error", "timeout"],
      ["hang.4", "error", "timeout"],
      ["hang.5", "error", "timeout"],
      ["ok.3", "error", undefined],
      ["hang.6", "error", undefined],
    ]);
    expect(calls).toEqual(ids.slice(0, 7));
    expect(outcomes[7]?.reason).toBe(`not sent: the backend is unresponsive (${UNRESPONSIVE_AFTER} requests in a row timed out; spec: backend.unresponsive)`);
  });

  it("counts timeouts in a row only: an answer between them keeps the run going", async () => {
    const ids = ["hang.1", "hang.2", "ok.1", "hang.3", "hang.4"];
    const { backend, calls } = hangingOn(20);
    const outcomes = await runSuite(backend, { cases: [negCases(ids)] });
    expect(calls).toEqual(ids);
    expect(outcomes.map((o) => o.fault)).toEqual(["timeout", "timeout", undefined, "timeout", "timeout"]);
  });
});
