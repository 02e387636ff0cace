/**
 * The body of a property-pool worker thread (started through property-worker-boot.mjs, which
 * registers tsx first). It loads its own backend once from {@link WorkerLoad} — a `cmd:` backend
 * thus gets its own subprocess, a module is imported afresh in this thread — then runs the
 * properties it is sent, one at a time, and answers each with its outcome. On "close" it closes
 * the backend and ends the thread. A backend error that escapes (e.g. an uncaught exception
 * from a stray timer) kills this thread; the pool reports that as the property's error.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadBackend, type Backend } from "../backends/index.js";
import { PROPERTIES } from "../properties/index.js";
import type { FromWorker, ToWorker, WorkerLoad } from "./pool-messages.js";
import { propertyOutcome } from "./property-outcome.js";

const port = parentPort;
if (port === null) throw new Error("property-worker.ts runs only as a worker thread");
const load = workerData as WorkerLoad;
const backend: Promise<Backend> = loadBackend(load.impl, {
  ...(load.timeoutMs !== undefined ? { timeoutMs: load.timeoutMs } : {}),
  ...(load.helloTimeoutMs !== undefined ? { helloTimeoutMs: load.helloTimeoutMs } : {}),
  ...(load.verbose === true ? { onStderr: (line: string) => console.error(`[backend] ${line}`) } : {}),
});
backend.catch(() => undefined); // reported with each property below, not as an unhandled rejection

async function run(slot: number, index: number, seed: number, runs: number, replay?: string): Promise<FromWorker> {
  const started = performance.now();
  const p = PROPERTIES[index];
  if (p === undefined) throw new Error(`no property at index ${index}`);
  const id = `property.${p.name}`;
  const seconds = (): number => (performance.now() - started) / 1000;
  let b: Backend;
  try {
    b = await backend;
  } catch (e) {
    const reason = `the worker thread could not load the backend: ${e instanceof Error ? e.message : String(e)}`;
    return { type: "done", slot, outcome: { id, file: `(seed ${seed})`, status: "error", reason }, seconds: seconds() };
  }
  return { type: "done", slot, outcome: propertyOutcome(id, seed, await p.run(b, { seed, runs }), replay), seconds: seconds() };
}

port.on("message", (m: ToWorker) => {
  if (m.type === "run") {
    void run(m.slot, m.property, m.seed, m.runs, m.replay).then((done) => port.postMessage(done));
  } else {
    void backend
      .then((b) => b.close())
      .catch(() => undefined)
      // In a worker, process.exit ends this thread only — and at once, even if a property
      // aborted by the pool is still running on an in-process backend.
      .finally(() => process.exit(0));
  }
});
