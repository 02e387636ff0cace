/**
 * A fuzzer in a worker thread, so that the thread that watches it can stop a mutant that hangs
 * (a synchronous loop cannot be interrupted from inside). Reports each check before it runs, then
 * the result.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FuzzTarget } from "./fuzz-profiles.js";
import { runFuzz, type FuzzFailure, type FuzzRunOptions, type FuzzRunResult } from "./run-fuzz.js";

/** What the worker is asked to run. */
export interface FuzzWorkerData extends Omit<FuzzRunOptions, "onCheck" | "onFailure"> {
  readonly target: FuzzTarget;
}

/** What it tells the watcher. */
export type FuzzWorkerMessage =
  | { readonly type: "check"; readonly seed: number; readonly index: number; readonly recipe: string }
  | { readonly type: "failure"; readonly failure: FuzzFailure }
  | { readonly type: "done"; readonly result: FuzzRunResult };

const data = workerData as FuzzWorkerData;
const result = await runFuzz(data.target, {
  ...data,
  onFailure: (failure) => parentPort?.postMessage({ type: "failure", failure } satisfies FuzzWorkerMessage),
  onCheck: (seed, index, recipe) => parentPort?.postMessage({ type: "check", seed, index, recipe: JSON.stringify(recipe) } satisfies FuzzWorkerMessage),
});
parentPort?.postMessage({ type: "done", result } satisfies FuzzWorkerMessage);
