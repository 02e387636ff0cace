// What a run prints: failures with reasons, each skip with its reason, missing capabilities only
// counted, the summary last (spec: conform.outcome, conform.quiet).
import { describe, expect, it } from "vitest";
import type { Outcome } from "./outcome.js";
import { printReport } from "./print-report.js";

const outcomes: Outcome[] = [
  { id: "a.pass", file: "f.json", status: "pass" },
  { id: "a.fail", file: "f.json", status: "fail", reason: "gradient.x: expected 1 (case), got 2 (backend)" },
  { id: "a.known", file: "f.json", status: "skip", reason: "known failure (sqrt'(-0)): gradient.x: …" },
  { id: "op.one", file: "o.json", status: "skip", reason: 'backend lacks the capability "apply"' },
  { id: "op.two", file: "o.json", status: "skip", reason: 'backend lacks the capability "apply"' },
  { id: "property.law.block", file: "(seed 1)", status: "skip", reason: 'the backend lacks the capability "solve", "apply"' },
  { id: "a.crash", file: "f.json", status: "error", reason: "crashed: exit 3", fault: "crashed" },
];
const print = (options: { verbose?: boolean; quiet?: boolean } = {}): string[] => {
  const lines: string[] = [];
  printReport(outcomes, { ...options, log: (l) => lines.push(l) });
  return lines;
};

describe("printReport", () => {
  it("names a load fault's file once: its id already holds it", () => {
    const lines: string[] = [];
    printReport([{ id: "(file bad.json)", file: "bad.json", status: "error", reason: "E_JSON: bad.json, at the document root: line 1" }], { log: (l) => lines.push(l) });
    expect(lines[0]).toBe("ERROR (file bad.json)\n      E_JSON: bad.json, at the document root: line 1");
  });

  it("lists failures with reasons and each other skip, counts the capability skips, ends with the summary", () => {
    expect(print()).toEqual([
      "FAIL  a.fail (f.json)\n      gradient.x: expected 1 (case), got 2 (backend)",
      "ERROR a.crash (f.json)\n      crashed: exit 3",
      "skipped: a.known (known failure (sqrt'(-0)): gradient.x: …)",
      'skipped for a missing capability: 2 (backend lacks the capability "apply"), 1 (backend lacks the capability "solve", "apply"); --verbose lists them',
      "errored: 1 (counted as failed; 1 crashed)",
      "conform: 1 passed, 2 failed, 4 skipped",
    ]);
  });

  it("--verbose prints every outcome, the skips among them, and no skip summary", () => {
    const lines = print({ verbose: true });
    expect(lines.filter((l) => l.startsWith("SKIP  "))).toHaveLength(4);
    expect(lines.some((l) => l.startsWith("skipped"))).toBe(false);
  });

  it("--quiet prints the failing ids and the summary only", () => {
    expect(print({ quiet: true })).toEqual(["FAIL  a.fail", "ERROR a.crash", "conform: 1 passed, 2 failed, 4 skipped"]);
  });
});
