/**
 * A fuzzer run in a child process under a watchdog. A mutant with no answer within `watchdogMs`
 * (a hang, or a path slow beyond reason), or one that kills the process (out of memory), becomes a
 * failure with the seed and path that replay it; the run then goes on with the next seed in a
 * fresh process, until the mutants are spent.
 */
import { fork } from "node:child_process";
import type { FuzzTarget } from "./fuzz-profiles.js";
import type { FuzzWorkerData, FuzzWorkerMessage } from "./fuzz-worker.js";
import type { FuzzFailure, FuzzRunOptions, FuzzRunResult } from "./run-fuzz.js";

const WORKER = new URL("./fuzz-worker.ts", import.meta.url);

export interface WatchedOptions extends Omit<FuzzRunOptions, "onCheck" | "onFailure" | "onStats"> {
  /** How long one mutant may take before it counts as a hang (default 120 s). */
  readonly watchdogMs?: number;
  /** Heap limit of the child process (default 3072 MB). */
  readonly heapMb?: number;
  /** Called now and then with the mutants checked so far. */
  readonly onProgress?: (checked: number) => void;
}

export async function runFuzzWatched(target: FuzzTarget, options: WatchedOptions): Promise<FuzzRunResult> {
  const watchdogMs = options.watchdogMs ?? 120_000;
  const stats: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  const disagreements: string[] = [];
  let mutants = 0;
  let checks = 0;
  let seed = options.seed;
  let remaining = options.runs;
  const maxFailures = options.maxFailures ?? 5;
  while (remaining > 0 && failures.length < maxFailures) {
    const data: FuzzWorkerData = { target, seed, runs: remaining, maxFailures: maxFailures - failures.length, ...(options.path !== undefined ? { path: options.path } : {}) };
    const streamed: FuzzFailure[] = [];
    let lastStats: Readonly<Record<string, number>> = {};
    const ended = await new Promise<{ result?: FuzzRunResult; lost?: FuzzFailure; checked: number }>((resolve) => {
      const worker = fork(WORKER, [], {
        execArgv: ["--import", "tsx", `--max-old-space-size=${options.heapMb ?? 3072}`],
        env: { ...process.env, FUZZ_WORKER_DATA: JSON.stringify(data) },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      let last = { seed, index: -1, recipe: "", at: Date.now() };
      let checked = 0;
      let settled = false;
      const settle = (v: { result?: FuzzRunResult; lost?: FuzzFailure; checked: number }): void => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        resolve(v);
      };
      const lost = (why: string): FuzzFailure => ({ target, seed: last.seed, path: String(last.index), counterexample: last.recipe, error: why });
      const timer = setInterval(() => {
        if (Date.now() - last.at <= watchdogMs) return;
        settle({ lost: lost(`no answer within ${watchdogMs / 1000} s: a hang or a path far too slow (the mutant is not shrunk)`), checked });
        worker.kill("SIGKILL");
      }, 250);
      worker.on("message", (m: FuzzWorkerMessage) => {
        if (m.type === "done") return settle({ result: m.result, checked });
        if (m.type === "failure") return void streamed.push(m.failure);
        if (m.type === "stats") return void (lastStats = m.stats);
        checked++;
        last = { seed: m.seed, index: m.index, recipe: m.recipe, at: Date.now() };
        if (checked % 500 === 0) options.onProgress?.(checks + checked);
      });
      worker.on("error", (e) => settle({ lost: lost(`the worker died: ${e.message}`), checked }));
      worker.on("close", (code, signal) => settle({ lost: lost(`the fuzzing process ${signal !== null ? `was killed by ${signal}` : `exited with code ${code}`} (${code === 134 || signal === "SIGABRT" ? "V8 aborts so on a fatal out-of-memory" : "a crash"}; the recipe indexes the corpus as it was when the run started)`), checked }));
    });
    if (ended.result !== undefined) {
      const r = ended.result;
      mutants += r.mutants;
      checks += r.checks;
      failures.push(...r.failures);
      for (const [k, v] of Object.entries(r.stats)) stats[k] = (stats[k] ?? 0) + v;
      for (const d of r.disagreements) if (disagreements.length < 10) disagreements.push(d);
      break;
    }
    // The worker was lost on one mutant: keep what it found, record the mutant, go on from the next
    // seed. Mutants are counted by checks here (a lost worker's shrinking steps count too).
    failures.push(...streamed, ended.lost as FuzzFailure);
    // The lost process's statistics up to its last snapshot (every 500 checks).
    for (const [k, v] of Object.entries(lastStats)) stats[k] = (stats[k] ?? 0) + v;
    mutants += ended.checked;
    checks += ended.checked;
    remaining -= ended.checked;
    seed = (ended.lost as FuzzFailure).seed + 1;
    if (options.path !== undefined) break;
  }
  return { target, seed: options.seed, mutants, checks, failures, stats, disagreements };
}
