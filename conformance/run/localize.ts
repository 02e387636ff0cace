/**
 * Localizing a wrong gradient: the first node, in reverse order, whose adjoint departs from the
 * oracles'. Black-box, so it works for any backend: each candidate node k is cut out (cut-graph.ts)
 * and the backend is asked for the cut case's gradient — the adjoint ȳ_k — which is compared with
 * the high-precision gradient of the same cut case (oracles/hp-gradient.ts) under the cut case's
 * own chapter-7 allowances. Nodes are walked from the output back to the sources; the first that
 * departs is the one whose adjoint gathers a wrong edge (or gathers the edges wrongly), because the
 * adjoints of all its consumers, checked before it, agree.
 *
 * Costs stay bounded: at most `maxNodes` nodes are cut, nodes with more than `maxElements`
 * elements are passed over (the oracle differentiates element by element), and the walk stops at
 * the first departure. A cut case the backend answers with a spec error, or that the oracles or the
 * model cannot decide, is passed over and named in `passedOver`; one the backend does not answer at
 * all (a crash, a timeout) ends the walk there.
 *
 * @see spec/06-conformance.md#conform.report
 */
import type { GraphCase, Tensor } from "../../reference/index.js";
import { decimalContext, decimalField, delements, type DTensor, errorScale, evaluateGraph, highPrecisionGradient, type PrecisionClass, tolerance, toNumbers } from "../../oracles/index.js";
import { ask } from "../properties/ask.js";
import type { BackendLike } from "../properties/backend-like.js";
import { readGraphAnswer } from "../properties/read-graph-result.js";
import { compareTensor, type Mismatch } from "./compare.js";
import { cutGraph } from "./cut-graph.js";

export interface LocalizeOptions {
  /** Most nodes to cut (default 64). */
  readonly maxNodes?: number;
  /** Largest node, in elements, to cut (default 64). */
  readonly maxElements?: number;
}

/** The first departing node: its id and primitive, the worst element of its adjoint, its consumers. */
export interface Departure {
  readonly node: string;
  readonly op: string;
  /** `[i][j]` for a matrix node, "" for a scalar. */
  readonly element: string;
  readonly backend: number;
  readonly oracle: number;
  /** |backend − oracle| over the element's allowance, and the distance in ulps. */
  readonly ratio: number;
  readonly ulps: number;
  /** The nodes whose edges into it its adjoint gathers (each once), with their primitives. */
  readonly consumers: readonly { readonly id: string; readonly op: string }[];
}

export interface Localization {
  /** The first node whose adjoint departs, or undefined when every node checked agrees. */
  readonly departure?: Departure;
  /** Nodes cut whose adjoints agree (all downstream of the departure, if any). */
  readonly agreeing: readonly string[];
  /** Nodes not judged, each with the reason. */
  readonly passedOver: readonly string[];
}

const DIGITS = 40;

export async function localize(backend: BackendLike, c: GraphCase, precision: PrecisionClass = "float64", options: LocalizeOptions = {}): Promise<Localization> {
  const { maxNodes = 64, maxElements = 64 } = options;
  const forward = evaluateGraph(c, decimalField(decimalContext(DIGITS)));
  const values = new Map([...forward].map(([id, v]) => [id, toNumbers(v as DTensor)]));
  const agreeing: string[] = [];
  const passedOver: string[] = [];
  let cut = 0;
  for (const node of [...c.graph.nodes].reverse()) {
    const k = node.id;
    const sub = cutGraph(c, k, values);
    if (sub === undefined) continue; // the output, or a node the output does not depend on
    const size = delements(forward.get(k) as DTensor).length;
    if (size > maxElements) {
      passedOver.push(`"${k}" (${size} elements, more than ${maxElements})`);
      continue;
    }
    if (cut++ >= maxNodes) {
      passedOver.push(`the nodes from "${k}" back (more than ${maxNodes})`);
      break;
    }
    const answer = await ask(backend, { method: "gradient", c: sub });
    if (!answer.ok) {
      passedOver.push(`"${k}" (the backend ${answer.code !== undefined ? `reported ${answer.code}` : "failed"} on its cut case: ${answer.message})`);
      // A spec error concerns this cut case only; a crash or a timeout would likely repeat on every one.
      if (answer.code !== undefined) continue;
      break;
    }
    const read = readGraphAnswer(answer.result, sub);
    if ("problem" in read) {
      passedOver.push(`"${k}" (malformed answer to the cut case: ${read.problem})`);
      continue;
    }
    const hp = highPrecisionGradient(sub, { precision: DIGITS, wrt: [k] });
    if (!delements(hp.error[k] as DTensor).every((e) => e.isFinite())) {
      passedOver.push(`"${k}" (the oracles cannot decide its adjoint)`);
      continue;
    }
    const tol = tolerance(errorScale(sub), precision);
    const cmp = compareTensor(read.gradient[k], toNumbers(hp.gradient[k] as DTensor), "", tol.gradient[k] as Tensor);
    if (cmp.ok) {
      agreeing.push(k);
      continue;
    }
    if (tol.outsideModel.length > 0 || tol.outsideRange) {
      passedOver.push(`"${k}" (its cut case is outside the tolerance model)`);
      continue;
    }
    if ("problem" in cmp.worst) {
      passedOver.push(`"${k}" (${cmp.worst.problem})`);
      continue;
    }
    const w: Mismatch = cmp.worst;
    const consumers = sub.graph.nodes.filter((n) => n.args.includes(k)).map((n) => ({ id: n.id, op: n.op }));
    return { departure: { node: k, op: node.op, element: w.path, backend: w.actual, oracle: w.expected, ratio: w.ratio, ulps: w.ulps, consumers }, agreeing, passedOver };
  }
  return { agreeing, passedOver };
}
