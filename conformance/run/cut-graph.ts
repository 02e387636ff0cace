/**
 * Cutting a graph case at a node: the case whose gradient is that node's adjoint ȳ_k.
 *
 * In back substitution on (I − L)ᵀ• ȳ = g, ȳ_k = Σ_{i consumes k} L_ikᵀ• ȳ_i depends only on the
 * nodes downstream of k and on the forward values their edges are built from. So the cut case makes
 * node k its one input (carrying k's forward value), keeps as nodes exactly the live nodes
 * downstream of k, turns every other unknown they use into a constant (sources keep their value as
 * written, nodes carry their forward value), and asks for the gradient with respect to k. Its
 * gradient is the adjoint of k in a graph with the same downstream structure — checkable by any
 * backend, in process or not, and by the oracles, with its own chapter-7 allowance.
 *
 * The result is a valid case (spec/05-cases.md): k's id is free once k is no longer a node, ids stay
 * unique, constants come before the nodes that use them, and the output is unchanged.
 *
 * Conventions: `k` is the cut node's id; `values` maps node ids to forward values as doubles.
 *
 * @see spec/06-conformance.md#conform.report
 * @see spec/04-system.md#system.live
 */
import type { GraphCase, RawNamedValue, RawTensor } from "../../reference/case.js";
import { liveIds } from "./live-ids.js";

/** A double as a case writes it: non-finite values as the strings of value.number. */
const raw = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
const rawTensor = (t: number | readonly (readonly number[])[]): RawTensor => (typeof t === "number" ? raw(t) : t.map((row) => row.map(raw)));

/**
 * The case whose gradient is the adjoint of node `k`, or undefined when `k` is not a live node
 * other than the output (a dead node's adjoint is zero by system.live; the output's is g).
 */
export function cutGraph(c: GraphCase, k: string, values: ReadonlyMap<string, number | readonly (readonly number[])[]>): GraphCase | undefined {
  const live = liveIds(c);
  if (k === c.graph.output || !live.has(k) || !c.graph.nodes.some((n) => n.id === k)) return undefined;
  const downstream = new Set([k]);
  for (const n of c.graph.nodes) if (n.args.some((a) => downstream.has(a))) downstream.add(n.id);
  const kept = c.graph.nodes.filter((n) => n.id !== k && downstream.has(n.id) && live.has(n.id));
  const keptIds = new Set(kept.map((n) => n.id));
  const used = new Set(kept.flatMap((n) => n.args).filter((a) => a !== k && !keptIds.has(a)));

  const value = (id: string): RawTensor => {
    const v = values.get(id);
    if (v === undefined) throw new RangeError(`no forward value for node ${JSON.stringify(id)}`);
    return rawTensor(v);
  };
  // In the order of the original unknowns, so that the cut case reads like the case it came from.
  const sources: readonly RawNamedValue[] = [...c.graph.inputs, ...(c.graph.constants ?? [])];
  const constants: RawNamedValue[] = [
    ...sources.filter((s) => used.has(s.id)),
    ...c.graph.nodes.filter((n) => used.has(n.id)).map((n) => ({ id: n.id, value: value(n.id) })),
  ];
  return {
    id: `${c.id}.cut`,
    description: `the adjoint of node ${JSON.stringify(k)} of ${c.id}: the graph downstream of it, with it as the input`,
    kind: "graph",
    graph: { inputs: [{ id: k, value: value(k) }], ...(constants.length > 0 ? { constants } : {}), nodes: kept, output: c.graph.output },
    wrt: [k],
    ...(c.cotangent !== undefined ? { cotangent: c.cotangent } : {}),
  };
}
