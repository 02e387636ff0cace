/**
 * The error-bound scale of an operator case: |𝓐||x| for `apply` and |𝓐|ᵀ•|y| for `adjoint`, and
 * the operator's rounding count as its depth.
 *
 * @see spec/07-tolerance.md#tol.other-kinds
 */
import type { OperatorCase } from "../../reference/case.js";
import { adjoint, apply, parseOperator, parseTensor, type Tensor } from "../../reference/index.js";
import { map } from "../../reference/tensor.js";
import { absOperator } from "./abs-operator.js";
import { operatorCount } from "./operator-count.js";

export interface OperatorErrorScale {
  readonly apply: Tensor;
  /** Present when the case has `y`. */
  readonly adjoint?: Tensor;
  readonly depth: number;
}

/** @see spec/07-tolerance.md#tol.other-kinds */
export function operatorErrorScale(c: OperatorCase): OperatorErrorScale {
  const A = absOperator(parseOperator(c.operator, "/operator"));
  const abs = (t: Tensor): Tensor => map(t, Math.abs);
  const depth = operatorCount(A);
  const forward = apply(A, abs(parseTensor(c.x, "/x")));
  return c.y === undefined ? { apply: forward, depth } : { apply: forward, adjoint: apply(adjoint(A), abs(parseTensor(c.y, "/y"))), depth };
}
