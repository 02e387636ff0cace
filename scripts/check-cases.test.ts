// check-cases prints one line per fault and a summary, and fails on any fault (spec: case.file).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCases } from "./check-cases.js";

const root = join(import.meta.dirname, "..");
const testdata = join(root, "conformance", "testdata");

function run(paths: string[]): { status: number; lines: string[] } {
  const lines: string[] = [];
  const status = checkCases(paths, (line) => lines.push(line));
  return { status, lines };
}

describe("check-cases", () => {
  it("prints each fault's message and a summary, and exits 1 on faults", () => {
    const { status, lines } = run([join(testdata, "invalid", "duplicate-ids")]);
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^E_DUPLICATE_ID: .*b\.json, case dup\.two, at \/cases\/0\/id: duplicate case id "dup\.two"/);
    expect(lines[2]).toBe("check-cases: 2 files, 3 cases, 2 faults");
  });

  it("exits 0 with only the summary when every case loads", () => {
    expect(run([join(testdata, "valid")])).toEqual({ status: 0, lines: ["check-cases: 1 files, 6 cases, 0 faults"] });
  });

  it("runs as a command, defaulting to the corpus, with the exit status of the check", () => {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const script = join(root, "scripts", "check-cases.ts");
    const bad = spawnSync(process.execPath, [tsx, script, join(testdata, "invalid", "missing-cases.json")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split("\n").at(-1)).toBe("check-cases: 1 files, 0 cases, 1 faults");
    const corpus = spawnSync(process.execPath, [tsx, script], { cwd: root, encoding: "utf8" });
    expect(corpus.stdout).toMatch(/^check-cases: \d+ files, \d+ cases, 0 faults\n$/);
    expect(corpus.status).toBe(0);
  });
});
