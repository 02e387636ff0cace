/**
 * Property: at a kink the backend uses the spec's convention. Random graphs in small integers put
 * every relu's argument exactly at 0 in some element (kinkGraphCase); their `expect` is exact
 * (forward-mode dual numbers with relu'(0) = 0), and every conforming backend computes the relu
 * arguments exactly, so value and gradient must match within the chapter-7 allowances — the
 * margin rule of tol.scope does not apply (spec: "cases that test a kink convention put the
 * argument exactly at the kink with exact arithmetic (small integers), so a conforming backend
 * matches anyway").
 *
 * @see spec/03-primitives.md#prim.relu.kink
 * @see spec/07-tolerance.md#tol.scope
 */
import type { GraphCase, RawTensor } from "../../reference/case.js";
import type { Tensor } from "../../reference/index.js";
import { errorScale, tolerance } from "../../oracles/index.js";
import { kinkGraphCase } from "../arbitraries/kink-graph-case.js";
import { compareTensor, describe } from "../run/compare.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { readGraphAnswer } from "./read-graph-result.js";
import { runProperty } from "./run-property.js";
import { refused, type CheckContext, type PropertyDefinition, type Verdict } from "./verdict.js";

async function check(backend: BackendLike, c: GraphCase, ctx: CheckContext): Promise<Verdict> {
  const answer = await ask(backend, { method: "gradient", c });
  if (!answer.ok) return refused(answer, c, "gradient");
  const read = readGraphAnswer(answer.result, c);
  if ("problem" in read) return { kind: "fail", reason: `gradient: malformed answer: ${read.problem}`, case: c };
  const expect = c.expect as { value: RawTensor; gradient: Record<string, RawTensor> };
  const tol = tolerance(errorScale(c), ctx.precision);
  const checks: [string, unknown, RawTensor, Tensor][] = [
    ["value", read.value, expect.value, tol.value],
    ...Object.entries(expect.gradient).map(([id, e]): [string, unknown, RawTensor, Tensor] => [`gradient.${id}`, read.gradient[id], e, tol.gradient[id] as Tensor]),
  ];
  for (const [path, actual, expected, allowed] of checks) {
    const r = compareTensor(actual, expected, path, allowed);
    if (!r.ok) return { kind: "fail", reason: `${describe(r.worst)}; the expected value is exact (relu'(0) = 0 at every kink, prim.relu.kink)`, case: c };
  }
  return { kind: "pass" };
}

export const KINK_CONVENTION: PropertyDefinition<GraphCase> = {
  name: "kink-convention",
  requires: ["gradient"],
  arbitrary: kinkGraphCase(),
  check,
};

/** @see spec/03-primitives.md#prim.relu.kink */
export const kinkConventionProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(KINK_CONVENTION, backend, options);
