/**
 * `npm run conform -- [flags]`: run the conformance corpus against a backend and print a verdict.
 * The last line is `conform: N passed, N failed, N skipped`; the exit status is 0 only when
 * nothing failed or errored.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { parseArgs } from "node:util";
import { reference } from "../reference/index.js";
import { runSuite } from "./run/run-suite.js";
import type { Outcome } from "./run/outcome.js";

const HELP = `usage: npm run conform -- [options]

  --impl <name>      backend to judge: reference (default; the optimized impl comes later)
  --cases <path>     case file or directory, repeatable (default: conformance/cases)
  --filter <glob>    only case ids matching the glob (* and ?)
  --verbose          print every case, not only failures
  --help             this text`;

const BACKENDS = { reference } as const;

export function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        impl: { type: "string", default: "reference" },
        cases: { type: "string", multiple: true },
        filter: { type: "string" },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`conform: ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const backend = BACKENDS[values.impl as keyof typeof BACKENDS];
  if (backend === undefined) {
    console.error(`conform: unknown --impl ${JSON.stringify(values.impl)}; known: ${Object.keys(BACKENDS).join(", ")}`);
    return 2;
  }
  const outcomes = runSuite(backend, {
    cases: values.cases ?? ["conformance/cases"],
    ...(values.filter !== undefined ? { filter: values.filter } : {}),
  });
  report(outcomes, values.verbose);
  return outcomes.some((o) => o.status === "fail" || o.status === "error") ? 1 : 0;
}

function report(outcomes: readonly Outcome[], verbose: boolean): void {
  const count = (s: Outcome["status"]): number => outcomes.filter((o) => o.status === s).length;
  for (const o of outcomes) {
    if (verbose || o.status === "fail" || o.status === "error") {
      console.log(`${o.status.toUpperCase().padEnd(5)} ${o.id}${o.file ? ` (${o.file})` : ""}${o.reason ? `\n      ${o.reason}` : ""}`);
    }
  }
  const skipped = outcomes.filter((o) => o.status === "skip");
  if (skipped.length > 0 && !verbose) console.log(`skipped: ${skipped.map((o) => `${o.id} (${o.reason})`).join("; ")}`);
  if (count("error") > 0) console.log(`errored: ${count("error")} (counted as failed)`);
  console.log(`conform: ${count("pass")} passed, ${count("fail") + count("error")} failed, ${count("skip")} skipped`);
}

process.exitCode = main(process.argv.slice(2));
