// The streamed JSON-lines report: header, records, footer; the same seed gives the same records;
// a run killed mid-way leaves a valid prefix (spec: conform.outcome).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonlReport } from "./jsonl-report.js";
import { readJsonlReport } from "./read-jsonl-report.js";

const cli = (args: string[]) => [process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args]] as const;
const lines = (file: string): unknown[] => readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown);

describe("--report", () => {
  it("writes a header, one record per case or property and a footer; the same seed gives identical records", () => {
    const dir = mkdtempSync(join(tmpdir(), "report-"));
    const runs = ["a", "b"].map((name) => {
      const file = join(dir, `${name}.jsonl`);
      const [cmd, args] = cli(["--profile", "quick", "--report", file]);
      expect(spawnSync(cmd, args, { encoding: "utf8" }).status).toBe(0);
      return lines(file) as { type: string; [k: string]: unknown }[];
    });
    const [a, b] = runs as [{ type: string }[], { type: string }[]];
    expect(a[0]).toMatchObject({ type: "header", seed: 20230315, runs: 25, backend: "impl" });
    expect(a.at(-1)).toMatchObject({ type: "footer", failed: 0, errored: 0 });
    const records = a.filter((l) => l.type === "record");
    expect(records.length).toBe((a.at(-1) as unknown as { passed: number }).passed);
    expect(records.some((r) => (r as unknown as { id: string }).id === "property.graph-gradient")).toBe(true);
    expect(a.slice(0, -1)).toEqual(b.slice(0, -1)); // everything but the footer's wall time
  });

  it("leaves whole lines, header first, when the run is killed", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "report-")), "killed.jsonl");
    const [cmd, args] = cli(["--profile", "thorough", "--report", file]);
    const child = spawn(cmd, args, { stdio: "ignore" });
    // Kill once some records are out (the thorough profile takes minutes).
    const written = (): number => (existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0);
    for (let i = 0; i < 600 && written() <= 50; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const text = readFileSync(file, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const parsed = lines(file) as { type: string }[];
    expect(parsed.length).toBeGreaterThan(50);
    expect(parsed[0]?.type).toBe("header");
    expect(parsed.slice(1).every((l) => l.type === "record")).toBe(true);
  });

  it("records tags and the shard in the header, and reads back whole: header, records, footer counts (spec: conform.shard)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "report-")), "shard.jsonl");
    const shard = { index: 2, count: 3, seed: 99, runs: 4 };
    const report = new JsonlReport(file, { backend: "reference", seed: 1, runs: 12, cases: ["a", "b"], tags: ["paper"], shard });
    report.record({ id: "c.one", file: "a", status: "pass" });
    report.record({ id: "c.two", file: "a", status: "fail", reason: "off" });
    report.record({ id: "property.p", file: "(seed 99)", status: "error", reason: "crashed", fault: "crashed" });
    report.close(1.5);
    const back = readJsonlReport(file);
    expect(back.header).toEqual({ tool: "backslash-ad conform", report: 1, backend: "reference", seed: 1, runs: 12, cases: ["a", "b"], tags: ["paper"], shard });
    expect(back.records.map((r) => [r.id, r.status])).toEqual([["c.one", "pass"], ["c.two", "fail"], ["property.p", "error"]]);
    expect(back.footer).toEqual({ passed: 1, failed: 1, skipped: 0, errored: 1, seconds: 1.5 });
  });
});
