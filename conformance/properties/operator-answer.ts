/**
 * What the operator laws share: asking a backend to apply an operator case and reading both
 * results with their shapes, the chapter-7 allowances of an operator case, exact inner products,
 * and choosing which of the cases a law involved to report — the first whose answer the explicit
 * matrix oracle rejects (a law can only fail when some answer is wrong).
 *
 * @see spec/02-operators.md#law.arithmetic
 * @see spec/07-tolerance.md#tol.other-kinds
 */
import type { OperatorCase, RawShape } from "../../reference/case.js";
import { elements, parseTensor, shapeOf, type Tensor } from "../../reference/index.js";
import * as T from "../../reference/tensor.js";
import { allowance, Decimal, decimalContext, type DTensor, exact, operatorCaseDense, operatorErrorScale, type PrecisionClass, toNumbers } from "../../oracles/index.js";
import { compareTensor, describe } from "../run/compare.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import { tensorAt } from "./read-result.js";
import { refused, type Verdict } from "./verdict.js";

export interface OperatorAnswer {
  readonly apply: Tensor;
  readonly adjoint: Tensor;
}

/** One operator case with the backend's answer and the answer's allowances. */
export interface Asked {
  readonly c: OperatorCase;
  readonly answer: OperatorAnswer;
  readonly allowed: OperatorAnswer;
}

export const isVerdict = (x: object): x is Verdict => "kind" in x;

/** The allowance of every element of `apply` and `adjoint`. */
export function operatorAllowances(c: OperatorCase, precision: PrecisionClass): OperatorAnswer {
  const s = operatorErrorScale(c);
  return { apply: allowance(s.apply, s.depth, precision), adjoint: allowance(s.adjoint as Tensor, s.depth, precision) };
}

/** The answer to an operator case with `y`: `apply` of shape `cod`, `adjoint` of x's shape. */
export async function askOperator(backend: BackendLike, c: OperatorCase, cod: RawShape, precision: PrecisionClass): Promise<Asked | Verdict> {
  const answer = await ask(backend, { method: "apply", c });
  if (!answer.ok) return refused(answer, c, "apply");
  const apply = tensorAt(answer.result, "apply", cod);
  if ("problem" in apply) return { kind: "fail", reason: `apply: malformed answer: ${apply.problem}`, case: c };
  const adjoint = tensorAt(answer.result, "adjoint", shapeOf(parseTensor(c.x)));
  if ("problem" in adjoint) return { kind: "fail", reason: `apply: malformed answer: ${adjoint.problem}`, case: c };
  return { c, answer: { apply: apply.tensor, adjoint: adjoint.tensor }, allowed: operatorAllowances(c, precision) };
}

/** {@link askOperator} for several cases of one codomain shape, in order; the first refusal wins. */
export async function askAll<const C extends readonly OperatorCase[]>(
  backend: BackendLike,
  cases: C,
  cod: RawShape,
  precision: PrecisionClass,
): Promise<{ -readonly [K in keyof C]: Asked } | Verdict> {
  const out: Asked[] = [];
  for (const c of cases) {
    const a = await askOperator(backend, c, cod, precision);
    if (isVerdict(a)) return a;
    out.push(a);
  }
  return out as { -readonly [K in keyof C]: Asked };
}

const D = decimalContext(60);

/** ⟨a, b⟩ exactly. */
export function exactInner(a: Tensor, b: Tensor): Decimal {
  const ys = elements(b);
  return elements(a).reduce((s, x, k) => s.plus(exact(D, x).times(exact(D, ys[k] as number))), new D(0));
}

/** ⟨|a|, b⟩ in float64 (an allowance). */
export const absInner = (a: Tensor, b: Tensor): number => T.inner(T.map(a, Math.abs), b);

/** a + b + … elementwise (allowances). */
export const sumOf = (...ts: Tensor[]): Tensor => ts.slice(1).reduce((s, t) => T.add(s, t), ts[0] as Tensor);

/** A law's two sides agree within `allowed`; otherwise a failure naming the law and the element. */
export function agree(law: string, left: Tensor, right: Tensor, allowed: Tensor, path: string, report: () => OperatorCase): Verdict | undefined {
  const r = compareTensor(left, right, path, allowed);
  return r.ok ? undefined : { kind: "fail", reason: `${law}: ${describe(r.worst)} ("expected" is the law's other side, both from the backend)`, case: report() };
}

/**
 * The first of `asked` whose backend answer the explicit-matrix oracle rejects (the answer a law
 * failure comes from), or the first case when each answer alone is within its allowance.
 */
export function firstWrong(asked: readonly Asked[]): OperatorCase {
  const DD = decimalContext(40);
  for (const { c, answer, allowed } of asked) {
    const truth = operatorCaseDense(c, DD);
    if (!compareTensor(answer.apply, toNumbers(truth.apply), "apply", allowed.apply).ok) return c;
    if (!compareTensor(answer.adjoint, toNumbers(truth.adjoint as DTensor), "adjoint", allowed.adjoint).ok) return c;
  }
  return (asked[0] as Asked).c;
}
