/**
 * Running the property-based checks (random graphs, systems, operators and the transpose-dot
 * laws) against a backend in this thread, one after another in {@link PROPERTIES} order: one
 * outcome per property (see {@link propertyOutcome}). `--jobs 1`; for more threads see
 * {@link runPropertiesInPool}, which gives the same outcomes in the same order.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { PROPERTIES, type BackendLike } from "../properties/index.js";
import type { Outcome } from "./outcome.js";
import { propertyOutcome } from "./property-outcome.js";
import { propertyPlan, type Shard } from "./shard.js";

/** Random cases per property for each profile. */
export const PROFILES = { quick: 25, default: 1000, thorough: 10_000 } as const;
export type Profile = keyof typeof PROFILES;

export interface PropertyRunOptions {
  readonly seed: number;
  /** Random cases per property; 0 runs none. */
  readonly runs: number;
  /** Keeps the properties whose outcome id `property.<name>` it accepts. */
  readonly match?: (id: string) => boolean;
  /** Called with each outcome as soon as it is known (streamed reports), in PROPERTIES order. */
  readonly onOutcome?: (o: Outcome) => void;
  /** `--shard k/n`: run this shard's share of `runs` with its own seed (spec/06-conformance.md#conform.shard). */
  readonly shard?: Shard;
}

export async function runProperties(backend: BackendLike, options: PropertyRunOptions): Promise<Outcome[]> {
  const plan = propertyPlan(options.seed, options.runs, options.shard);
  if (plan.runs === 0) return [];
  const outcomes: Outcome[] = [];
  for (const p of PROPERTIES) {
    const id = `property.${p.name}`;
    if (options.match !== undefined && !options.match(id)) continue;
    const o = propertyOutcome(id, plan.seed, await p.run(backend, { seed: plan.seed, runs: plan.runs }), plan.replay(p.name));
    outcomes.push(o);
    options.onOutcome?.(o);
  }
  return outcomes;
}
