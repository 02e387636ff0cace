/**
 * Law: (𝓐∘𝓒)ᵀ• = 𝓒ᵀ•∘𝓐ᵀ• — the backend's adjoint of `compose([𝓐, 𝓒])` at y equals its adjoint
 * of 𝓒 applied to its adjoint of 𝓐 at y; and, for the order of application, its `compose` at r
 * equals 𝓐 applied to 𝓒r. Allowances: both sides' own, plus the first step's carried through the
 * second (|𝓒|ᵀ• a or |𝓐| a, from operatorErrorScale).
 *
 * @see spec/02-operators.md#law.reversal
 * @see spec/02-operators.md#op.compose.apply
 */
import type { OperatorCase } from "../../reference/case.js";
import { operatorErrorScale } from "../../oracles/index.js";
import { operatorLawCase, type OperatorLawCase } from "../arbitraries/operator-law-case.js";
import type { BackendLike } from "./backend-like.js";
import { agree, askAll, askOperator, firstWrong, isVerdict, sumOf } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";

async function check(backend: BackendLike, law: OperatorLawCase, ctx: CheckContext): Promise<Verdict> {
  const c = law.case; // 𝓐: S → T at x, y
  const { S, T } = law.shapes;
  const composed: OperatorCase = { ...c, operator: { op: "compose", of: [c.operator, law.inner] }, x: law.r };
  const first = await askAll(backend, [composed, c], T, ctx.precision);
  if (isVerdict(first)) return first;
  const [k, a] = first;
  const inner: OperatorCase = { ...c, operator: law.inner, x: law.r, y: a.answer.adjoint }; // 𝓒 at r, 𝓐ᵀ•y
  const i = await askOperator(backend, inner, S, ctx.precision);
  if (isVerdict(i)) return i;
  const outer: OperatorCase = { ...c, x: i.answer.apply }; // 𝓐 at 𝓒r, y
  const o = await askOperator(backend, outer, T, ctx.precision);
  if (isVerdict(o)) return o;
  const carriedBack = operatorErrorScale({ ...inner, y: a.allowed.adjoint }).adjoint ?? 0; // |𝓒|ᵀ• a(𝓐ᵀ•y)
  const carriedForward = operatorErrorScale({ ...c, x: i.allowed.apply }).apply; // |𝓐| a(𝓒r)
  const report = () => firstWrong([k, a, i, o]);
  return (
    agree("law.reversal ((𝓐∘𝓒)ᵀ•y vs 𝓒ᵀ•(𝓐ᵀ•y))", k.answer.adjoint, i.answer.adjoint, sumOf(k.allowed.adjoint, i.allowed.adjoint, carriedBack), "adjoint", report) ??
    agree("op.compose.apply ((𝓐∘𝓒)r vs 𝓐(𝓒r))", k.answer.apply, o.answer.apply, sumOf(k.allowed.apply, o.allowed.apply, carriedForward), "apply", report) ?? { kind: "pass" }
  );
}

export const LAW_REVERSAL: PropertyDefinition<OperatorLawCase> = { name: "law.reversal", requires: ["apply"], arbitrary: operatorLawCase(), check };

/** @see spec/02-operators.md#law.reversal */
export const reversalLaw = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(LAW_REVERSAL, backend, options);
