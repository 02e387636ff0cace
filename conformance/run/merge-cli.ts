/**
 * `npm run conform -- merge <report.jsonl>… [-o merged.jsonl]`: the shards' reports of one run
 * → one report and the usual printed verdict. Exit 2 if the reports do not belong together or one
 * is incomplete (nothing is written then), else 1 if any merged outcome failed or errored, else 0.
 *
 * @see spec/06-conformance.md#conform.merge
 */
import { parseArgs } from "node:util";
import { JsonlReport } from "./jsonl-report.js";
import { mergeReports, type MergedReport } from "./merge-reports.js";
import { printReport } from "./print-report.js";
import { readJsonlReport, ReportError } from "./read-jsonl-report.js";

export const MERGE_HELP = `usage: npm run conform -- merge <report.jsonl>… [options]

  Joins the --report files of the shards of one run (--shard 1/n … n/n) into one report.
  They must agree on backend, cases, filter, tags, seed, runs and n, with every shard given
  once and complete (a report without its footer is refused); each corpus case appears once,
  each property once (the worst status of its shards, each shard's reason kept).

  -o, --out <file>   write the merged report (header, records, footer with the counts)
  --quiet            print only failing ids and the summary line
  --verbose          print every outcome
  --help             this text`;

export async function mergeMain(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        quiet: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    });
  } catch (e) {
    console.error(`conform merge: ${e instanceof Error ? e.message : String(e)}\n\n${MERGE_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0 || (values.quiet && values.verbose)) {
    console.error(`conform merge: ${positionals.length === 0 ? "give the reports to merge" : "--quiet and --verbose exclude each other"}\n\n${MERGE_HELP}`);
    return 2;
  }
  let merged: MergedReport;
  try {
    merged = mergeReports(positionals.map(readJsonlReport));
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    console.error(`conform merge: ${e.message}`);
    return 2;
  }
  if (values.out !== undefined) {
    try {
      const out = new JsonlReport(values.out, merged.header);
      merged.records.forEach((o) => out.record(o));
      out.close(merged.seconds);
    } catch (e) {
      console.error(`conform merge: cannot write -o ${JSON.stringify(values.out)}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  }
  printReport(merged.records, { quiet: values.quiet, verbose: values.verbose });
  return merged.records.some((o) => o.status === "fail" || o.status === "error") ? 1 : 0;
}
