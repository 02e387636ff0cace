// Merging the shards' reports of one run: what must agree, what is refused (incomplete reports,
// missing or repeated shards, a case in two shards), and how a property's outcomes from several
// shards become one (spec: conform.merge). Reports are written by hand here, line by line.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture } from "./fixture.js";
import { mergeReports } from "./merge-reports.js";
import { readJsonlReport, ReportError } from "./read-jsonl-report.js";

type Line = Record<string, unknown>;
const header = (k: number, n: number, more: Line = {}): Line => ({
  type: "header", tool: "backslash-ad conform", report: 1, backend: "impl", seed: 7, runs: 10, cases: ["conformance/cases"],
  shard: { index: k, count: n, seed: 100 + k, runs: 5 }, ...more,
});
const record = (id: string, status: string, more: Line = {}): Line => ({ type: "record", id, file: "f.json", status, ...more });
const footer = (seconds = 1): Line => ({ type: "footer", passed: 0, failed: 0, skipped: 0, errored: 0, seconds });

function write(name: string, lines: readonly Line[], dir = fixture()): string {
  const path = `${dir}/${name}`;
  writeFileSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
  return path;
}
const merge = (...paths: string[]) => mergeReports(paths.map(readJsonlReport));
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    return (e as Error).message;
  }
  throw new Error("not refused");
};

