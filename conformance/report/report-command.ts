/**
 * `npm run conform -- report <run.jsonl> --html <out.html> [--bench <json>]`: renders a saved (or
 * merged) JSON-lines report as the HTML report, without running anything. Exit 0 when the page is
 * written, 1 when the report cannot be read or the page cannot be written, 2 for bad arguments.
 * Lines that are not part of a report are skipped and listed at the top of the page.
 *
 * @see spec/06-conformance.md#conform.html
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseReportLines } from "./report-lines.js";
import { writeHtmlReport } from "./write-html-report.js";

export const REPORT_HELP = `usage: npm run conform -- report <run.jsonl> --html <out.html> [--bench <results.json>]

  renders a JSON-lines report (--report of a run, or a merged one) as a static HTML page:
  the summary, every outcome, and for each failing graph case its graph, (I − L), worst element,
  finite-difference sweep and Taylor plot; --bench adds the bench's tables and plots`;

export function reportCommand(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { html: { type: "string" }, bench: { type: "string" }, help: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`conform report: ${e instanceof Error ? e.message : String(e)}\n\n${REPORT_HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(REPORT_HELP);
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined || extra.length > 0 || parsed.values.html === undefined) {
    console.error(`conform report: needs one report file and --html <out.html>\n\n${REPORT_HELP}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(input, "utf8");
  } catch (e) {
    console.error(`conform report: cannot read ${JSON.stringify(input)}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const { lines, problems } = parseReportLines(text);
  problems.forEach((p) => console.error(`conform report: ${input}: ${p}`));
  const ok = writeHtmlReport(parsed.values.html, lines, parsed.values.bench, problems.map((p) => `${input}: ${p}`));
  if (ok) console.log(`wrote ${parsed.values.html} (${lines.filter((l) => l.type === "record").length} outcomes)`);
  return ok ? 0 : 1;
}
