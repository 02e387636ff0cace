/**
 * Reading back a JSON-lines report (`--report`) whole: its header, records and footer. A report
 * without its footer is a run that was killed: it is refused as incomplete, naming the file, so
 * that no one merges or trusts a part of a run as if it were all of it.
 *
 * @see spec/06-conformance.md#conform.merge
 */
import { readFileSync } from "node:fs";
import type { ReportHeader } from "./jsonl-report.js";
import type { Outcome } from "./outcome.js";

export interface ReportFooter {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errored: number;
  readonly seconds: number;
}

export interface ReadReport {
  readonly path: string;
  readonly header: ReportHeader & { readonly tool: string; readonly report: number };
  /** The records, in file order, without their `type` member. */
  readonly records: readonly Outcome[];
  readonly footer: ReportFooter;
}

/** A report that cannot be used as it is; the message names the file. */
export class ReportError extends Error {}

/** Reads `path`; throws a {@link ReportError} if it is not a whole conform report. */
export function readJsonlReport(path: string): ReadReport {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ReportError(`${path}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const parsed = lines.map((line, i) => {
    try {
      return JSON.parse(line) as { type?: unknown } & Record<string, unknown>;
    } catch {
      throw new ReportError(`${path}: line ${i + 1} is not JSON${i === lines.length - 1 ? " (the file ends in the middle of a line)" : ""}`);
    }
  });
  const [first, ...rest] = parsed;
  if (first?.type !== "header" || first["tool"] !== "backslash-ad conform") {
    throw new ReportError(`${path}: not a conform report (its first line is not a conform --report header)`);
  }
  if (first["report"] !== 1) throw new ReportError(`${path}: report format ${JSON.stringify(first["report"])}, this harness reads 1`);
  const last = rest.at(-1);
  const body = last?.type === "footer" ? rest.slice(0, -1) : rest;
  if (last?.type !== "footer") {
    throw new ReportError(`${path}: incomplete: no footer after its ${body.length} record(s) — the run was killed or is still running; rerun that shard`);
  }
  const odd = body.findIndex((l) => l.type !== "record");
  if (odd >= 0) throw new ReportError(`${path}: line ${odd + 2} is a ${JSON.stringify(body[odd]?.type)} line among the records`);
  const { type: _h, ...header } = first;
  const { type: _f, ...footer } = last;
  return {
    path,
    header: header as unknown as ReadReport["header"],
    records: body.map(({ type: _r, ...o }) => o as unknown as Outcome),
    footer: footer as unknown as ReportFooter,
  };
}
