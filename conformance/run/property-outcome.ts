/**
 * A property's result as an outcome next to the corpus's: id `property.<name>`, the seed as its
 * "file", the replay path and the shrunk counterexample on failure. Plain data, so it crosses a
 * worker-thread boundary unchanged (see {@link runPropertiesInPool}). A failed graph property
 * carries the failure dossier its explain hook built for the counterexample (graph-failure-report.ts).
 *
 * @see spec/06-conformance.md#conform.dossier
 * @see spec/06-conformance.md#conform.outcome
 */
import type { PropertyResult } from "../properties/index.js";
import type { Outcome } from "./outcome.js";

/** `replay`: how to replay a failure, before its path (a shard's gives the flags without --shard, spec: conform.shard). */
export function propertyOutcome(id: string, seed: number, r: PropertyResult, replay = `replay: --seed ${seed}`): Outcome {
  const file = `(seed ${seed})`;
  const undecided = r.inconclusive > 0 ? `; ${r.inconclusive} undecided` : "";
  // The counters (e.g. the FD second opinion's PASS / FAIL / INCONCLUSIVE) are shown, never judged.
  const stats = r.stats !== undefined ? `; ${Object.entries(r.stats).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(", ")}` : "";
  if (r.status === "pass") return { id, file, status: "pass", reason: `${r.runs} random cases${undecided}${stats}` };
  const replayText = r.path !== undefined ? ` (${replay}, path ${r.path})` : "";
  const counterexample = r.counterexample !== undefined ? `\n      counterexample: ${JSON.stringify(r.counterexample)}` : "";
  const tangent = r.tangent !== undefined ? `\n      tangent: ${JSON.stringify(r.tangent)}` : "";
  const dossier = r.status === "fail" ? r.dossier : undefined;
  return {
    id,
    file,
    status: r.status,
    reason: `${r.reason ?? r.status}${replayText}${counterexample}${tangent}`,
    ...(r.counterexample !== undefined && r.tangent === undefined ? { counterexample: r.counterexample } : {}),
    ...(r.fault !== undefined ? { fault: r.fault } : {}),
    ...(dossier !== undefined ? { dossier } : {}),
  };
}
