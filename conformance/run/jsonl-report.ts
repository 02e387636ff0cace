/**
 * The streamed JSON-lines report (`--report <file>`): a header, one record per case or property
 * as soon as it is judged, a footer. Each line is written with one synchronous write, so a run
 * that is killed leaves a valid prefix: whole lines, the header first. Records hold no timings,
 * so the same seed and inputs give the same records.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Outcome } from "./outcome.js";

export interface ReportHeader {
  readonly backend: string;
  readonly seed: number;
  readonly runs: number;
  readonly cases: readonly string[];
  readonly filter?: string;
}

export class JsonlReport {
  private readonly fd: number;
  private readonly counts = { passed: 0, failed: 0, skipped: 0, errored: 0 };

  /** Opens (truncates) `path` and writes the header. Throws if the file cannot be written. */
  constructor(path: string, header: ReportHeader) {
    this.fd = openSync(path, "w");
    this.line({ type: "header", tool: "backslash-ad conform", report: 1, ...header });
  }

  record(o: Outcome): void {
    const key = o.status === "pass" ? "passed" : o.status === "fail" ? "failed" : o.status === "skip" ? "skipped" : "errored";
    this.counts[key]++;
    this.line({ type: "record", ...o });
  }

  /** Writes the footer (counts, wall time) and closes the file. */
  close(seconds: number): void {
    this.line({ type: "footer", ...this.counts, seconds });
    closeSync(this.fd);
  }

  /** One line, written in full before anything else (writeSync may write only part of a buffer). */
  private line(value: object): void {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`, "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }
}
