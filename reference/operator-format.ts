/**
 * Printing operators the way the paper writes them: ℋ(Δ₂)∘ℒ(W₂), (A ⊗ B), Gᵀ•.
 *
 * Matrices are printed by name when `name` knows them, else by shape (`[2×3]`), scalars by value.
 */
import { assertNever } from "./errors.js";
import type { Operator } from "./operator.js";
import { formatShape, isScalar, shapeOf } from "./tensor.js";
import type { Tensor } from "./tensor.js";

export type TensorNamer = (t: Tensor) => string | undefined;

export function formatOperator(A: Operator, name: TensorNamer = () => undefined): string {
  const t = (x: Tensor): string => name(x) ?? (isScalar(x) ? String(x) : `[${formatShape(shapeOf(x))}]`);
  switch (A.op) {
    case "identity":
      return "𝓘";
    case "zero":
      return "𝓞";
    case "scale":
      return `${A.by}𝓘`;
    case "left":
      return `ℒ(${t(A.matrix)})`;
    case "right":
      return `ℛ(${t(A.matrix)})`;
    case "hadamard":
      return `ℋ(${t(A.matrix)})`;
    case "kron":
      return `(${t(A.a)} ⊗ ${t(A.b)})`;
    case "dot":
      return `${t(A.matrix)}ᵀ•`;
    case "outer":
      return `(c ↦ c${t(A.matrix)})`;
    case "transpose":
      return "𝒯";
    case "compose":
      return A.of.map((o) => formatOperator(o, name)).join("∘");
    case "sum":
      return `(${A.of.map((o) => formatOperator(o, name)).join(" + ")})`;
    case "adjoint":
      return `(${formatOperator(A.of, name)})ᵀ•`;
    default:
      return assertNever(A);
  }
}
