/**
 * Property: the backend solves random triangular systems (every operator kind on the edges,
 * parallel edges, scalars and matrices; randomSystemCase) as the dense oracle does — (I − L)ᵀ
 * materialized from the operators' definitions (no adjoint rule, no operator algebra) and solved
 * in 40 digits — within the chapter-7 allowance of each element.
 *
 * The dense solve runs in its "natural" order, where elimination degenerates into scalar back
 * substitution on the explicit matrix: its error is then about 10⁻³⁹ of each element's own path
 * magnitude b, and an element with b = 0 comes out exactly 0 — as tol.zero demands of the backend.
 * The eliminating order errs by about 10⁻³⁰ of the largest b, which the random systems' values near
 * 2⁻¹⁰⁰⁰ (and exact zeros) would not survive.
 *
 * @see spec/04-system.md#system.solution
 * @see spec/07-tolerance.md#tol.other-kinds
 */
import type { SystemCase } from "../../reference/case.js";
import { parseShape, type Tensor } from "../../reference/index.js";
import { allowance, decimalContext, denseSolve, type DTensor, systemErrorScale, toNumbers } from "../../oracles/index.js";
import { randomSystemCase } from "../arbitraries/index.js";
import { compareTensor, describe } from "../run/compare.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { tensorAt } from "./read-result.js";
import { runProperty } from "./run-property.js";
import { refused, type CheckContext, type PropertyDefinition, type Verdict } from "./verdict.js";

const D = decimalContext(40);

async function check(backend: BackendLike, c: SystemCase, ctx: CheckContext): Promise<Verdict> {
  const answer = await ask(backend, { method: "solve", c });
  if (!answer.ok) return refused(answer, c, "solve");
  const exact = denseSolve(c, D, { order: "natural" }).solution;
  const scale = systemErrorScale(c);
  for (const u of c.system.unknowns) {
    const path = `solution.${u.id}`;
    const got = tensorAt(answer.result, path, parseShape(u.shape));
    if ("problem" in got) return { kind: "fail", reason: `solve: malformed answer: ${got.problem}`, case: c };
    const r = compareTensor(got.tensor, toNumbers(exact[u.id] as DTensor), path, allowance(scale.solution[u.id] as Tensor, scale.depth, ctx.precision));
    if (!r.ok) return { kind: "fail", reason: `${describe(r.worst)} (expected: the dense oracle, 40 digits; D = ${scale.depth})`, case: c };
  }
  return { kind: "pass" };
}

export const SYSTEM_SOLUTION: PropertyDefinition<SystemCase> = {
  name: "system-solution",
  requires: ["solve"],
  arbitrary: randomSystemCase(),
  check,
};

/** @see spec/04-system.md#system.solution */
export const systemSolutionProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(SYSTEM_SOLUTION, backend, options);
