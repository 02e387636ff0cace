// The whole invalid corpus beside a valid file, through `npm run conform` as a user runs it: every
// valid case is judged and passes, every fault is reported with its code, file, case and pointer,
// the exit status is 1, and the --report stream holds every outcome (spec: error.scope, conform.run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "./manifest.js";

interface Line {
  readonly type: string;
  readonly id?: string;
  readonly file?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly [key: string]: unknown;
}

const manifest = readManifest();
const VALID_FILE = "conformance/testdata/valid/all-kinds.json";
const validIds = (JSON.parse(readFileSync(VALID_FILE, "utf8")) as { cases: { id: string }[] }).cases.map((c) => c.id);

describe("conform --cases with the invalid corpus", () => {
  it("judges every valid case, reports every fault, loses nothing, exits 1", () => {
    const report = join(mkdtempSync(join(tmpdir(), "invalid-cli-")), "run.jsonl");
    const paths = manifest.flatMap((e) => e.load ?? [e.file]).map((p) => `conformance/invalid/cases/${p}`);
    const args = ["--cases", VALID_FILE, ...paths.flatMap((p) => ["--cases", p]), "--runs", "0", "--report", report];
    const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args], { encoding: "utf8" });
    expect(r.status).toBe(1);
    const companions = manifest.flatMap((e) => e.valid);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(`conform: ${validIds.length + companions.length} passed, ${manifest.length} failed, 0 skipped`);

    const lines = readFileSync(report, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Line);
    expect(lines[0]?.type).toBe("header");
    expect(lines.at(-1)).toMatchObject({ type: "footer", passed: validIds.length + companions.length, skipped: 0 });
    const records = lines.slice(1, -1);
    expect(records.every((l) => l.type === "record")).toBe(true);
    // Nothing lost, nothing extra: one record per valid case and one per fault.
    expect(records).toHaveLength(validIds.length + companions.length + manifest.length);
    // (A duplicated id has two records: the first case's pass and the duplicate's error.)
    for (const id of [...validIds, ...companions]) {
      expect(records.filter((l) => l.id === id && l.status === "pass"), id).toHaveLength(1);
    }
    for (const e of manifest) {
      const file = `conformance/invalid/cases/${e.file}`;
      const mine = records.filter((l) => l.file === file && l.status !== "pass");
      expect(mine, e.file).toHaveLength(1);
      const o = mine[0] as Line;
      if (e.level === "loader") {
        // Found by the loader: an error naming the file, the case (when it has an id) and the pointer.
        // No case id: named by its file and, for a case, its pointer /cases/i (spec: error.scope), so ids stay unique.
        const inFile = /^\/cases\/\d+/.exec(e.pointer)?.[0];
        expect([o.status, o.id], e.file).toEqual(["error", e.caseId ?? `(file ${file}${inFile !== undefined ? ` at ${inFile}` : ""})`]);
        expect(o.reason).toContain(`${e.code}: ${file}`);
        expect(o.reason).toContain(`at ${e.pointer === "" ? "the document root" : e.pointer}`);
        if (e.caseId !== null) expect(o.reason).toContain(`case ${e.caseId}`);
      } else {
        // The case's result: it expected a result, so the backend's spec error fails it, with the
        // code, the case and the pointer within the case; the record names the file.
        const inCase = e.pointer.replace(/^\/cases\/\d+/, "");
        expect([o.status, o.id], e.file).toEqual(["fail", e.caseId]);
        expect(o.reason).toContain(`unexpected error ${e.code}: case ${e.caseId}, at ${inCase}`);
        // …and where the case is in its file, so the location from the file's root is known (spec: error.message).
        expect(o.reason).toContain(`relative to the case, which is at ${e.pointer.slice(0, e.pointer.length - inCase.length)} in its file`);
      }
    }
  }, 60_000);
});
