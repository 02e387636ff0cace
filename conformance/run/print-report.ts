/**
 * The report a run prints on stdout, last line `conform: N passed, N failed, N skipped` (errors
 * count as failed). Default: every fail and error with its reason, each skip with its reason — but
 * those for a missing capability, often most of a run on a partial backend, only counted per
 * capability —, the errors by fault kind. `verbose`: every outcome with its reason. `quiet`: one line per fail or
 * error, id only, then the summary — what a CI log needs to name the cases to look at.
 *
 * @see spec/06-conformance.md#conform.outcome
 * @see spec/06-conformance.md#conform.quiet
 */
import type { Outcome } from "./outcome.js";

export interface PrintOptions {
  readonly verbose?: boolean;
  readonly quiet?: boolean;
  /** One line out (default: console.log). */
  readonly log?: (line: string) => void;
}

export function printReport(outcomes: readonly Outcome[], options: PrintOptions = {}): void {
  const log = options.log ?? ((line: string) => console.log(line));
  const count = (s: Outcome["status"]): number => outcomes.filter((o) => o.status === s).length;
  const summary = `conform: ${count("pass")} passed, ${count("fail") + count("error")} failed, ${count("skip")} skipped`;
  const failing = (o: Outcome): boolean => o.status === "fail" || o.status === "error";
  const head = (o: Outcome): string => `${o.status.toUpperCase().padEnd(5)} ${o.id}`;
  if (options.quiet === true) {
    outcomes.filter(failing).forEach((o) => log(head(o)));
    log(summary);
    return;
  }
  const verbose = options.verbose === true;
  for (const o of outcomes) {
    // A load fault's id already names its file (run-suite.ts, loadFaultId): not twice.
    if (verbose || failing(o)) log(`${head(o)}${o.file && !o.id.startsWith(`(file ${o.file}`) ? ` (${o.file})` : ""}${o.reason ? `\n      ${o.reason}` : ""}`);
  }
  if (!verbose) printSkips(outcomes.filter((o) => o.status === "skip"), log);
  if (count("error") > 0) {
    const faults = (["crashed", "timeout", "protocol"] as const)
      .map((kind) => [kind, outcomes.filter((o) => o.fault === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    log(`errored: ${count("error")} (counted as failed${faults.length > 0 ? `; ${faults.join(", ")}` : ""})`);
  }
  log(summary);
}

const LACKS = /^(?:the )?backend lacks the capabilit(?:y|ies) /;

/** A line per skip with its reason (a known failure, an undecided case); missing capabilities counted. */
function printSkips(skipped: readonly Outcome[], log: (line: string) => void): void {
  const lacking = new Map<string, number>();
  for (const o of skipped) {
    const reason = o.reason ?? "";
    if (LACKS.test(reason)) lacking.set(reason.replace(/^the /, ""), (lacking.get(reason.replace(/^the /, "")) ?? 0) + 1);
    else log(`skipped: ${o.id} (${reason})`);
  }
  if (lacking.size > 0) {
    const parts = [...lacking].sort(([, a], [, b]) => b - a).map(([reason, n]) => `${n} (${reason})`);
    log(`skipped for a missing capability: ${parts.join(", ")}; --verbose lists them`);
  }
}
