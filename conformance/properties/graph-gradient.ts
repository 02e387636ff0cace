/**
 * Property: the backend's gradient of random graphs (every primitive, inside its domain, away from
 * kinks and edges) is right along a random direction v.
 *
 * The primary judge is the high-precision directional derivative ⟨∇f, v⟩ (44 digits, with its own
 * error estimate e): the backend passes when |⟨g, v⟩ − ⟨∇f, v⟩| ≤ Σ_i |v_i|·a_i + e, a_i the
 * chapter-7 allowance κ·D·(u·b_i + η) of gradient element i — the allowance of the directional
 * quantity. ⟨g, v⟩ is formed exactly (decimals from the exact doubles), so it adds no rounding. The
 * value is compared with the high-precision forward value within its allowance. The float64
 * finite-difference verdict is a second opinion: counted in `stats` (`fd.PASS`, `fd.FAIL`,
 * `fd.INCONCLUSIVE`, `fd.disagrees` when it FAILs what high precision passes), and the judge only
 * where high precision is undecidable (an exact cancellation), where its INCONCLUSIVE counts as
 * inconclusive. A mismatch in a case the tolerance model does not cover (tol.scope, tol.precision)
 * is inconclusive too.
 *
 * @see spec/07-tolerance.md#tol.allowance
 * @see spec/04-system.md#system.gradient
 */
import fc from "fast-check";
import type { GraphCase } from "../../reference/case.js";
import { elements, type Tensor } from "../../reference/index.js";
import { checkDirectional, Decimal, decimalContext, decimalField, directionalDerivative, type DTensor, errorScale, evaluateGraph, exact, float64Objective, tolerance, toNumbers } from "../../oracles/index.js";
import { directionFor, directionInts } from "../arbitraries/direction.js";
import { graphCase } from "../arbitraries/graph-case.js";
import { compareTensor, describe } from "../run/compare.js";
import { graphFailureReport } from "../run/graph-failure-report.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { readGraphAnswer, wrtOf } from "./read-graph-result.js";
import { runProperty } from "./run-property.js";
import { refused, type CheckContext, type PropertyDefinition, type Verdict } from "./verdict.js";

const D = decimalContext(60);
const VALUE_DIGITS = decimalContext(40);

/** Σ_i x_i·y_i over matching tensors, exactly (60 digits hold every product of two doubles). */
function exactDot(xs: Readonly<Record<string, Tensor>>, ys: Readonly<Record<string, Tensor>>): Decimal {
  let s = new D(0);
  for (const [id, x] of Object.entries(xs)) {
    const y = elements(ys[id] as Tensor);
    elements(x).forEach((a, k) => (s = s.plus(exact(D, a).times(exact(D, y[k] as number)))));
  }
  return s;
}

/** Σ_i |v_i|·a_i: the allowance of ⟨g, v⟩ (NaN when some a_i with v_i ≠ 0 is none). */
function directionalAllowance(v: Readonly<Record<string, Tensor>>, a: Readonly<Record<string, Tensor>>): number {
  let s = 0;
  for (const [id, t] of Object.entries(v)) {
    const al = elements(a[id] as Tensor);
    elements(t).forEach((x, k) => (s += x === 0 ? 0 : Math.abs(x) * (al[k] as number)));
  }
  return s;
}

export interface GraphGradientValue {
  readonly c: GraphCase;
  readonly ints: readonly number[];
}

async function check(backend: BackendLike, { c, ints }: GraphGradientValue, ctx: CheckContext): Promise<Verdict> {
  const answer = await ask(backend, { method: "gradient", c });
  if (!answer.ok) return refused(answer, c, "gradient");
  const read = readGraphAnswer(answer.result, c);
  if ("problem" in read) return { kind: "fail", reason: `gradient: malformed answer: ${read.problem}`, case: c };

  const scale = errorScale(c);
  const tol = tolerance(scale, ctx.precision);
  const outside = tol.outsideModel.length > 0 ? `node ${tol.outsideModel.join(", ")} is within rounding of a kink or edge (tol.scope)` : tol.outsideRange ? "magnitudes beyond the precision class (tol.precision)" : undefined;
  const mismatch = (reason: string): Verdict => (outside !== undefined ? { kind: "inconclusive", reason: `${reason}; ${outside}` } : { kind: "fail", reason, case: c });

  const exactValue = toNumbers(evaluateGraph(c, decimalField(VALUE_DIGITS)).get(c.graph.output) as DTensor);
  const value = compareTensor(read.value, exactValue, "value", tol.value);
  if (!value.ok) return mismatch(`value: ${describe(value.worst)} (expected: the oracles' 40-digit evaluation)`);

  const v = directionFor(c, ints, wrtOf(c));
  const claimed = exactDot(read.gradient, v);
  const allowed = directionalAllowance(v, tol.gradient);
  const obj = float64Objective(c);
  const fd = checkDirectional(obj.f, obj.x, obj.flatten(read.gradient), obj.flatten(v), obj.flatten(scale.gradient));
  ctx.count(`fd.${fd.verdict}`);
  const fdSays = `float64 FD says ${fd.verdict} (${fd.reason}, estimate ${fd.estimate.toPrecision(6)} ± ${fd.allowance.toPrecision(2)})`;

  const hp = directionalDerivative(c, v);
  if (hp.error.isFinite() && !hp.derivative.isNaN() && Number.isFinite(allowed)) {
    const off = claimed.minus(hp.derivative).abs();
    if (off.lte(hp.error.plus(allowed))) {
      if (fd.verdict === "FAIL") ctx.count("fd.disagrees");
      return { kind: "pass" };
    }
    return mismatch(
      `⟨gradient, v⟩ = ${claimed.toPrecision(17)} (backend), but the directional derivative is ${hp.derivative.toPrecision(17)} ± ${hp.error.toPrecision(2)} (oracle, 44 digits); ` +
        `|Δ| = ${off.toPrecision(3)} is ${off.div(Math.max(allowed, Number.MIN_VALUE)).toPrecision(3)}× the allowance Σ|v|·κD(u·b+η) = ${allowed.toPrecision(3)} (D = ${scale.depth}); ${fdSays}; v = ${JSON.stringify(v)}`,
    );
  }
  ctx.count("hp.undecidable");
  if (fd.verdict === "PASS") return { kind: "pass" };
  if (fd.verdict === "INCONCLUSIVE") return { kind: "inconclusive", reason: `high precision undecidable and ${fdSays}` };
  return mismatch(`high precision is undecidable along v and ${fdSays}, against ⟨gradient, v⟩ = ${claimed.toPrecision(17)} (backend); v = ${JSON.stringify(v)}`);
}

export const GRAPH_GRADIENT: PropertyDefinition<GraphGradientValue> = {
  name: "graph-gradient",
  requires: ["gradient"],
  arbitrary: fc.record({ c: graphCase(), ints: directionInts }),
  check,
};

/**
 * After shrinking, the directional verdict is followed by the counterexample's worst gradient
 * element against the oracles' and the first node whose adjoint departs.
 *
 * @see spec/04-system.md#system.gradient
 * @see spec/06-conformance.md#conform.report
 */
export const graphGradientProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> =>
  runProperty(GRAPH_GRADIENT, backend, options, (b, c, precision) => (c.kind === "graph" ? graphFailureReport(b, c, precision, "oracle") : Promise.resolve(undefined)));
