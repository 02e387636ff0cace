/**
 * How many roundings one application of an operator, or of its adjoint, may chain into an element
 * of its result, counting one more for every tensor the operator holds (rounded to the backend's
 * format in a class that rounds inputs, spec: tol.precision). A left or right multiplication by an
 * m×n matrix forms inner products of length n (or m for the adjoint), so it counts max(m, n) + 1;
 * compositions add up, sums add one rounding per extra term.
 *
 * @see spec/07-tolerance.md#tol.depth
 */
import type { Operator, Tensor } from "../../reference/index.js";
import { elements, shapeOf } from "../../reference/index.js";

const longestSide = (t: Tensor): number => Math.max(1, ...shapeOf(t));

/** n(𝓐) of tol.other-kinds. @see spec/07-tolerance.md#tol.other-kinds */
export function operatorCount(A: Operator): number {
  switch (A.op) {
    case "identity":
    case "zero":
    case "transpose":
      return 0;
    case "scale":
    case "hadamard":
    case "outer":
      return 2;
    case "left":
    case "right":
      return longestSide(A.matrix) + 1;
    case "kron": // B X Aᵀ: two products
      return longestSide(A.a) + longestSide(A.b) + 2;
    case "dot":
      return elements(A.matrix).length + 1;
    case "compose":
      return A.of.reduce((n, o) => n + operatorCount(o), 0);
    case "sum":
      return A.of.reduce((n, o) => n + operatorCount(o), A.of.length - 1);
    case "adjoint":
      return operatorCount(A.of);
    default: {
      const never: never = A;
      throw new Error(`operatorCount: unknown operator ${JSON.stringify(never)}`);
    }
  }
}
