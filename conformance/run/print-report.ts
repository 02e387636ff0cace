/**
 * The report a run prints on stdout, last line `conform: N passed, N failed, N skipped` (errors
 * count as failed). Default: every fail and error with its reason, the skips on one line, the
 * errors by fault kind. `verbose`: every outcome with its reason. `quiet`: one line per fail or
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
    if (verbose || failing(o)) log(`${head(o)}${o.file ? ` (${o.file})` : ""}${o.reason ? `\n      ${o.reason}` : ""}`);
  }
  const skipped = outcomes.filter((o) => o.status === "skip");
  if (skipped.length > 0 && !verbose) log(`skipped: ${skipped.map((o) => `${o.id} (${o.reason})`).join("; ")}`);
  if (count("error") > 0) {
    const faults = (["crashed", "timeout", "protocol"] as const)
      .map((kind) => [kind, outcomes.filter((o) => o.fault === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    log(`errored: ${count("error")} (counted as failed${faults.length > 0 ? `; ${faults.join(", ")}` : ""})`);
  }
  log(summary);
}
