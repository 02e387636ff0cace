/**
 * The sentence a failure report gives about where a wrong gradient goes wrong: the first node, in
 * reverse order, whose adjoint departs from the oracles' (localize.ts), and the consumers whose
 * edges its adjoint gathers — where the bug is. Never throws and never hides the verdict it is
 * appended to: a fault while localizing is reported as "could not localize: …".
 *
 * @see spec/06-conformance.md#conform.report
 */
import type { GraphCase } from "../../reference/index.js";
import type { PrecisionClass } from "../../oracles/index.js";
import type { BackendLike } from "../properties/backend-like.js";
import { liveIds } from "./live-ids.js";
import { localize, type Departure, type LocalizeOptions } from "./localize.js";

const ulpText = (n: number): string => (n < 1e6 ? String(n) : n === Infinity ? "∞" : n.toExponential(1));
/** An allowance of 0 (tol.zero: the element must be exact) makes any excess infinite. */
const ratioText = (r: number): string => (r === Infinity ? "∞" : r.toPrecision(3));

const gathers = (consumers: readonly { id: string; op: string }[]): string =>
  consumers.length === 0 ? "no edges (it reaches the output only as itself)" : `the edges from ${consumers.map((n) => `"${n.id}" (${n.op})`).join(", ")}`;

function departureText(d: Departure): string {
  return (
    `adjoint of node "${d.node}" (${d.op}) departs first${d.element === "" ? "" : `, at ${d.element}`}: ` +
    `backend ${d.backend}, oracle ${d.oracle} (${ratioText(d.ratio)}× the allowance, ${ulpText(d.ulps)} ulps); its adjoint gathers ${gathers(d.consumers)}`
  );
}

/**
 * Localizes the failure of graph case `c` on `backend`. `input` is the wrt input whose gradient
 * was worst: when no node departs, the departure is in the edges into it.
 */
export async function localizationReport(backend: BackendLike, c: GraphCase, precision: PrecisionClass, input?: string, options?: LocalizeOptions): Promise<string> {
  try {
    const l = await localize(backend, c, precision, options);
    const agree = l.agreeing.length === 0 ? "" : `; the adjoints of the ${l.agreeing.length} node(s) after it agree`;
    const notJudged = l.passedOver.length === 0 ? "" : `; not judged: ${l.passedOver.join(", ")}`;
    if (l.departure !== undefined) return `${departureText(l.departure)}${agree}${notJudged}`;
    const checked = l.agreeing.length === 0 ? "no node's adjoint departs (none to check between the inputs and the output)" : `every node's adjoint agrees (${l.agreeing.length} checked)`;
    if (input === undefined) return `${checked}${notJudged}`;
    const live = liveIds(c);
    const consumers = c.graph.nodes.filter((n) => live.has(n.id) && n.args.includes(input)).map((n) => ({ id: n.id, op: n.op }));
    return `${checked}, so the adjoint of input "${input}" departs first; it gathers ${gathers(consumers)}${notJudged}`;
  } catch (e) {
    return `could not localize: ${e instanceof Error ? e.message : String(e)}`;
  }
}
