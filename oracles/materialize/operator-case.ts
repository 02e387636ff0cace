/**
 * An operator case from the explicit matrix: with M the operator's matrix at the shape of `x`,
 * apply = M vec(x) and adjoint = Mᵀ vec(y), reshaped. The adjoint is the transposed matrix — no
 * `.adjoint` rule is used. It is materialized as `adjoint(operator)` at the shape of `y`, which is
 * Mᵀ itself except in the one corner where the spec's data adjoint is not the true adjoint: a
 * `zero` with a `codomain` but no `domain` maps back to y's shape, not x's (op.zero.adjoint,
 * law.adjoint-identity), and the spec's result is what a backend is judged by.
 *
 * Faults, as the spec defines them: the operator's E_UNKNOWN_OP / E_VALUE, then E_SHAPE where `x`
 * does not fit, then E_SHAPE where `y` does not have the codomain shape.
 *
 * @see spec/05-cases.md#case.operator
 * @see spec/02-operators.md#op.def.adjoint
 */
import type { OperatorCase } from "../../reference/case.js";
import { fail, locate } from "../../reference/errors.js";
import type { DecimalContext } from "../decimal.js";
import { delements, dshape, fromElements, type DTensor } from "../dtensor.js";
import { matrixVector } from "./dense-matrix.js";
import { materialize } from "./materialize.js";
import { readOperator } from "./read-operator.js";
import { readTensor, type ReadOptions } from "./read-tensor.js";
import { sameShape, showShape } from "./shape.js";

export interface DenseOperatorResult {
  readonly apply: DTensor;
  /** Present when the case has `y`. */
  readonly adjoint?: DTensor;
}

export function operatorCaseDense(c: OperatorCase, D: DecimalContext, options: ReadOptions = {}): DenseOperatorResult {
  return locate({ caseId: c.id }, () => {
    const op = readOperator(D, c.operator, options, "/operator");
    const x = readTensor(D, c.x, options, "/x");
    const S = dshape(x);
    const { matrix, codomain } = locate({ pointer: "/operator" }, () => materialize(D, op, S));
    const apply = fromElements(codomain, matrixVector(D, matrix, delements(x)));
    if (c.y === undefined) return { apply };
    const y = readTensor(D, c.y, options, "/y");
    if (!sameShape(dshape(y), codomain)) {
      fail("E_SHAPE", `y is ${showShape(dshape(y))} but the operator's codomain is ${showShape(codomain)}`, { pointer: "/y" });
    }
    const adjoint = locate({ pointer: "/operator" }, () => materialize(D, { op: "adjoint", of: op }, codomain));
    return { apply, adjoint: fromElements(adjoint.codomain, matrixVector(D, adjoint.matrix, delements(y))) };
  });
}
