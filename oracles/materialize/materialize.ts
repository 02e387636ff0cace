/**
 * The explicit matrix of an operator on vec'd tensors, built from each kind's definition:
 * M with vec(𝓐X) = M vec(X) for every X of the given domain shape S (row-major vec, as everywhere in
 * the spec). M is shapeSize(T) × shapeSize(S) with T = cod(𝓐, S).
 *
 * By kind, with vec(AXB) = (A ⊗ Bᵀ) vec(X) (kronecker.ts): identity I; zero 0; scale cI;
 * left(A) = A ⊗ I_n; right(A) = I_m ⊗ Aᵀ; hadamard(M) = diag(vec M); kron(A, B), X ↦ B X Aᵀ, is
 * B ⊗ A; dot(G) the row vec(G)ᵀ; outer(G) the column vec(G); transpose the commutation matrix;
 * compose the product o1·…·ok; sum the sum. adjoint(o) is the TRANSPOSE of o's matrix at the domain
 * its adjoint lands on: no `.adjoint` rule is applied to any value, so an adjoint computed from this
 * matrix is independent of every adjoint rule.
 *
 * @see spec/02-operators.md#op.def.operator
 * @see spec/02-operators.md#op.def.adjoint
 */
import { assertNever, SpecError } from "../../reference/errors.js";
import type { DecimalContext } from "../decimal.js";
import { delements, dtranspose, type DMatrix, type DShape } from "../dtensor.js";
import { adjointDomain } from "./adjoint-domain.js";
import { codomain } from "./codomain.js";
import { commutationMatrix } from "./commutation.js";
import {
  diagonalMatrix,
  identityMatrix,
  matrixProduct,
  matrixScale,
  matrixSum,
  matrixTranspose,
  zeroMatrix,
  type DenseMatrix,
} from "./dense-matrix.js";
import { kronecker } from "./kronecker.js";
import type { DOperator } from "./read-operator.js";
import { sameShape, shapeSize } from "./shape.js";

/**
 * The matrix of adjoint(o) at S: the transpose of o's matrix at T, where o maps T onto S.
 *
 * One corner needs more: a `zero` with a `domain` but no `codomain` is the only kind whose adjoint
 * shapes (op.zero.adjoint) do not invert its own, so an o containing one may not map T onto S, or
 * not be applicable at all, while its data adjoint is (op.def.data-adjoint: the spec's result is
 * adj(o)'s). There the transpose is taken part by part — (M₁⋯M_k)ᵀ = M_kᵀ⋯M₁ᵀ, (ΣM_i)ᵀ = ΣM_iᵀ,
 * (Mᵀ)ᵀ = M, the zero's transpose being the zero matrix of the data adjoint's shapes: identities of
 * matrices, still no `.adjoint` rule applied to any value.
 */
function adjointMatrix(D: DecimalContext, o: DOperator, S: DShape, T: DShape): DenseMatrix {
  let forward: MaterializedOperator | undefined;
  try {
    forward = materialize(D, o, T);
  } catch (e) {
    if (!(e instanceof SpecError && e.code === "E_SHAPE")) throw e;
  }
  if (forward !== undefined && sameShape(forward.codomain, S)) return matrixTranspose(forward.matrix);
  switch (o.op) {
    case "zero":
      return zeroMatrix(D, shapeSize(T), shapeSize(S));
    case "compose": {
      // adj(o1) acts first: S₀ = S, S_i = adjointDomain(o_i, S_{i−1}); the matrix is A_k⋯A_1.
      let shape = S;
      let M = identityMatrix(D, shapeSize(S));
      for (const part of o.of) {
        const next = adjointDomain(part, shape);
        M = matrixProduct(D, adjointMatrix(D, part, shape, next), M);
        shape = next;
      }
      return M;
    }
    case "sum":
      return o.of.map((part) => adjointMatrix(D, part, S, T)).reduce(matrixSum);
    case "adjoint": // the adjoint of adjoint(o') at S is o' at S
      return materialize(D, o.of, S).matrix;
    default:
      // Every other kind's adjoint shapes invert its own: o maps T onto S whenever T exists.
      throw new Error(`internal: ${o.op} does not map ${JSON.stringify(T)} onto ${JSON.stringify(S)}`);
  }
}

/** An operator's matrix at a domain shape, and the codomain shape its rows stand for. */
export interface MaterializedOperator {
  readonly matrix: DenseMatrix;
  readonly codomain: DShape;
}

/** The matrix of `op` acting on vec(X) for X of shape `domain`; E_SHAPE where the point does not fit. */
export function materialize(D: DecimalContext, op: DOperator, domain: DShape): MaterializedOperator {
  const T = codomain(op, domain); // all shape checks first
  return { matrix: build(D, op, domain, T), codomain: T };
}

function build(D: DecimalContext, op: DOperator, S: DShape, T: DShape): DenseMatrix {
  const n = shapeSize(S);
  switch (op.op) {
    case "identity": // @see spec/02-operators.md#op.identity.apply
      return identityMatrix(D, n);
    case "zero": // @see spec/02-operators.md#op.zero.apply
      return zeroMatrix(D, shapeSize(T), n);
    case "scale": // @see spec/02-operators.md#op.scale.apply
      return matrixScale(op.by, identityMatrix(D, n));
    case "left": // AX = A X I_n → A ⊗ I_n  @see spec/02-operators.md#op.left.apply
      return kronecker(D, op.matrix as DMatrix, identityMatrix(D, (S as readonly [number, number])[1]));
    case "right": // XA = I_m X A → I_m ⊗ Aᵀ  @see spec/02-operators.md#op.right.apply
      return kronecker(D, identityMatrix(D, (S as readonly [number, number])[0]), dtranspose(op.matrix) as DMatrix);
    case "hadamard": // M ⊙ X → diag(vec M)  @see spec/02-operators.md#op.hadamard.apply
      return diagonalMatrix(D, delements(op.matrix));
    case "kron": // B X Aᵀ → B ⊗ (Aᵀ)ᵀ = B ⊗ A  @see spec/02-operators.md#op.kron.apply
      return kronecker(D, op.b as DMatrix, op.a as DMatrix);
    case "dot": // ⟨G, X⟩ = vec(G)ᵀ vec(X)  @see spec/02-operators.md#op.dot.apply
      return [delements(op.matrix)];
    case "outer": // cG → vec(G) c  @see spec/02-operators.md#op.outer.apply
      return delements(op.matrix).map((g) => [g]);
    case "transpose": // @see spec/02-operators.md#op.transpose.apply
      return S.length === 0 ? identityMatrix(D, 1) : commutationMatrix(D, S[0], S[1]);
    case "compose": {
      // o1∘…∘ok: ok acts first, so M = M1·M2·…·Mk  @see spec/02-operators.md#op.compose.apply
      let shape = S;
      let M = identityMatrix(D, n);
      for (const o of [...op.of].reverse()) {
        const part = materialize(D, o, shape);
        M = matrixProduct(D, part.matrix, M);
        shape = part.codomain;
      }
      return M;
    }
    case "sum": {
      // @see spec/02-operators.md#op.sum.apply
      const parts = op.of.map((o) => materialize(D, o, S).matrix);
      return parts.slice(1).reduce(matrixSum, parts[0] as DenseMatrix);
    }
    case "adjoint": // the transposed matrix of o at T = adjointDomain(o, S)  @see spec/02-operators.md#op.def.adjoint
      return adjointMatrix(D, op.of, S, T);
    default:
      return assertNever(op);
  }
}
