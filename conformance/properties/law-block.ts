/**
 * Law: the adjoint of a block matrix of operators is the block transpose with every entry
 * replaced by its adjoint. On a random two-level system (sources → sinks, blockSystemCase) the
 * backend's `solve` gives ȳ_s = r_s + Σ_{edges s→t} (M_ts)ᵀ• y_t at every source and y_t at every
 * sink; the right-hand side is recomputed from the backend's own per-entry adjoints (its `apply`
 * on each edge operator at y_t). Allowance: the system's (systemErrorScale) plus every term's,
 * plus the rounding of adding the terms up.
 *
 * @see spec/02-operators.md#law.block
 */
import type { OperatorCase, SystemCase } from "../../reference/case.js";
import { parseShape, parseTensor, type Tensor } from "../../reference/index.js";
import * as T from "../../reference/tensor.js";
import { allowance, decimalContext, denseSolve, type DTensor, KAPPA, PRECISION, systemErrorScale, toNumbers } from "../../oracles/index.js";
import { blockSystemCase } from "../arbitraries/block-system-case.js";
import { compareTensor, describe } from "../run/compare.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import { askOperator, firstWrong, isVerdict, sumOf, type Asked } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { tensorAt } from "./read-result.js";
import { runProperty } from "./run-property.js";
import { refused, type CheckContext, type PropertyDefinition, type Verdict } from "./verdict.js";

async function check(backend: BackendLike, c: SystemCase, ctx: CheckContext): Promise<Verdict> {
  const answer = await ask(backend, { method: "solve", c });
  if (!answer.ok) return refused(answer, c, "solve");
  const shapes = new Map(c.system.unknowns.map((u) => [u.id, parseShape(u.shape)]));
  const rhs = (id: string): Tensor => {
    const r = c.system.rhs?.[id];
    return r === undefined ? T.zeros(shapes.get(id) ?? []) : parseTensor(r);
  };
  // The per-entry adjoints, from the backend's apply.
  const entries: Asked[] = [];
  const terms = new Map<string, { sum: Tensor; magnitude: Tensor; allowed: Tensor; count: number }>();
  for (const e of c.system.edges) {
    const entry: OperatorCase = { id: "random.block.entry", description: `the edge ${e.from} → ${e.to}`, kind: "operator", operator: e.operator, x: T.zeros(shapes.get(e.from) ?? []), y: rhs(e.to) };
    const asked = await askOperator(backend, entry, shapes.get(e.to) ?? [], ctx.precision);
    if (isVerdict(asked)) return asked;
    entries.push(asked);
    const a = asked.answer;
    const t = terms.get(e.from) ?? { sum: rhs(e.from), magnitude: T.map(rhs(e.from), Math.abs), allowed: T.zeros(shapes.get(e.from) ?? []), count: 0 };
    terms.set(e.from, {
      sum: T.add(t.sum, a.adjoint),
      magnitude: T.add(t.magnitude, T.map(a.adjoint, Math.abs)),
      allowed: T.add(t.allowed, asked.allowed.adjoint),
      count: t.count + 1,
    });
  }
  const scale = systemErrorScale(c);
  const u = PRECISION[ctx.precision].u;
  for (const unknown of c.system.unknowns) {
    const path = `solution.${unknown.id}`;
    const got = tensorAt(answer.result, path, shapes.get(unknown.id) ?? []);
    if ("problem" in got) return { kind: "fail", reason: `solve: malformed answer: ${got.problem}`, case: c };
    const t = terms.get(unknown.id) ?? { sum: rhs(unknown.id), magnitude: T.zeros(shapes.get(unknown.id) ?? []), allowed: T.zeros(shapes.get(unknown.id) ?? []), count: 0 };
    const adding = T.map(t.magnitude, (m) => KAPPA * t.count * u * m);
    const allowed = sumOf(allowance(scale.solution[unknown.id] as Tensor, scale.depth, ctx.precision), t.allowed, adding);
    const r = compareTensor(got.tensor, t.sum, path, allowed);
    if (!r.ok) {
      // Report the solve if the dense oracle rejects it, else the first entry whose adjoint is wrong.
      const truth = toNumbers(denseSolve(c, decimalContext(40), { order: "natural" }).solution[unknown.id] as DTensor);
      const solveWrong = !compareTensor(got.tensor, truth, path, allowance(scale.solution[unknown.id] as Tensor, scale.depth, ctx.precision)).ok;
      const report = solveWrong || entries.length === 0 ? c : firstWrong(entries);
      return { kind: "fail", reason: `law.block: ${describe(r.worst)} ("expected": r + Σ (M_ts)ᵀ• y_t from the backend's per-entry adjoints; ${solveWrong ? "the solve disagrees with the dense oracle" : "the per-entry adjoints disagree with the oracle"})`, case: report };
    }
  }
  return { kind: "pass" };
}

export const LAW_BLOCK: PropertyDefinition<SystemCase> = { name: "law.block", requires: ["solve", "apply"], arbitrary: blockSystemCase(), check };

/** @see spec/02-operators.md#law.block */
export const blockLaw = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(LAW_BLOCK, backend, options);
