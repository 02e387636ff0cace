/**
 * Law: 𝓘ᵀ• = 𝓘 and 𝓞ᵀ• = 𝓞 with domain and codomain exchanged. The backend's
 * `adjoint(identity)` must return x and y unchanged, and `adjoint(zero{domain S, codomain T})`
 * (and a bare `adjoint(zero)`) exact zeros of the exchanged shapes — exactly: no rounding is
 * involved (b = |x| with depth 0, or b = 0).
 *
 * @see spec/02-operators.md#law.identity-zero
 * @see spec/07-tolerance.md#tol.zero
 */
import type { OperatorCase, RawShape } from "../../reference/case.js";
import { parseTensor, type Tensor } from "../../reference/index.js";
import * as T from "../../reference/tensor.js";
import { operatorLawCase, type OperatorLawCase } from "../arbitraries/operator-law-case.js";
import type { BackendLike } from "./backend-like.js";
import { agree, askOperator, isVerdict } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { PropertyDefinition, Verdict } from "./verdict.js";

const exactly = (t: Tensor): Tensor => T.map(t, () => 0);

async function check(backend: BackendLike, law: OperatorLawCase): Promise<Verdict> {
  const { S, T: Tc } = law.shapes;
  const [x, y, z] = [parseTensor(law.case.x), parseTensor(law.case.y ?? 0), parseTensor(law.z)];
  const base = { id: "random.operator", description: "the adjoint of identity or zero", kind: "operator" } as const;
  const checks: [OperatorCase, RawShape, Tensor, Tensor, string][] = [
    [{ ...base, operator: { op: "adjoint", of: { op: "identity" } }, x, y: z }, S, x, z, "𝓘ᵀ• = 𝓘"],
    [{ ...base, operator: { op: "adjoint", of: { op: "zero", domain: S, codomain: Tc } }, x: y, y: x }, S, T.zeros(S), T.zeros(Tc), "𝓞ᵀ• = 𝓞, domain and codomain exchanged"],
    [{ ...base, operator: { op: "adjoint", of: { op: "zero" } }, x, y: z }, S, T.zeros(S), T.zeros(S), "𝓞ᵀ• = 𝓞"],
  ];
  for (const [c, cod, apply, adjoint, law_] of checks) {
    const a = await askOperator(backend, c, cod, "float64");
    if (isVerdict(a)) return a;
    const v =
      agree(`law.identity-zero (${law_}, apply)`, a.answer.apply, apply, exactly(apply), "apply", () => c) ??
      agree(`law.identity-zero (${law_}, adjoint)`, a.answer.adjoint, adjoint, exactly(adjoint), "adjoint", () => c);
    if (v !== undefined) return v;
  }
  return { kind: "pass" };
}

export const LAW_IDENTITY_ZERO: PropertyDefinition<OperatorLawCase> = { name: "law.identity-zero", requires: ["apply"], arbitrary: operatorLawCase(), check };

/** @see spec/02-operators.md#law.identity-zero */
export const identityZeroLaw = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(LAW_IDENTITY_ZERO, backend, options);
