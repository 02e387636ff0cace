/**
 * The reports of the n shards of one run (`--shard k/n --report …`) → the report of the whole
 * run. They must belong together: same backend, case paths, filter, tags, seed, runs and n, and
 * every shard 1…n exactly once; otherwise a {@link ReportError} names the file and what differs.
 *
 * Each corpus case ran in one shard and appears once. What every shard reports — each property
 * (on its share of the random cases), a file that does not load, a failed hello — becomes one
 * outcome: the worst status (error, then fail, then pass, then skip), a reason listing each
 * shard's, and each shard's own outcome kept in `shards` (reason, counterexample, …).
 *
 * Conventions: n is the shard count, k a shard's index (1-based).
 *
 * @see spec/06-conformance.md#conform.merge
 */
import type { ReportHeader, ReportShard } from "./jsonl-report.js";
import type { Outcome, Status } from "./outcome.js";
import { ReportError, type ReadReport } from "./read-jsonl-report.js";

/** One shard's outcome inside a merged outcome. */
export type ShardOutcome = Omit<Outcome, "id"> & { readonly shard: string };

/** An outcome of the merged view: what several shards reported carries each shard's in `shards`. */
export type MergedOutcome = Outcome & { readonly shards?: readonly ShardOutcome[] };

export interface MergedReport {
  readonly header: ReportHeader & { readonly shards: readonly ReportShard[] };
  readonly records: readonly MergedOutcome[];
  /** The shards' wall times added up. */
  readonly seconds: number;
}

/** Header members that must be equal in every shard of one run. */
const SAME = ["backend", "cases", "filter", "tags", "seed", "runs"] as const;

/** Worst first: the merged status is the first of these that some shard has. */
const PRECEDENCE: readonly Status[] = ["error", "fail", "pass", "skip"];

export function mergeReports(reports: readonly ReadReport[]): MergedReport {
  const first = reports[0];
  if (first === undefined) throw new ReportError("merge: no reports given");
  const shards = checkTogether(reports, first);
  const n = shards.length;

  // Group: the key of an outcome every shard may report; undefined for a corpus case.
  const shared = (o: Outcome): string | undefined =>
    o.id.startsWith("property.") ? o.id : o.id.startsWith("(") ? `${o.id}\u0000${o.file}` : undefined;
  const groups = new Map<string, { k: number; o: Outcome }[]>();
  const owner = new Map<string, ReadReport>();
  const corpus: Outcome[] = [];
  for (const [i, r] of ordered(reports).entries()) {
    const k = i + 1;
    for (const o of r.records) {
      const key = shared(o);
      if (key !== undefined) {
        groups.set(key, [...(groups.get(key) ?? []), { k, o }]);
        continue;
      }
      const earlier = owner.get(o.id);
      if (earlier !== undefined && earlier !== r) {
        throw new ReportError(`${r.path}: case ${o.id} is also in ${earlier.path} (shard ${shardOf(earlier).index}/${n}): the shards did not run the same corpus`);
      }
      owner.set(o.id, r);
      corpus.push(o);
    }
  }
  const combined = [...groups.values()].map((entries) => combine(entries, n, first.header.seed));
  const runLevel = combined.filter((o) => o.id.startsWith("("));
  const properties = combined.filter((o) => !o.id.startsWith("("));
  const { shard: _s, shards: _ss, ...common } = first.header;
  return {
    header: { ...common, shards },
    records: [...runLevel, ...corpus, ...properties],
    seconds: reports.reduce((sum, r) => sum + (Number.isFinite(r.footer.seconds) ? r.footer.seconds : 0), 0),
  };
}

/** The shards' `shard` members in order 1…n, after checking the reports belong to one run. */
function checkTogether(reports: readonly ReadReport[], first: ReadReport): ReportShard[] {
  for (const r of reports) {
    if (r.header.shards !== undefined) throw new ReportError(`${r.path}: is already a merged report; merge the shards' own reports`);
    for (const field of SAME) {
      const [a, b] = [JSON.stringify(first.header[field]), JSON.stringify(r.header[field])];
      if (a !== b) throw new ReportError(`${r.path}: its ${field} is ${b ?? "not given"}, but ${first.path}'s is ${a ?? "not given"}: the reports are not from one run`);
    }
    const [k, n] = [shardOf(r), shardOf(first)];
    if (k.count !== n.count) throw new ReportError(`${r.path}: is shard ${k.index}/${k.count}, but ${first.path} is shard ${n.index}/${n.count}: the reports are not from one run`);
  }
  const n = shardOf(first).count;
  const byIndex = new Map<number, ReadReport>();
  for (const r of reports) {
    const k = shardOf(r).index;
    const twice = byIndex.get(k);
    if (twice !== undefined) throw new ReportError(`${r.path}: shard ${k}/${n} is given twice (also ${twice.path})`);
    byIndex.set(k, r);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0) {
    throw new ReportError(`merge: shard${missing.length > 1 ? "s" : ""} ${missing.map((k) => `${k}/${n}`).join(", ")} of the run of ${first.path} ${missing.length > 1 ? "are" : "is"} missing; every shard 1…${n} must be given once`);
  }
  return Array.from({ length: n }, (_, i) => shardOf(byIndex.get(i + 1) as ReadReport));
}

/** The report's shard; a report without one is the whole run, shard 1/1. */
function shardOf(r: ReadReport): ReportShard {
  return r.header.shard ?? { index: 1, count: 1, seed: r.header.seed, runs: r.header.runs };
}

function ordered(reports: readonly ReadReport[]): ReadReport[] {
  return [...reports].sort((a, b) => shardOf(a).index - shardOf(b).index);
}

/** The outcomes several shards gave under one key → one outcome. */
function combine(entries: readonly { k: number; o: Outcome }[], n: number, seed: number): MergedOutcome {
  const [only] = entries;
  if (entries.length === 1 && only !== undefined) return only.o;
  const status = PRECEDENCE.find((s) => entries.some((e) => e.o.status === s)) as Status;
  const worst = entries.find((e) => e.o.status === status) as { k: number; o: Outcome };
  const reasons = new Set(entries.map((e) => e.o.reason ?? ""));
  const reason = reasons.size === 1 ? worst.o.reason : entries.map((e) => `shard ${e.k}/${n} (${e.o.status}): ${e.o.reason ?? ""}`).join("\n      ");
  const files = new Set(entries.map((e) => e.o.file));
  const file = files.size === 1 ? worst.o.file : `(seed ${seed}: ${entries.length} shards)`;
  const shards = entries.map(({ k, o: { id: _id, ...rest } }) => ({ shard: `${k}/${n}`, ...rest }));
  const { reason: _r, ...kept } = worst.o; // the worst shard's counterexample, fault, …
  return { ...kept, file, status, ...(reason !== undefined ? { reason } : {}), shards };
}
