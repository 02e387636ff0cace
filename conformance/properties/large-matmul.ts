/**
 * Property: the backend's value and gradient of graphs built on large matrix products are right.
 * Fast backends change algorithm with size (blocked, packed, SIMD kernels, slices of the inner
 * dimension); the random graphs of `graph-gradient` stay at 3×3 and never reach those paths. The
 * cases (large-matmul-case.ts) draw sizes from regimes around the usual block edges, with integer
 * data whose exact sums stay below 2²⁴: the expected values are exact (closed forms: Ā = Ȳ·Bᵀ,
 * B̄ = Aᵀ·Ȳ, summed where an operand is shared), every conforming backend in either precision
 * class computes them exactly, and each element is judged within its chapter-7 allowance.
 *
 * @see spec/03-primitives.md#prim.matmul.linearize
 * @see spec/07-tolerance.md#tol.allowance
 */
import type { GraphCase } from "../../reference/case.js";
import type { Tensor } from "../../reference/index.js";
import { errorScale, tolerance } from "../../oracles/index.js";
import { closedForm, largeMatmulCaseArbitrary, type LargeMatmulValue } from "../arbitraries/large-matmul-case.js";
import { compareTensor, describe } from "../run/compare.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { readGraphAnswer } from "./read-graph-result.js";
import { runProperty } from "./run-property.js";
import { refused, type CheckContext, type PropertyDefinition, type Verdict } from "./verdict.js";

async function check(backend: BackendLike, { c: graph, regime, variant }: LargeMatmulValue, ctx: CheckContext): Promise<Verdict> {
  const expect = closedForm(graph);
  const c: GraphCase = {
    ...graph,
    expect,
    provenance: { method: "closed-form", source: "conformance/arbitraries/large-matmul-case.ts closedForm", notes: `regime ${regime}, variant ${variant}: exact integer sums below 2²⁴` },
  };
  const answer = await ask(backend, { method: "gradient", c: graph });
  if (!answer.ok) return refused(answer, c, "gradient");
  const read = readGraphAnswer(answer.result, graph);
  if ("problem" in read) return { kind: "fail", reason: `gradient: malformed answer: ${read.problem}`, case: c };
  const answers: [string, unknown, number[][]][] = [
    ["value", read.value, expect.value],
    ...Object.entries(expect.gradient).map(([id, e]): [string, unknown, number[][]] => [`gradient.${id}`, read.gradient[id], e]),
  ];
  // An exact match passes under any allowance: the error scale (seconds for the largest regimes,
  // through the reference's operator algebra) is computed only for an answer that is not exact.
  if (answers.every(([path, actual, expected]) => compareTensor(actual, expected, path, 0).ok)) return { kind: "pass" };
  const tol = tolerance(errorScale(graph), ctx.precision);
  const allowance = (path: string): Tensor => (path === "value" ? tol.value : (tol.gradient[path.slice("gradient.".length)] as Tensor));
  for (const [path, actual, expected] of answers) {
    const r = compareTensor(actual, expected, path, allowance(path));
    if (!r.ok) return { kind: "fail", reason: `${describe(r.worst)}; the expected value is exact (integer sums below 2²⁴; regime ${regime}, ${variant})`, case: c };
  }
  return { kind: "pass" };
}

export const LARGE_MATMUL: PropertyDefinition<LargeMatmulValue> = {
  name: "large-matmul",
  requires: ["gradient"],
  arbitrary: largeMatmulCaseArbitrary(),
  check,
};

/**
 * Random cases this property runs for a requested count: a tenth of it, but at least 25 (the quick
 * profile's count) or the count itself if smaller — one case here costs a backend about as much as
 * a hundred 3×3 graphs (0.1–1 s for the largest regimes, where conversion to and from JSON
 * dominates), so the default profile's 1000 would add minutes to every run for little more power.
 */
export const largeMatmulRuns = (runs: number): number => (runs <= 25 ? runs : Math.max(25, Math.ceil(runs / 10)));

/** @see spec/03-primitives.md#prim.matmul.linearize */
export const largeMatmulProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> =>
  runProperty(LARGE_MATMUL, backend, { ...options, runs: largeMatmulRuns(options.runs) });
