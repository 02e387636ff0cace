/**
 * The lines of a JSON-lines report (run/jsonl-report.ts) as the HTML report reads them: headers,
 * records (outcomes) and footers, in any number — a merged report may hold several of each. A
 * line that is not JSON or not one of the three is named in `problems` and skipped, so a report
 * cut short by a killed run still renders.
 *
 * @see spec/06-conformance.md#conform.html
 */
import type { Outcome } from "../run/outcome.js";

export interface HeaderLine {
  readonly type: "header";
  readonly backend?: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly cases?: readonly string[];
  readonly filter?: string;
}
export type RecordLine = Outcome & { readonly type: "record" };
export interface FooterLine {
  readonly type: "footer";
  readonly seconds?: number;
}
export type ReportLine = HeaderLine | RecordLine | FooterLine;

const STATUSES = new Set(["pass", "fail", "skip", "error"]);

export function parseReportLines(text: string): { lines: ReportLine[]; problems: string[] } {
  const lines: ReportLine[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      problems.push(`line ${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    const o = v as { type?: unknown; id?: unknown; status?: unknown } | null;
    if (o !== null && typeof o === "object" && (o.type === "header" || o.type === "footer")) lines.push(o as ReportLine);
    else if (o !== null && typeof o === "object" && o.type === "record" && typeof o.id === "string" && STATUSES.has(String(o.status))) lines.push(o as RecordLine);
    else problems.push(`line ${i + 1}: not a header, record or footer`);
  });
  return { lines, problems };
}
