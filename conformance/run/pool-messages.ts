/**
 * What the property pool and its workers say to each other. Plain data only (structured clone):
 * functions, class instances and the backend itself never cross a thread boundary — each worker
 * loads its own backend from the same `--impl` string and options.
 */
import type { Outcome } from "./outcome.js";

/** `workerData`: how a worker loads its backend (as the CLI's `loadBackend(impl, …)`). */
export interface WorkerLoad {
  /** The `--impl` value: `reference`, a module path (resolved against the shared cwd) or `cmd:…`. */
  readonly impl: string;
  readonly timeoutMs?: number;
  readonly helloTimeoutMs?: number;
  /** Pass the backend's stderr on to the harness's, as `[backend] <line>`. */
  readonly verbose?: boolean;
}

/** Pool → worker: run one property (`property` indexes PROPERTIES), or close the backend and end. */
export type ToWorker =
  | { readonly type: "run"; readonly slot: number; readonly property: number; readonly seed: number; readonly runs: number; readonly replay?: string }
  | { readonly type: "close" };

/** Worker → pool: the outcome of the property run for `slot`, and its wall time. */
export interface FromWorker {
  readonly type: "done";
  readonly slot: number;
  readonly outcome: Outcome;
  readonly seconds: number;
}
