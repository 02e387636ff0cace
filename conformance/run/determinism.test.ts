// Determinism (issue 7): the same seed and inputs give the same report apart from timings, whatever
// --jobs is. The CLI runs twice on the quick profile, --jobs 1 and --jobs 2, once with the default
// backend (everything passes) and once with a broken module (tanh's derivative wrong), so failing
// outcomes — reasons with replay flags, shrunk counterexamples, dossiers — are compared too.
//
// The one timing in a report is the footer's `seconds` (jsonl-report.ts: records hold none); it is
// removed, and everything else must be equal byte for byte, line by line. stdout carries no timing
// (the progress line goes to stderr, and only on a terminal) and is compared whole, as is stderr.
// (spec: conform.outcome, conform.report)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The report's lines, parsed, with the timing fields removed. */
  readonly lines: Record<string, unknown>[];
  /** The timing fields removed, in order: [line number, field, value]. */
  readonly timings: [number, string, unknown][];
}

/**
 * The report's lines without their timings. The footer's `seconds` is the only field that may
 * differ between two runs; any other difference is a bug.
 */
function withoutTimings(text: string): Pick<Run, "lines" | "timings"> {
  const timings: [number, string, unknown][] = [];
  const lines = text.trimEnd().split("\n").map((line, k) => {
    const { seconds, ...rest } = JSON.parse(line) as Record<string, unknown>;
    if (rest["type"] !== "footer") return JSON.parse(line) as Record<string, unknown>;
    timings.push([k, "seconds", seconds]);
    return rest;
  });
  return { lines, timings };
}

/** `npm run conform -- <args> --report <tmp>` without a shell; resolves when it exits. */
function conform(env: Readonly<Record<string, string>>, args: readonly string[]): Promise<Run> {
  const report = join(mkdtempSync(join(tmpdir(), "determinism-")), "report.jsonl");
  const child = spawn(process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args, "--report", report], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr, ...withoutTimings(readFileSync(report, "utf8")) }));
  });
}

/** The same run with --jobs 1 and --jobs 2, one after the other (a shared 2-core machine). */
async function twice(env: Readonly<Record<string, string>>, args: readonly string[]): Promise<[Run, Run]> {
  const one = await conform(env, [...args, "--jobs", "1"]);
  const two = await conform(env, [...args, "--jobs", "2"]);
  return [one, two];
}

function expectSame([one, two]: readonly [Run, Run]): void {
  expect(one.timings.map(([, field]) => field)).toEqual(["seconds"]);
  expect(one.timings[0]?.[0]).toBe(one.lines.length - 1); // the footer, last
  expect(two.lines).toEqual(one.lines);
  // Line for line as text too: key order and number formatting are part of the report.
  expect(two.lines.map((l) => JSON.stringify(l))).toEqual(one.lines.map((l) => JSON.stringify(l)));
  expect([two.status, two.stdout, two.stderr]).toEqual([one.status, one.stdout, one.stderr]);
}

const QUICK = ["--profile", "quick", "--seed", "20230315"];

describe.concurrent("the same seed and inputs give the same report, apart from timings, whatever --jobs is", () => {
  it("the default backend: every case and property passes", async () => {
    const runs = await twice({}, QUICK);
    expectSame(runs);
    const [one] = runs;
    expect(one.status).toBe(0);
    expect(one.lines.filter((l) => l["type"] === "record" && String(l["id"]).startsWith("property.")).length).toBeGreaterThan(5);
  }, 120_000);

  it("a broken module: failures with replay flags, counterexamples and dossiers are the same", async () => {
    const runs = await twice({ BROKEN: "tanhWrong" }, [...QUICK, "--impl", "conformance/properties/testing/broken-module.ts"]);
    expectSame(runs);
    const [one] = runs;
    expect(one.status).toBe(1);
    const failed = one.lines.filter((l) => l["status"] === "fail");
    // The comparison covers what a failure carries: a property's replay flags and shrunk
    // counterexample, and a dossier.
    expect(failed.some((l) => String(l["id"]).startsWith("property.") && /replay: --seed \d+/.test(String(l["reason"])) && l["counterexample"] !== undefined)).toBe(true);
    expect(failed.some((l) => l["dossier"] !== undefined)).toBe(true);
  }, 120_000);
});
