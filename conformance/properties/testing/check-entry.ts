/**
 * Whether a run caught a catalog entry as the catalog claims: each outcome of `caughtBy` is there
 * with the entry's status (and fault kind, when it names one). Shared by the tests and the
 * self-test script, so both judge an entry the same way.
 */
import type { Outcome } from "../../run/outcome.js";
import type { CatalogEntry } from "./catalog.js";

/** What is wrong with the run's verdict on `entry`; empty when it was caught as claimed. */
export function checkEntry(entry: CatalogEntry, outcomes: readonly Pick<Outcome, "id" | "status" | "fault">[]): string[] {
  return entry.caughtBy.flatMap((id) => {
    const o = outcomes.find((x) => x.id === id);
    if (o === undefined) return [`${id}: no outcome`];
    if (o.status !== entry.status) return [`${id}: ${o.status}, expected ${entry.status}`];
    if (entry.fault !== undefined && o.fault !== entry.fault) return [`${id}: fault ${o.fault ?? "none"}, expected ${entry.fault}`];
    return [];
  });
}
