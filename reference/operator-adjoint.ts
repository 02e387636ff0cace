/**
 * The transpose dot of an operator: its adjoint for ⟨G, X⟩ = Σ G_ij X_ij, as operator data.
 *
 * Every rule here is exact (no arithmetic beyond transposing a matrix), so the laws hold
 * structurally: adjoint(adjoint(A)) is A with its matrices transposed twice.
 *
 * @see spec/02-operators.md#law.adjoint-identity
 */
import { assertNever } from "./errors.js";
import * as O from "./operator.js";
import type { Operator } from "./operator.js";
import { transpose } from "./tensor.js";

export function adjoint(A: Operator): Operator {
  switch (A.op) {
    case "identity": // @see spec/02-operators.md#op.identity.adjoint
    case "scale": // @see spec/02-operators.md#op.scale.adjoint
    case "hadamard": // @see spec/02-operators.md#op.hadamard.adjoint
    case "transpose": // @see spec/02-operators.md#op.transpose.adjoint
      return A;
    case "zero": // domain and codomain swap  @see spec/02-operators.md#op.zero.adjoint
      return {
        op: "zero",
        // Stryker disable next-line ConditionalExpression: equivalent — a zero with domain: undefined reads as one without (apply tests A.domain !== undefined and A.codomain ?? …)
        ...(A.codomain !== undefined ? { domain: A.codomain } : {}),
        // Stryker disable next-line ConditionalExpression: equivalent — a zero with codomain: undefined reads as one without (apply tests A.domain !== undefined and A.codomain ?? …)
        ...(A.domain !== undefined ? { codomain: A.domain } : {}),
      };
    case "left": // ℒ(A)ᵀ• = ℒ(Aᵀ)  @see spec/02-operators.md#op.left.adjoint
      return O.left(transpose(A.matrix));
    case "right": // ℛ(A)ᵀ• = ℛ(Aᵀ)  @see spec/02-operators.md#op.right.adjoint
      return O.right(transpose(A.matrix));
    case "kron": // (A ⊗ B)ᵀ• = Aᵀ ⊗ Bᵀ  @see spec/02-operators.md#op.kron.adjoint
      return O.kron(transpose(A.a), transpose(A.b));
    case "dot": // (Gᵀ•)ᵀ• = c ↦ cG  @see spec/02-operators.md#op.dot.adjoint
      return O.outer(A.matrix);
    case "outer": // @see spec/02-operators.md#op.outer.adjoint
      return O.dot(A.matrix);
    case "compose": // reversal  @see spec/02-operators.md#law.reversal
      return O.compose(...A.of.map(adjoint).reverse());
    case "sum": // linearity  @see spec/02-operators.md#law.linearity
      return O.sum(...A.of.map(adjoint));
    case "adjoint": // involution  @see spec/02-operators.md#law.involution
      return A.of;
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: parseOperator yields only known kinds and every kind has its case (assertNever is the compile-time check)
    default:
      return assertNever(A);
  }
}
