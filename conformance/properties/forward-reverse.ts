/**
 * Property: the backend's forward mode and reverse mode agree — the dot-product test
 * ⟨w, J v⟩ = ⟨Jᵀ• w, v⟩ on random graphs, with the tangent v from `jvp` and the gradient for the
 * output cotangent w from `gradient` (both inner products formed exactly). Each side is within
 * Σ|v|·a of the exact value (a: the chapter-7 gradient allowances of the case with cotangent w),
 * so the two may differ by twice that. On a failure the high-precision directional derivative
 * tells which side is wrong; the counterexample is the gradient case (cotangent w) and the result
 * carries the tangent v for replaying `jvp`. In about two cases of three the jvp request leaves
 * one input's tangent out, which spec backend.jvp makes zero (the reverse side pairs that input with
 * zero): the harness's tangents were otherwise always complete, and a backend that mishandled a
 * missing one passed. In about half the cases the output is an earlier scalar node, so that some
 * nodes are dead (after it, or beside it): forward mode evaluates the output's ancestors only
 * (spec system.forward), and a backend that picked its forward nodes wrongly passed on graphs
 * whose every node reaches the output, which is all graphCase() makes.
 *
 * It runs at least 100 cases ({@link forwardReverseRuns}): it is the only judge of a backend's
 * forward mode, whose edges (one per argument of each of the 23 primitives, a tangent that may be
 * left out) 25 cases reach a few times each — too few to see, say, one forward edge of scale or
 * matmul running its adjoint instead (measured: caught from about 100 cases).
 *
 * @see spec/08-backends.md#backend.jvp
 * @see spec/02-operators.md#law.forward-reverse
 * @see spec/04-system.md#system.forward
 */
import fc from "fast-check";
import type { GraphCase } from "../../reference/case.js";
import type { Tensor } from "../../reference/index.js";
import { directionalDerivative, errorScale, evaluateGraph, float64Field, tolerance } from "../../oracles/index.js";
import { directionFor, directionInts } from "../arbitraries/direction.js";
import { graphCase } from "../arbitraries/graph-case.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import { absInner, exactInner } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { outputShape, readGraphAnswer } from "./read-graph-result.js";
import { tensorAt } from "./read-result.js";
import { runProperty } from "./run-property.js";
import { refused, type CheckContext, type PropertyDefinition, type Verdict } from "./verdict.js";

export interface ForwardReverseValue {
  readonly c: GraphCase;
  readonly tangent: readonly number[];
  readonly cotangent: number;
  /**
   * Which input's tangent the jvp request leaves out (modulo the number of inputs; null: none):
   * spec backend.jvp gives a missing input tangent zero, so the reverse side pairs it with zero.
   */
  readonly omit: number | null;
  /** Which earlier scalar node becomes the output (modulo their number; null: the graph's own). */
  readonly output: number | null;
}

/**
 * The case with its output moved to the `pick`-th (modulo) scalar node before the graph's own
 * output, or unchanged if there is none: the nodes the new output does not reach become dead.
 */
export function withEarlierOutput(c: GraphCase, pick: number | null): GraphCase {
  if (pick === null) return c;
  const values = evaluateGraph(c, float64Field);
  const scalars = c.graph.nodes.map((n) => n.id).filter((id) => id !== c.graph.output && typeof values.get(id) === "number");
  const output = scalars[pick % Math.max(1, scalars.length)];
  return output === undefined ? c : { ...c, graph: { ...c.graph, output } };
}

const zerosLike = (t: Tensor): Tensor => (typeof t === "number" ? 0 : t.map((row) => row.map(() => 0)));

async function check(backend: BackendLike, { c: drawn, tangent, cotangent, omit, output }: ForwardReverseValue, ctx: CheckContext): Promise<Verdict> {
  const graph = withEarlierOutput(drawn, output);
  const inputs = graph.graph.inputs.map((x) => x.id);
  const w = (cotangent % 1001) / 1000 || 0.5;
  const c: GraphCase = { ...graph, cotangent: w, wrt: inputs };
  const full = directionFor(c, tangent);
  const omitted = omit === null ? undefined : inputs[omit % inputs.length];
  const sent = Object.fromEntries(Object.entries(full).filter(([id]) => id !== omitted));
  const v: Record<string, Tensor> = omitted === undefined ? full : { ...full, [omitted]: zerosLike(full[omitted] as Tensor) };
  const forward = await ask(backend, { method: "jvp", c: graph, tangent: sent });
  if (!forward.ok) return { ...refused(forward, c, "jvp"), ...(forward.code !== undefined ? { tangent: sent } : {}) };
  const jv = tensorAt(forward.result, "tangent", outputShape(c));
  if ("problem" in jv) return { kind: "fail", reason: `jvp: malformed answer: ${jv.problem}`, case: c, tangent: sent };
  const reverse = await ask(backend, { method: "gradient", c });
  if (!reverse.ok) return refused(reverse, c, "gradient");
  const read = readGraphAnswer(reverse.result, c);
  if ("problem" in read) return { kind: "fail", reason: `gradient: malformed answer: ${read.problem}`, case: c };

  const left = exactInner(w, jv.tensor);
  const right = inputs.map((id) => exactInner(read.gradient[id] as Tensor, v[id] as Tensor)).reduce((s, x) => s.plus(x)); // graphs have inputs
  const tol = tolerance(errorScale(c), ctx.precision);
  const allowed = 2 * inputs.reduce((s, id) => s + absInner(v[id] as Tensor, tol.gradient[id] as Tensor), 0);
  const off = left.minus(right).abs();
  if (off.lte(allowed)) return { kind: "pass" };
  const hp = directionalDerivative(c, v);
  const which = hp.error.isFinite()
    ? `the oracle's ⟨w, J v⟩ is ${hp.derivative.toPrecision(17)}: forward off by ${left.minus(hp.derivative).abs().toPrecision(3)}, reverse off by ${right.minus(hp.derivative).abs().toPrecision(3)}`
    : "the oracle cannot decide which side is wrong";
  const reason = `law.forward-reverse: ⟨w, J v⟩ = ${left.toPrecision(17)} (jvp) but ⟨Jᵀ• w, v⟩ = ${right.toPrecision(17)} (gradient); |Δ| = ${off.toPrecision(3)}, allowance ${allowed.toPrecision(3)}; ${which}; w = ${w}, v = ${JSON.stringify(v)}`;
  if (tol.outsideModel.length > 0 || tol.outsideRange) return { kind: "inconclusive", reason: `${reason}; outside the tolerance model` };
  return { kind: "fail", reason, case: c, tangent: sent };
}

export const FORWARD_REVERSE: PropertyDefinition<ForwardReverseValue> = {
  name: "forward-reverse",
  requires: ["forward", "gradient"],
  arbitrary: fc.record({ c: graphCase(), tangent: directionInts, cotangent: fc.integer({ min: -1000, max: 1000 }), omit: fc.option(fc.nat({ max: 7 }), { freq: 3 }), output: fc.option(fc.nat({ max: 15 }), { freq: 2 }) }),
  check,
};

/**
 * Random cases this property runs for a requested count: at least 100 (see the header; a 3×3 graph
 * costs about 3 ms, so the quick profile's run grows by a quarter of a second).
 */
export const forwardReverseRuns = (runs: number): number => (runs <= 0 ? runs : Math.max(runs, 100));

/** @see spec/02-operators.md#law.forward-reverse */
export const forwardReverseProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> =>
  runProperty(FORWARD_REVERSE, backend, { ...options, runs: forwardReverseRuns(options.runs) });
