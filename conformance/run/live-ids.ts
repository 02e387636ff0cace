/**
 * The unknowns a graph case's output depends on: only they take part in reverse mode.
 *
 * @see spec/04-system.md#system.live
 */
import type { GraphCase } from "../../reference/index.js";

/** The ids the output depends on, itself included, read from the case as written. */
export function liveIds(c: GraphCase): ReadonlySet<string> {
  const live = new Set([c.graph.output]);
  for (const n of [...c.graph.nodes].reverse()) if (live.has(n.id)) n.args.forEach((a) => live.add(a));
  return live;
}
