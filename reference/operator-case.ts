/**
 * Operator cases: apply an operator to `x`, and its adjoint to `y`.
 *
 * @see spec/05-cases.md#case.operator
 */
import type { OperatorCase } from "./case.js";
import { fail, locate } from "./errors.js";
import { parseTensor } from "./number.js";
import { adjoint } from "./operator-adjoint.js";
import { apply } from "./operator-apply.js";
import { parseOperator } from "./operator-parse.js";
import * as T from "./tensor.js";
import type { Tensor } from "./tensor.js";

export interface ApplyResult {
  readonly apply: Tensor;
  readonly adjoint?: Tensor;
}

export function applyCase(c: OperatorCase): ApplyResult {
  return locate({ caseId: c.id }, () => {
    const A = parseOperator(c.operator, "/operator");
    const x = parseTensor(c.x, "/x");
    const Ax = locate({ pointer: "/operator" }, () => apply(A, x));
    if (c.y === undefined) return { apply: Ax };
    const y = parseTensor(c.y, "/y");
    if (!T.sameShape(T.shapeOf(y), T.shapeOf(Ax))) {
      fail("E_SHAPE", `y is ${T.formatShape(T.shapeOf(y))} but the operator's codomain is ${T.formatShape(T.shapeOf(Ax))}`, { pointer: "/y" });
    }
    return { apply: Ax, adjoint: locate({ pointer: "/operator" }, () => apply(adjoint(A), y)) };
  });
}
