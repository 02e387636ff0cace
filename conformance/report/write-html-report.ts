/**
 * Writing the HTML report to a file, for `--html` in a run and for the `report` subcommand. Never
 * throws and never changes a run's verdict: a bench file that cannot be read is shown as a problem
 * in the page, a page that cannot be written is reported on stderr, and the caller's exit status
 * stands — results already printed and streamed are never lost to the report.
 *
 * @see spec/06-conformance.md#conform.html
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderHtmlReport } from "./html-report.js";
import type { ReportLine } from "./report-lines.js";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Reads and parses a bench JSON file; a failure becomes a problem to show, not a throw. */
export function readBench(path: string): { bench?: unknown; problem?: string } {
  try {
    return { bench: JSON.parse(readFileSync(path, "utf8")) as unknown };
  } catch (e) {
    return { problem: `--bench ${JSON.stringify(path)}: ${message(e)}` };
  }
}

/** Renders and writes; true when the file was written. */
export function writeHtmlReport(path: string, lines: readonly ReportLine[], benchPath?: string, problems: readonly string[] = []): boolean {
  const read = benchPath === undefined ? {} : readBench(benchPath);
  if (read.problem !== undefined) console.error(`conform: ${read.problem}`);
  try {
    const html = renderHtmlReport(lines, { ...(read.bench !== undefined ? { bench: read.bench } : {}), problems: [...problems, ...(read.problem !== undefined ? [read.problem] : [])] });
    writeFileSync(path, html);
    return true;
  } catch (e) {
    console.error(`conform: cannot write --html ${JSON.stringify(path)}: ${message(e)}`);
    return false;
  }
}
