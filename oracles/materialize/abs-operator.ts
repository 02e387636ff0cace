/**
 * |𝓐|: the same operator with every number replaced by its magnitude (|ℒ(A)| = ℒ(|A|),
 * |ℋ(M)| = ℋ(|M|), |c𝓘| = |c|𝓘, …). Its matrix dominates the magnitudes of 𝓐's matrix entrywise,
 * |M(𝓐)| ≤ M(|𝓐|), and — because compose and sum materialize as products and sums of nonnegative
 * matrices — it also bounds |M1|·|M2|·… for the factors a floating-point evaluation actually
 * multiplies. That makes M(|𝓐|) the right weight for rounding-error bounds.
 *
 * @see spec/04-system.md#system.solver
 */
import { assertNever } from "../../reference/errors.js";
import { dmap } from "../dtensor.js";
import type { DOperator } from "./read-operator.js";

export function absOperator(op: DOperator): DOperator {
  switch (op.op) {
    case "identity":
    case "transpose":
    case "zero":
      return op;
    case "scale":
      return { op: "scale", by: op.by.abs() };
    case "left":
    case "right":
    case "hadamard":
    case "dot":
    case "outer":
      return { op: op.op, matrix: dmap(op.matrix, (x) => x.abs()) };
    case "kron":
      return { op: "kron", a: dmap(op.a, (x) => x.abs()), b: dmap(op.b, (x) => x.abs()) };
    case "compose":
    case "sum":
      return { op: op.op, of: op.of.map(absOperator) };
    case "adjoint":
      return { op: "adjoint", of: absOperator(op.of) };
    default:
      return assertNever(op);
  }
}
