/**
 * Law: ⟨y, 𝓐x⟩ = ⟨𝓐ᵀ•y, x⟩ for random operators of every kind (operator-law-case.ts), with both
 * inner products formed exactly from the backend's `apply` and `adjoint`, within
 * ⟨|y|, a_apply⟩ + ⟨|x|, a_adjoint⟩ (a: the chapter-7 allowances from operatorErrorScale).
 *
 * @see spec/02-operators.md#law.adjoint-identity
 */
import { parseTensor } from "../../reference/index.js";
import { operatorLawCase, type OperatorLawCase } from "../arbitraries/operator-law-case.js";
import type { BackendLike } from "./backend-like.js";
import { absInner, askOperator, exactInner, isVerdict } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";

async function check(backend: BackendLike, law: OperatorLawCase, ctx: CheckContext): Promise<Verdict> {
  const c = law.case;
  const a = await askOperator(backend, c, law.shapes.T, ctx.precision);
  if (isVerdict(a)) return a;
  const [x, y] = [parseTensor(c.x), parseTensor(c.y ?? 0)];
  const left = exactInner(y, a.answer.apply);
  const right = exactInner(a.answer.adjoint, x);
  const allowed = absInner(y, a.allowed.apply) + absInner(x, a.allowed.adjoint);
  const off = left.minus(right).abs();
  if (off.lte(allowed)) return { kind: "pass" };
  return {
    kind: "fail",
    reason: `law.adjoint-identity: ⟨y, 𝓐x⟩ = ${left.toString()} but ⟨𝓐ᵀ•y, x⟩ = ${right.toString()} (both from the backend's apply and adjoint); |Δ| = ${off.toPrecision(3)}, allowance ${allowed.toPrecision(3)}`,
    case: c,
  };
}

export const LAW_ADJOINT_IDENTITY: PropertyDefinition<OperatorLawCase> = { name: "law.adjoint-identity", requires: ["apply"], arbitrary: operatorLawCase(), check };

/** @see spec/02-operators.md#law.adjoint-identity */
export const adjointIdentityLaw = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(LAW_ADJOINT_IDENTITY, backend, options);
