/**
 * Law: operators and taking adjoints are linear. 𝓐(αx + βz) = α𝓐x + β𝓐z, and the adjoint of
 * `sum([compose([scale(α), 𝓐]), compose([scale(β), 𝓑])])` at y is α𝓐ᵀ•y + β𝓑ᵀ•y — each side from
 * the backend, α, β, x, z small integers (αx + βz is exact). Allowance: every case's own, scaled by
 * |α| or |β|, plus the rounding of forming α·a + β·b (κ·2u·(|αa| + |βb|)).
 *
 * @see spec/02-operators.md#law.linearity
 */
import type { OperatorCase } from "../../reference/case.js";
import { parseTensor, type Tensor } from "../../reference/index.js";
import * as T from "../../reference/tensor.js";
import { KAPPA, PRECISION } from "../../oracles/index.js";
import { operatorLawCase, type OperatorLawCase } from "../arbitraries/operator-law-case.js";
import type { BackendLike } from "./backend-like.js";
import { agree, askAll, firstWrong, isVerdict, sumOf } from "./operator-answer.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";

/** α·a + β·b and the allowance of forming it from allowances aa, ab. */
function combine(alpha: number, a: Tensor, aa: Tensor, beta: number, b: Tensor, ab: Tensor, u: number): [Tensor, Tensor] {
  const value = T.add(T.scale(alpha, a), T.scale(beta, b));
  const rounding = T.map(T.add(T.map(T.scale(alpha, a), Math.abs), T.map(T.scale(beta, b), Math.abs)), (m) => KAPPA * 2 * u * m);
  return [value, sumOf(T.scale(Math.abs(alpha), aa), T.scale(Math.abs(beta), ab), rounding)];
}

async function check(backend: BackendLike, law: OperatorLawCase, ctx: CheckContext): Promise<Verdict> {
  const { alpha, beta } = law;
  const c = law.case;
  const u = PRECISION[ctx.precision].u;
  const point = T.add(T.scale(alpha, parseTensor(c.x)), T.scale(beta, parseTensor(law.z)));
  const at: OperatorCase = { ...c, x: point };
  const atZ: OperatorCase = { ...c, x: law.z };
  const other: OperatorCase = { ...c, operator: law.other };
  const mixed: OperatorCase = {
    ...c,
    operator: { op: "sum", of: [{ op: "compose", of: [{ op: "scale", by: alpha }, c.operator] }, { op: "compose", of: [{ op: "scale", by: beta }, law.other] }] },
  };
  const asked = await askAll(backend, [c, at, atZ, other, mixed], law.shapes.T, ctx.precision);
  if (isVerdict(asked)) return asked;
  const [x, w, z, b, m] = asked;
  const report = () => firstWrong(asked);
  const [applied, appliedAllowance] = combine(alpha, x.answer.apply, x.allowed.apply, beta, z.answer.apply, z.allowed.apply, u);
  const [adjoined, adjoinedAllowance] = combine(alpha, x.answer.adjoint, x.allowed.adjoint, beta, b.answer.adjoint, b.allowed.adjoint, u);
  return (
    agree(`law.linearity (𝓐(αx + βz) vs α𝓐x + β𝓐z, α = ${alpha}, β = ${beta})`, w.answer.apply, applied, sumOf(w.allowed.apply, appliedAllowance), "apply", report) ??
    agree(`law.linearity ((α𝓐 + β𝓑)ᵀ•y vs α𝓐ᵀ•y + β𝓑ᵀ•y, α = ${alpha}, β = ${beta})`, m.answer.adjoint, adjoined, sumOf(m.allowed.adjoint, adjoinedAllowance), "adjoint", report) ?? {
      kind: "pass",
    }
  );
}

export const LAW_LINEARITY: PropertyDefinition<OperatorLawCase> = { name: "law.linearity", requires: ["apply"], arbitrary: operatorLawCase(), check };

/** @see spec/02-operators.md#law.linearity */
export const linearityLaw = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(LAW_LINEARITY, backend, options);
