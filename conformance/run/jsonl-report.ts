/**
 * The streamed JSON-lines report (`--report <file>`): a header, one record per case or property
 * as soon as it is judged, a footer. Each line is written with one synchronous write, so a run
 * that is killed leaves a valid prefix: whole lines, the header first. Records hold no timings,
 * so the same seed and inputs give the same records. The header says what ran — backend, case
 * paths, filter, tags, seed, runs and, for `--shard k/n`, which shard — so that the reports of the
 * shards of one run can be checked to belong together and merged (merge-reports.ts).
 *
 * @see spec/06-conformance.md#conform.outcome
 * @see spec/06-conformance.md#conform.merge
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Outcome } from "./outcome.js";

/** A shard's place in its run and what its properties ran (spec/06-conformance.md#conform.shard). */
export interface ReportShard {
  readonly index: number;
  readonly count: number;
  /** The shard's own seed and random cases per property. */
  readonly seed: number;
  readonly runs: number;
}

export interface ReportHeader {
  readonly backend: string;
  /** The run's --seed and random cases per property (a shard's own are in `shard`). */
  readonly seed: number;
  readonly runs: number;
  readonly cases: readonly string[];
  readonly filter?: string;
  /** --tags, when given. */
  readonly tags?: readonly string[];
  /** --shard k/n, when given. */
  readonly shard?: ReportShard;
  /** Only in a merged report: the shards it joins, in order. */
  readonly shards?: readonly ReportShard[];
}

/** The footer's counter an outcome adds to. */
export function countKey(status: Outcome["status"]): "passed" | "failed" | "skipped" | "errored" {
  return status === "pass" ? "passed" : status === "fail" ? "failed" : status === "skip" ? "skipped" : "errored";
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
    this.counts[countKey(o.status)]++;
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
