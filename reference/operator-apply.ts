/**
 * Applying an operator to a point of its domain. The domain is inferred from the point; a point
 * that does not fit is E_SHAPE.
 *
 * @see spec/02-operators.md#op.identity.apply
 */
import { assertNever, fail } from "./errors.js";
import type { Operator } from "./operator.js";
import { adjoint } from "./operator-adjoint.js";
import * as T from "./tensor.js";
import type { Tensor } from "./tensor.js";

export function apply(A: Operator, X: Tensor): Tensor {
  switch (A.op) {
    case "identity": // @see spec/02-operators.md#op.identity.apply
      return X;
    case "zero": // @see spec/02-operators.md#op.zero.apply
      if (A.domain !== undefined && !T.sameShape(A.domain, T.shapeOf(X))) {
        fail("E_SHAPE", `zero expects a ${T.formatShape(A.domain)} point, got ${T.formatShape(T.shapeOf(X))}`);
      }
      return T.zeros(A.codomain ?? T.shapeOf(X));
    case "scale": // @see spec/02-operators.md#op.scale.apply
      return T.scale(A.by, X);
    case "left": // X ↦ AX  @see spec/02-operators.md#op.left.apply
      return T.matmul(T.requireMatrix(A.matrix, "the matrix of left"), T.requireMatrix(X, "the point of left"));
    case "right": // X ↦ XA  @see spec/02-operators.md#op.right.apply
      return T.matmul(T.requireMatrix(X, "the point of right"), T.requireMatrix(A.matrix, "the matrix of right"));
    case "hadamard": // X ↦ M ⊙ X  @see spec/02-operators.md#op.hadamard.apply
      return T.hadamard(A.matrix, X);
    case "kron": {
      // X ↦ B X Aᵀ  @see spec/02-operators.md#op.kron.apply
      const a = T.requireMatrix(A.a, "the matrix a of kron");
      const b = T.requireMatrix(A.b, "the matrix b of kron");
      return T.matmul(T.matmul(b, T.requireMatrix(X, "the point of kron")), T.transpose(a) as T.Matrix);
    }
    case "dot": // X ↦ ⟨G, X⟩  @see spec/02-operators.md#op.dot.apply
      return T.inner(A.matrix, X);
    case "outer": // c ↦ cG  @see spec/02-operators.md#op.outer.apply
      return T.scale(T.requireScalar(X, "the point of outer"), A.matrix);
    case "transpose": // @see spec/02-operators.md#op.transpose.apply
      return T.transpose(X);
    case "compose": // o1∘…∘ok: ok acts first  @see spec/02-operators.md#op.compose.apply
      return A.of.reduceRight((Y, o) => apply(o, Y), X);
    case "sum": {
      // @see spec/02-operators.md#op.sum.apply
      const [first, ...rest] = A.of.map((o) => apply(o, X));
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — unreachable: parseOperator rejects an empty sum (E_SCHEMA; schema minItems 1) and the reference builds sums of at least one operator
      if (first === undefined) return fail("E_SHAPE", "a sum of no operators has no codomain");
      return rest.reduce(T.add, first);
    }
    case "adjoint": // @see spec/02-operators.md#op.adjoint.apply
      return apply(adjoint(A.of), X);
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: parseOperator yields only known kinds and every kind has its case (assertNever is the compile-time check)
    default:
      return assertNever(A);
  }
}
