/**
 * Known failures (`--expectations <file>`): a backend's real deviations, each with a reason, so
 * that its CI stays green on them and turns red on anything new. A listed case or property that
 * fails or errors is reported as skipped ("known failure: …"); a listed corpus case that passes is
 * an error (the entry is out of date), a listed property that passes stays a pass (its random cases
 * may simply not have met the deviation), and an entry that matches nothing in the run is an error
 * (stale).
 *
 * File: {"expectations": [{"id": "prim.tanh.scalar", "reason": "float32 tanh is 2 ulp off"}, …]}
 *
 * @see spec/06-conformance.md#conform.expectations
 */
import { readFileSync } from "node:fs";
import type { Outcome } from "./outcome.js";

/** id → reason. */
export type Expectations = ReadonlyMap<string, string>;

/** Reads an expectations file; throws an Error naming the file and JSON pointer of a fault. */
export function readExpectations(path: string): Expectations {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = (json as { expectations?: unknown } | null)?.expectations;
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(list)) {
    throw new Error(`${path}: at /expectations: must be an array of {"id", "reason"}`);
  }
  const out = new Map<string, string>();
  list.forEach((entry: unknown, i) => {
    const e = entry as { id?: unknown; reason?: unknown } | null;
    if (typeof e !== "object" || e === null || typeof e.id !== "string" || typeof e.reason !== "string" || e.reason.trim() === "") {
      throw new Error(`${path}: at /expectations/${i}: needs a string "id" and a non-empty string "reason"`);
    }
    if (out.has(e.id)) throw new Error(`${path}: at /expectations/${i}/id: ${JSON.stringify(e.id)} is listed twice`);
    out.set(e.id, e.reason);
  });
  return out;
}

/** The outcome as the expectations see it. */
export function expected(o: Outcome, known: Expectations): Outcome {
  const reason = known.get(o.id);
  if (reason === undefined) return o;
  if (o.status === "fail" || o.status === "error") return { ...o, status: "skip", reason: `known failure (${reason}): ${o.reason ?? o.status}` };
  // A random search that did not meet a known deviation is no evidence that it is gone.
  if (o.status === "pass" && o.id.startsWith("property.")) {
    return { ...o, reason: `known failure (${reason}) not found by this run's random cases${o.reason ? `; ${o.reason}` : ""}` };
  }
  if (o.status === "pass") return { ...o, status: "error", reason: `unexpected pass: listed as a known failure (${reason}); remove the entry` };
  return o;
}

/** Errored outcomes for entries that matched no case or property the run selected. */
export function staleEntries(known: Expectations, seen: ReadonlySet<string>, selected: (id: string) => boolean, file: string): Outcome[] {
  return [...known]
    .filter(([id]) => selected(id) && !seen.has(id))
    .map(([id, reason]) => ({ id, file, status: "error" as const, reason: `stale expectation (${reason}): no case or property with this id ran` }));
}