describe("mergeReports", () => {
  it("keeps each corpus case once and makes one outcome of each property, the worst status, every shard's reason kept", () => {
    const dir = fixture();
    const a = write("a.jsonl", [
      header(1, 2),
      record("(file bad.json)", "error", { file: "bad.json", reason: "E_JSON: not JSON" }),
      record("(file noid.json at /cases/0)", "error", { file: "noid.json", reason: "E_SCHEMA: no id" }),
      record("(file noid.json at /cases/1)", "error", { file: "noid.json", reason: "E_SCHEMA: no id" }),
      record("c.one", "pass"),
      record("property.p", "pass", { file: "(seed 101)", reason: "5 random cases" }),
      record("property.q", "pass", { file: "(seed 101)", reason: "5 random cases" }),
      footer(2),
    ], dir);
    const b = write("b.jsonl", [
      header(2, 2),
      record("(file bad.json)", "error", { file: "bad.json", reason: "E_JSON: not JSON" }),
      record("(file noid.json at /cases/0)", "error", { file: "noid.json", reason: "E_SCHEMA: no id" }),
      record("(file noid.json at /cases/1)", "error", { file: "noid.json", reason: "E_SCHEMA: no id" }),
      record("c.two", "fail", { reason: "wrong" }),
      record("property.p", "fail", { file: "(seed 102)", reason: "bad gradient (replay …)", counterexample: { id: "random.p" } }),
      record("property.q", "error", { file: "(seed 102)", reason: "timed out", fault: "timeout" }),
      footer(3),
    ], dir);
    const m = merge(b, a); // the order given does not matter
    expect(m.header).toEqual({
      tool: "backslash-ad conform", report: 1, backend: "impl", seed: 7, runs: 10, cases: ["conformance/cases"],
      shards: [{ index: 1, count: 2, seed: 101, runs: 5 }, { index: 2, count: 2, seed: 102, runs: 5 }],
    });
    expect(m.seconds).toBe(5);
    expect(m.records.map((r) => [r.id, r.status])).toEqual([
      ["(file bad.json)", "error"], ["(file noid.json at /cases/0)", "error"], ["(file noid.json at /cases/1)", "error"], ["c.one", "pass"], ["c.two", "fail"], ["property.p", "fail"], ["property.q", "error"],
    ]);
    expect(m.records[0]).toEqual({ id: "(file bad.json)", file: "bad.json", status: "error", reason: "E_JSON: not JSON", shards: [
      { shard: "1/2", file: "bad.json", status: "error", reason: "E_JSON: not JSON" },
      { shard: "2/2", file: "bad.json", status: "error", reason: "E_JSON: not JSON" },
    ] });
    const p = m.records[5]; // two faults of one file stay two: their ids differ (run-suite.ts, loadFaultId)
    expect(p).toMatchObject({ id: "property.p", file: "(seed 7: 2 shards)", status: "fail", counterexample: { id: "random.p" } });
    expect(p?.reason).toBe("shard 1/2 (pass): 5 random cases\n      shard 2/2 (fail): bad gradient (replay …)");
    expect(p?.shards?.map((s) => [s.shard, s.file, s.status])).toEqual([["1/2", "(seed 101)", "pass"], ["2/2", "(seed 102)", "fail"]]);
    expect(p?.shards?.[1]?.counterexample).toEqual({ id: "random.p" });
    expect(m.records[6]).toMatchObject({ status: "error", fault: "timeout" });
  });

  it("refuses a report without its footer (a killed run), naming the file", () => {
    const dir = fixture();
    const a = write("a.jsonl", [header(1, 2), record("c.one", "pass"), footer()], dir);
    const b = write("b.jsonl", [header(2, 2), record("c.two", "pass")], dir);
    expect(refusal(() => merge(a, b))).toBe(`${b}: incomplete: no footer after its 1 record(s) — the run was killed or is still running; rerun that shard`);
    writeFileSync(b, `${JSON.stringify(header(2, 2))}\n{"type":"rec`);
    expect(refusal(() => merge(a, b))).toContain(`${b}: line 2 is not JSON (the file ends in the middle of a line)`);
    writeFileSync(b, "");
    expect(refusal(() => merge(a, b))).toContain(`${b}: not a conform report`);
  });

  it("refuses reports of different runs, naming the file and what differs", () => {
    const dir = fixture();
    const a = write("a.jsonl", [header(1, 2), footer()], dir);
    const cases = [
      [{ seed: 8 }, "its seed is 8, but"],
      [{ runs: 11 }, "its runs is 11, but"],
      [{ backend: "reference" }, `its backend is "reference", but`],
      [{ cases: ["other"] }, `its cases is ["other"], but`],
      [{ filter: "prim.*" }, `its filter is "prim.*", but ${a}'s is not given`],
      [{ tags: ["paper"] }, `its tags is ["paper"]`],
    ] as const;
    for (const [more, says] of cases) {
      const b = write("b.jsonl", [header(2, 2, more), footer()], dir);
      expect(refusal(() => merge(a, b))).toContain(`${b}: ${says}`);
    }
    const b3 = write("b3.jsonl", [header(2, 3), footer()], dir);
    expect(refusal(() => merge(a, b3))).toBe(`${b3}: is shard 2/3, but ${a} is shard 1/2: the reports are not from one run`);
  });

  it("refuses a shard given twice or missing", () => {
    const dir = fixture();
    const a = write("a.jsonl", [header(1, 3), footer()], dir);
    const again = write("again.jsonl", [header(1, 3), footer()], dir);
    const c = write("c.jsonl", [header(3, 3), footer()], dir);
    expect(refusal(() => merge(a, again))).toBe(`${again}: shard 1/3 is given twice (also ${a})`);
    expect(refusal(() => merge(a, c))).toContain("shard 2/3 of the run of");
    expect(refusal(() => merge(c))).toContain("shards 1/3, 2/3 of the run of");
  });

  it("refuses a corpus case reported by two shards (they did not run the same corpus)", () => {
    const dir = fixture();
    const a = write("a.jsonl", [header(1, 2), record("c.one", "pass"), footer()], dir);
    const b = write("b.jsonl", [header(2, 2), record("c.one", "pass"), footer()], dir);
    expect(refusal(() => merge(a, b))).toBe(`${b}: case c.one is also in ${a} (shard 1/2): the shards did not run the same corpus`);
  });

  it("takes an unsharded report as shard 1/1, and refuses an already merged one", () => {
    const dir = fixture();
    const { shard: _s, ...whole } = header(1, 1);
    const w = write("w.jsonl", [whole, record("c.one", "pass"), record("c.one", "error", { reason: "E_DUPLICATE_ID" }), footer(4)], dir);
    const m = merge(w);
    expect(m.header.shards).toEqual([{ index: 1, count: 1, seed: 7, runs: 10 }]);
    expect(m.records.map((r) => r.status)).toEqual(["pass", "error"]); // a duplicate id within one shard stays as it was
    const merged = write("m.jsonl", [{ ...whole, shards: [] }, footer()], dir);
    expect(refusal(() => merge(merged))).toContain("is already a merged report");
  });
});
