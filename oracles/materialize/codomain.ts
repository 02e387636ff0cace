/**
 * The codomain shape T = cod(𝓐, S) of an operator applied at a point of shape S, with every shape
 * check of the kinds' `.apply` rules (E_SHAPE where the point does not fit). Shapes only: the
 * matrices are built by materialize.ts, which asks this function first.
 *
 * @see spec/02-operators.md#op.def.shape
 */
import { assertNever, fail } from "../../reference/errors.js";
import type { DShape } from "../dtensor.js";
import { dshape } from "../dtensor.js";
import { adjointDomain } from "./adjoint-domain.js";
import type { DOperator } from "./read-operator.js";
import { matrixShape, requireShape, sameShape, showShape } from "./shape.js";

export function codomain(op: DOperator, S: DShape): DShape {
  switch (op.op) {
    case "identity": // @see spec/02-operators.md#op.identity.apply
    case "scale": // @see spec/02-operators.md#op.scale.apply
      return S;
    case "zero": // @see spec/02-operators.md#op.zero.apply
      if (op.domain !== undefined) requireShape(S, op.domain, "the point of zero");
      return op.codomain ?? S;
    case "left": {
      // X ↦ AX, A m×k, X k×n  @see spec/02-operators.md#op.left.apply
      const [m, k] = matrixShape(op.matrix, "the matrix of left");
      const [rows, n] = point(S, "left");
      if (rows !== k) fail("E_SHAPE", `left(${m}×${k}) cannot act on ${showShape(S)}`);
      return [m, n];
    }
    case "right": {
      // X ↦ XA, A k×n, X m×k  @see spec/02-operators.md#op.right.apply
      const [k, n] = matrixShape(op.matrix, "the matrix of right");
      const [m, cols] = point(S, "right");
      if (cols !== k) fail("E_SHAPE", `right(${k}×${n}) cannot act on ${showShape(S)}`);
      return [m, n];
    }
    case "hadamard": // @see spec/02-operators.md#op.hadamard.apply
      requireShape(S, dshape(op.matrix), "the point of hadamard");
      return S;
    case "kron": {
      // X ↦ B X Aᵀ, A p×q, B r×s, X s×q  @see spec/02-operators.md#op.kron.apply
      const [p, q] = matrixShape(op.a, "the matrix a of kron");
      const [r, s] = matrixShape(op.b, "the matrix b of kron");
      requireShape(S, [s, q], "the point of kron");
      return [r, p];
    }
    case "dot": // @see spec/02-operators.md#op.dot.apply
      requireShape(S, dshape(op.matrix), "the point of dot");
      return [];
    case "outer": // @see spec/02-operators.md#op.outer.apply
      requireShape(S, [], "the point of outer");
      return dshape(op.matrix);
    case "transpose": // @see spec/02-operators.md#op.transpose.apply
      return S.length === 0 ? S : [S[1], S[0]];
    case "compose": // ok acts first  @see spec/02-operators.md#op.compose.apply
      return op.of.reduceRight((shape, o) => codomain(o, shape), S);
    case "sum": {
      // @see spec/02-operators.md#op.sum.apply
      const [first, ...rest] = op.of.map((o) => codomain(o, S));
      if (first === undefined) return fail("E_SHAPE", "a sum of no operators has no codomain");
      for (const t of rest) if (!sameShape(t, first)) fail("E_SHAPE", `summands map to ${showShape(first)} and ${showShape(t)}`);
      return first;
    }
    case "adjoint": // the shape adj(o) maps S to  @see spec/02-operators.md#op.adjoint.apply
      return adjointDomain(op.of, S);
    default:
      return assertNever(op);
  }
}

function point(S: DShape, kind: string): readonly [number, number] {
  if (S.length === 0) fail("E_SHAPE", `the point of ${kind} must be a matrix, got a scalar`);
  return S;
}
