/**
 * The entrywise absolute value of an operator, |𝓐|: the operator whose matrix (in any fixed basis
 * of elements) bounds the magnitudes of 𝓐's entries and of every partial product its application
 * forms. Compositions and sums are taken term by term, so |𝓐∘𝓑| = |𝓐|∘|𝓑| and
 * |𝓐 + 𝓑| = |𝓐| + |𝓑| — upper bounds of the absolute matrix of the product or sum (exact when no
 * term cancels), which is what a rounding bound needs: each term is computed, and rounded, separately.
 *
 * @see spec/07-tolerance.md#tol.abs-operator
 */
import type { Operator, Tensor } from "../../reference/index.js";
import * as O from "../../reference/operator.js";
import { map } from "../../reference/tensor.js";

const abs = (t: Tensor): Tensor => map(t, Math.abs);

/** |𝓐|, kind by kind: matrices by their absolute values, the structure unchanged. @see spec/07-tolerance.md#tol.abs-operator */
export function absOperator(A: Operator): Operator {
  switch (A.op) {
    case "identity":
    case "zero":
    case "transpose":
      return A; // permutations and zero are their own absolute values
    case "scale":
      return O.scale(Math.abs(A.by));
    case "left":
      return O.left(abs(A.matrix));
    case "right":
      return O.right(abs(A.matrix));
    case "hadamard":
      return O.hadamard(abs(A.matrix));
    case "kron":
      return O.kron(abs(A.a), abs(A.b));
    case "dot":
      return O.dot(abs(A.matrix));
    case "outer":
      return O.outer(abs(A.matrix));
    case "compose":
      return O.compose(...A.of.map(absOperator));
    case "sum":
      return O.sum(...A.of.map(absOperator));
    case "adjoint":
      return O.adjointOf(absOperator(A.of));
    default: {
      const never: never = A;
      throw new Error(`absOperator: unknown operator ${JSON.stringify(never)}`);
    }
  }
}
