/**
 * A fuzzer in a child process, so that the process that watches it survives a mutant that hangs
 * (a synchronous loop cannot be interrupted from inside) or exhausts memory (V8's fatal
 * out-of-memory ends the whole process, worker threads and their resource limits included).
 * Reads its task from FUZZ_WORKER_DATA; reports each check before it runs, each failure, then the
 * result, over the IPC channel.
 */
import type { FuzzTarget } from "./fuzz-profiles.js";
import { runFuzz, type FuzzFailure, type FuzzRunOptions, type FuzzRunResult } from "./run-fuzz.js";

/** What the worker is asked to run. */
export interface FuzzWorkerData extends Omit<FuzzRunOptions, "onCheck" | "onFailure" | "onStats"> {
  readonly target: FuzzTarget;
}

/** What it tells the watcher. */
export type FuzzWorkerMessage =
  | { readonly type: "check"; readonly seed: number; readonly index: number; readonly recipe: string }
  | { readonly type: "failure"; readonly failure: FuzzFailure }
  | { readonly type: "stats"; readonly stats: Readonly<Record<string, number>> }
  | { readonly type: "done"; readonly result: FuzzRunResult };

const send = (m: FuzzWorkerMessage): Promise<void> => new Promise((resolve) => (process.send ? process.send(m, undefined, {}, () => resolve()) : resolve()));

const data = JSON.parse(process.env["FUZZ_WORKER_DATA"] ?? "{}") as FuzzWorkerData;
const result = await runFuzz(data.target, {
  ...data,
  onFailure: (failure) => void send({ type: "failure", failure }),
  onStats: (stats) => void send({ type: "stats", stats }),
  // Awaited, so that the watcher knows the mutant before it runs, even if it then ends the process.
  onCheck: (seed, index, recipe) => send({ type: "check", seed, index, recipe: JSON.stringify(recipe) }),
});
await send({ type: "done", result });
process.disconnect?.();
