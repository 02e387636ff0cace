/**
 * Law: (𝓐ᵀ•)ᵀ• = 𝓐 — the backend's `{"op":"adjoint","of":{"op":"adjoint","of":𝓐}}` applies at x
 * and y exactly as 𝓐 does, within the sum of both cases' allowances.
 *
 * @see spec/02-operators.md#law.involution
 */
import type { OperatorCase } from "../../reference/case.js";
import { operatorLawCase, type OperatorLawCase } from "../arbitraries/operator-law-case.js";
import type { BackendLike } from "./backend-like.js";
import { agree, askAll, firstWrong, isVerdict, sumOf } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";

async function check(backend: BackendLike, law: OperatorLawCase, ctx: CheckContext): Promise<Verdict> {
  const c = law.case;
  const twice: OperatorCase = { ...c, operator: { op: "adjoint", of: { op: "adjoint", of: c.operator } } };
  const asked = await askAll(backend, [twice, c], law.shapes.T, ctx.precision);
  if (isVerdict(asked)) return asked;
  const [b, a] = asked;
  const report = () => firstWrong(asked);
  return (
    agree("law.involution (apply of adj(adj(𝓐)) vs 𝓐)", b.answer.apply, a.answer.apply, sumOf(a.allowed.apply, b.allowed.apply), "apply", report) ??
    agree("law.involution (adjoint of adj(adj(𝓐)) vs 𝓐)", b.answer.adjoint, a.answer.adjoint, sumOf(a.allowed.adjoint, b.allowed.adjoint), "adjoint", report) ?? {
      kind: "pass",
    }
  );
}

export const LAW_INVOLUTION: PropertyDefinition<OperatorLawCase> = { name: "law.involution", requires: ["apply"], arbitrary: operatorLawCase(), check };

/** @see spec/02-operators.md#law.involution */
export const involutionLaw = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(LAW_INVOLUTION, backend, options);
