/**
 * `--jobs n` (n ≥ 2): the properties of {@link runProperties}, run on a pool of worker threads.
 * Each worker loads its own backend from the same `--impl` string and options and pulls the next
 * property from a shared queue, longest first, so both cores stay busy until the long tail. Every
 * property runs whole in one worker with the same seed, so its outcome is exactly the in-thread
 * one; outcomes are handed to `onOutcome` and returned in PROPERTIES order (completions that
 * arrive early wait in an {@link OrderedEmitter}), so reports are the same whatever n is.
 * The one difference: in-thread, every property talks to the backend the corpus used, so a
 * backend's history carries over (e.g. one found unresponsive in the corpus gets no property
 * requests); here each worker starts its own, so such a property reports its own timeout.
 *
 * A worker that dies while running a property (an uncaught error, the backend ending the thread)
 * gives that property an errored outcome and is replaced if work is left; the harness goes on.
 * Idle workers are told to close their backends and end; any still running after
 * {@link CLOSE_GRACE_MS} is terminated, so the pool never holds the process open. The promise
 * settles once every worker has exited.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { Worker } from "node:worker_threads";
import { PROPERTIES } from "../properties/index.js";
import { OrderedEmitter } from "./ordered-emitter.js";
import type { Outcome } from "./outcome.js";
import type { FromWorker, ToWorker, WorkerLoad } from "./pool-messages.js";
import type { PropertyRunOptions } from "./run-properties.js";
import { propertyPlan } from "./shard.js";

export interface PoolOptions extends PropertyRunOptions {
  /** Worker threads (at most one per selected property). */
  readonly jobs: number;
  /**
   * Aborting stops handing out work, terminates the workers at once and settles with no outcomes.
   * (A worker busy with an in-process backend runs on microtasks and would not see a "close"
   * message before its property ends; terminating closes its handles, so a subprocess backend
   * sees its stdin end.)
   */
  readonly signal?: AbortSignal;
}

/** How long a worker may take to close its backend and end before it is terminated. */
export const CLOSE_GRACE_MS = 5000;

/**
 * Seconds per property measured on the reference with the default profile (1000 runs). Only the
 * order in which the queue hands properties out depends on it, never an outcome.
 */
const COST: Readonly<Record<string, number>> = {
  "graph-gradient": 6.2,
  "large-matmul": 14, // 100 runs (a tenth of the profile's), see large-matmul.ts
  "kink-convention": 1.1,
  "forward-reverse": 1.0,
  "system-solution": 0.7,
  "law.block": 0.4,
};

const BOOT = new URL("./property-worker-boot.mjs", import.meta.url);

/**
 * The parent's Node flags without tsx's own (`--require …/tsx/…`, `--import tsx`, …): the boot file
 * registers tsx itself, and registering it twice made each worker's start measurably slower.
 */
function execArgvWithoutTsx(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (/^--(import|require|loader|experimental-loader)=.*tsx/.test(a)) continue;
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(a) && /tsx/.test(argv[i + 1] ?? "")) i++;
    else kept.push(a);
  }
  return kept;
}

export function runPropertiesInPool(load: WorkerLoad, options: PoolOptions): Promise<Outcome[]> {
  const plan = propertyPlan(options.seed, options.runs, options.shard); // spec/06-conformance.md#conform.shard
  const selected = plan.runs === 0 ? [] : PROPERTIES.map((p, index) => ({ id: `property.${p.name}`, name: p.name, index })).filter((p) => options.match?.(p.id) ?? true);
  if (selected.length === 0 || options.signal?.aborted === true) return Promise.resolve([]);
  const queue = selected.map((_, slot) => slot).sort((a, b) => (COST[selected[b]?.name ?? ""] ?? 0) - (COST[selected[a]?.name ?? ""] ?? 0));
  let aborted = false;
  const emitter = new OrderedEmitter<Outcome>(selected.length, (o) => {
    if (!aborted) options.onOutcome?.(o);
  });
  const workers = new Set<{ worker: Worker; current: number | undefined }>();

  return new Promise((resolve) => {
    const closeAll = (): void => {
      aborted = true;
      queue.length = 0;
      for (const w of workers) void w.worker.terminate();
    };
    options.signal?.addEventListener("abort", closeAll, { once: true });

    /** Tells a worker to close its backend and end; terminates it if it has not after the grace. */
    function release(w: { worker: Worker }): void {
      w.worker.postMessage({ type: "close" } satisfies ToWorker);
      setTimeout(() => void w.worker.terminate(), CLOSE_GRACE_MS).unref();
    }

    function start(): void {
      const w = { worker: new Worker(BOOT, { workerData: load, execArgv: execArgvWithoutTsx(process.execArgv) }), current: undefined as number | undefined };
      let died: string | undefined;
      workers.add(w);
      const next = (): void => {
        w.current = queue.shift();
        const p = w.current === undefined ? undefined : selected[w.current];
        if (w.current === undefined || p === undefined) release(w);
        else w.worker.postMessage({ type: "run", slot: w.current, property: p.index, seed: plan.seed, runs: plan.runs, replay: plan.replay(p.name) } satisfies ToWorker);
      };
      w.worker.on("message", (m: FromWorker) => {
        if (m.slot !== w.current) return;
        emitter.put(m.slot, m.outcome);
        next();
      });
      w.worker.on("error", (e) => {
        died = e instanceof Error ? e.message : String(e);
      });
      w.worker.on("exit", (code) => {
        workers.delete(w);
        const slot = w.current;
        const p = slot === undefined ? undefined : selected[slot];
        if (slot !== undefined && p !== undefined) {
          const reason = `the worker thread running it died (${died ?? `exit code ${code}`}); the harness went on without it`;
          emitter.put(slot, { id: p.id, file: `(seed ${plan.seed})`, status: "error", reason, fault: "crashed" });
          if (queue.length > 0) start();
        }
        if (workers.size === 0) {
          options.signal?.removeEventListener("abort", closeAll);
          resolve(aborted ? [] : emitter.values());
        }
      });
      next();
    }

    for (let i = 0; i < Math.min(options.jobs, selected.length); i++) start();
  });
}
