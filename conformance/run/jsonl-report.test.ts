// The streamed JSON-lines report: header, records, footer; the same seed gives the same records;
// a run killed mid-way leaves a valid prefix (spec: conform.outcome).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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
});
