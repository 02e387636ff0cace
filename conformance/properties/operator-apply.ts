/**
 * Property: the backend applies random operators of every kind, and their adjoints, as the
 * explicit-matrix oracle does (M·vec x and Mᵀ·vec y, materialized from the definitions, no adjoint
 * rule), within the chapter-7 allowances. The laws relate the backend's answers to each other;
 * this property anchors them to the truth.
 *
 * @see spec/05-cases.md#case.operator
 * @see spec/02-operators.md#op.def.adjoint
 */
import type { OperatorCase } from "../../reference/case.js";
import { decimalContext, dshape, type DTensor, operatorCaseDense, toNumbers } from "../../oracles/index.js";
import { operatorCase } from "../arbitraries/operator-case.js";
import { compareTensor, describe } from "../run/compare.js";
import type { BackendLike } from "./backend-like.js";
import { askOperator, isVerdict } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";

const D = decimalContext(40);

async function check(backend: BackendLike, c: OperatorCase, ctx: CheckContext): Promise<Verdict> {
  const truth = operatorCaseDense(c, D);
  const a = await askOperator(backend, c, dshape(truth.apply), ctx.precision);
  if (isVerdict(a)) return a;
  const { answer, allowed: al } = a;
  for (const [path, got, want, allowed] of [["apply", answer.apply, truth.apply, al.apply], ["adjoint", answer.adjoint, truth.adjoint as DTensor, al.adjoint]] as const) {
    const r = compareTensor(got, toNumbers(want), path, allowed);
    if (!r.ok) return { kind: "fail", reason: `${describe(r.worst)} (expected: the explicit matrix oracle)`, case: c };
  }
  return { kind: "pass" };
}

export const OPERATOR_APPLY: PropertyDefinition<OperatorCase> = { name: "operator-apply", requires: ["apply"], arbitrary: operatorCase(), check };

/** @see spec/05-cases.md#case.operator */
export const operatorApplyProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(OPERATOR_APPLY, backend, options);
