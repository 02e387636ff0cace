/**
 * Running one fuzzer for a number of mutants, in this thread: fast-check generates recipes from a
 * seed, each is checked, and a failure is shrunk and recorded with the seed and path that replay
 * it. After a failure the run goes on with the next seed (seed + 1) until the mutants are spent or
 * `maxFailures` are found, so one known bug does not hide the rest of a long run.
 */
import fc from "fast-check";
import { reference } from "../../reference/index.js";
import { impl } from "../../impl/index.js";
import { wrapInProcess, type Backend } from "../backends/index.js";
import { caseFileRecipe, caseFileText, type CaseFileRecipe } from "./case-file-mutant.js";
import { checkCaseFile } from "./check-case-file.js";
import { checkReplyMutant } from "./check-reply-mutant.js";
import type { FuzzTarget } from "./fuzz-profiles.js";
import { replyRecipe, type ReplyRecipe } from "./reply-mutant.js";

export interface FuzzFailure {
  readonly target: FuzzTarget;
  /** `--seed <seed> --path <path>` replays it. */
  readonly seed: number;
  readonly path: string;
  /** The shrunk recipe, as JSON. */
  readonly counterexample: string;
  readonly error: string;
  /** How many times a failure with this signature was found (the first is the one kept). */
  readonly hits?: number;
}

/** Failures (repeats included, which are not shrunk) after which a run stops. */
export const MAX_HITS = 500;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What makes two failures the same bug: the message without the counterexample's data or stack. */
export function failureSignature(error: string): string {
  return error.replace(/\[at .*$/s, "").replace(/case \S+/g, "case …").replace(/"[^"]*"/g, '"…"').replace(/\d+/g, "N").slice(0, 200);
}

export interface FuzzRunResult {
  readonly target: FuzzTarget;
  readonly seed: number;
  /** Mutants generated and checked (shrinking not counted). */
  readonly mutants: number;
  /** Every check, shrinking included. */
  readonly checks: number;
  readonly failures: readonly FuzzFailure[];
  /** How mutants ended: load fault codes, judged statuses, reply ends, … */
  readonly stats: Readonly<Record<string, number>>;
  /** Up to ten cases the two backends answered differently (error parity), with their answers. */
  readonly disagreements: readonly string[];
}

export interface FuzzRunOptions {
  readonly seed: number;
  readonly runs: number;
  /** Replays one counterexample (with its seed) instead of a run. */
  readonly path?: string;
  /** Stop after this many distinct failures (default 5); a repeat of one already found is only counted. */
  readonly maxFailures?: number;
  /** Called (and awaited) before each check: the check's index within the current seed and the recipe. */
  readonly onCheck?: (seed: number, index: number, recipe: unknown) => void | Promise<void>;
  /** Called with the statistics so far after every 500th check (a watcher keeps them if the run dies). */
  readonly onStats?: (stats: Readonly<Record<string, number>>) => void;
  /** Called with each failure as soon as it is shrunk. */
  readonly onFailure?: (failure: FuzzFailure) => void;
}

/** Runs the fuzzer `target`. Never throws for a failing mutant: failures are in the result. */
export async function runFuzz(target: FuzzTarget, options: FuzzRunOptions): Promise<FuzzRunResult> {
  const stats: Record<string, number> = {};
  const disagreements: string[] = [];
  const count = (key: string): void => void (stats[key] = (stats[key] ?? 0) + 1);
  const snapshot = (): void => {
    if (checks % 500 === 0) options.onStats?.({ ...stats });
  };
  const backends: Record<string, Backend> = { reference: wrapInProcess(reference, { label: "reference" }), impl: wrapInProcess(impl, { label: "impl" }) };
  let checks = 0;
  let index = 0;
  let seed = options.seed;
  const property: fc.IAsyncProperty<[unknown]> = (
    target === "case-files"
      ? fc.asyncProperty(caseFileRecipe, async (r: CaseFileRecipe) => {
          checks++;
          await options.onCheck?.(seed, index++, r);
          const v = await checkCaseFile(caseFileText(r), backends, { judge: r.judge });
          v.faults.forEach((f) => count(`load ${f}`));
          v.outcomes.forEach((o) => count(`judged ${o}`));
          if (v.faults.length === 0 && v.outcomes.length === 0 && v.disagreements.length === 0) count("loaded cleanly, not judged");
          for (const d of v.disagreements) if (disagreements.length < 10 && !disagreements.includes(d)) disagreements.push(d);
          if (v.disagreements.length > 0) count("error parity broken");
          snapshot();
        })
      : fc.asyncProperty(replyRecipe, async (r: ReplyRecipe) => {
          checks++;
          await options.onCheck?.(seed, index++, r);
          const v = await checkReplyMutant(r);
          count(`direct ${v.direct}`);
          count(`wire ${v.wire}`);
          snapshot();
        })
  ) as fc.IAsyncProperty<[unknown]>;
  const failures: FuzzFailure[] = [];
  let mutants = 0;
  let remaining = options.runs;
  let hits = 0;
  // A bug that fires on nearly every mutant would otherwise be shrunk again and again.
  while (remaining > 0 && failures.length < (options.maxFailures ?? 5) && hits < MAX_HITS) {
    index = 0;
    // Shrinking waits until the failure is known to be new: a bug found again is only counted.
    const result = await fc.check(property, { seed, numRuns: options.path !== undefined ? 1 : remaining, endOnFailure: true, ...(options.path !== undefined ? { path: options.path } : {}) });
    mutants += result.numRuns;
    remaining -= Math.max(1, result.numRuns);
    if (!result.failed) break;
    hits++;
    const error = messageOf(result.errorInstance);
    const same = failures.findIndex((f) => failureSignature(f.error) === failureSignature(error));
    if (same >= 0) {
      failures[same] = { ...(failures[same] as FuzzFailure), hits: ((failures[same] as FuzzFailure).hits ?? 1) + 1 };
    } else {
      const shrunk = await fc.check(property, { seed, path: result.counterexamplePath ?? "0" });
      const kept = shrunk.failed ? shrunk : result;
      const failure: FuzzFailure = {
        target,
        seed,
        path: kept.counterexamplePath ?? "",
        counterexample: JSON.stringify(kept.counterexample?.[0]) ?? "",
        error: messageOf(kept.errorInstance),
        hits: 1,
      };
      failures.push(failure);
      options.onFailure?.(failure);
    }
    if (options.path !== undefined) break;
    seed++;
  }
  return { target, seed: options.seed, mutants, checks, failures, stats, disagreements };
}
