/**
 * Running the property-based checks (random graphs, systems, operators and the transpose-dot
 * laws) against a backend, as outcomes next to the corpus's: one outcome per property, named
 * `property.<name>`, with the seed, the replay path and the shrunk counterexample on failure.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { PROPERTIES, type BackendLike, type PropertyResult } from "../properties/index.js";
import type { Outcome } from "./outcome.js";

/** Random cases per property for each profile. */
export const PROFILES = { quick: 25, default: 1000, thorough: 10_000 } as const;
export type Profile = keyof typeof PROFILES;

export interface PropertyRunOptions {
  readonly seed: number;
  /** Random cases per property; 0 runs none. */
  readonly runs: number;
  /** Keeps the properties whose outcome id `property.<name>` it accepts. */
  readonly match?: (id: string) => boolean;
  /** Called with each outcome as soon as it is known (streamed reports). */
  readonly onOutcome?: (o: Outcome) => void;
}

export async function runProperties(backend: BackendLike, options: PropertyRunOptions): Promise<Outcome[]> {
  if (options.runs === 0) return [];
  const outcomes: Outcome[] = [];
  for (const p of PROPERTIES) {
    const id = `property.${p.name}`;
    if (options.match !== undefined && !options.match(id)) continue;
    const o = toOutcome(id, options.seed, await p.run(backend, { seed: options.seed, runs: options.runs }));
    outcomes.push(o);
    options.onOutcome?.(o);
  }
  return outcomes;
}

function toOutcome(id: string, seed: number, r: PropertyResult): Outcome {
  const file = `(seed ${seed})`;
  const undecided = r.inconclusive > 0 ? `; ${r.inconclusive} undecided` : "";
  if (r.status === "pass") return { id, file, status: "pass", reason: `${r.runs} random cases${undecided}` };
  const replay = r.path !== undefined ? ` (replay: --seed ${seed}, path ${r.path})` : "";
  const counterexample = r.counterexample !== undefined ? `\n      counterexample: ${JSON.stringify(r.counterexample)}` : "";
  const tangent = r.tangent !== undefined ? `\n      tangent: ${JSON.stringify(r.tangent)}` : "";
  return {
    id,
    file,
    status: r.status,
    reason: `${r.reason ?? r.status}${replay}${counterexample}${tangent}`,
    ...(r.counterexample !== undefined && r.tangent === undefined ? { counterexample: r.counterexample } : {}),
  };
}
