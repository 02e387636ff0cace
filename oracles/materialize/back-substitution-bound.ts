/**
 * A componentwise bound on the forward error of solving a system case by back substitution over
 * operators in binary64 (the reference's `solve`, or any backend that applies each edge's adjoint
 * and adds the terms in some order): |ŷ − y| ≤ d, element by element.
 *
 * Derivation. Back substitution computes ŷ_a = fl(rhs_a + Σ_b fl(L_baᵀ•(ŷ_b))). Evaluating a
 * composition of matrix maps in floating point gives |fl(M₁⋯M_r v) − M₁⋯M_r v| ≤ γ_k |M₁|⋯|M_r||v|
 * with γ_k = k·u/(1 − k·u), u = 2⁻⁵³, k the number of roundings on any element's path (the
 * {@link operatorCost}); |M₁|⋯|M_r| is the matrix of |𝓛| (abs-operator.ts). Adding at most N − 1
 * terms adds N − 1 roundings. So ŷ = (I − Lᵀ)⁻¹(rhs + e) with |e| ≤ γ_K (|rhs| + |L|ᵀ|ŷ|),
 * K = N + max over edge pairs of their cost. With b = (I − |L|ᵀ)⁻¹|rhs| (so |y| ≤ b and
 * b = |rhs| + |L|ᵀb) and δ = ŷ − y: |δ| ≤ (I − |L|ᵀ)⁻¹|e| ≤ γ_K (I − |L|ᵀ)⁻¹(b + |L|ᵀ|δ|), whose least
 * solution is d = γ_K (I − (1 + γ_K)|L|ᵀ)⁻¹ b — no first-order truncation. Underflow, which the
 * relative model misses (each rounding may also err by 2⁻¹⁰⁷⁵ absolutely), adds K·2⁻¹⁰⁷⁴ per element
 * to the right-hand side γ_K b.
 *
 * The bound is about binary64 only: whoever compares ŷ with a decimal solution adds that solution's
 * own error. It is computed with this folder's dense matrices and elimination.
 *
 * @see spec/04-system.md#system.solver
 */
import type { SystemCase } from "../../reference/case.js";
import { assertNever } from "../../reference/errors.js";
import type { Decimal, DecimalContext } from "../decimal.js";
import { dshape, fromElements, type DShape, type DTensor } from "../dtensor.js";
import { assembleSystem } from "./assemble-system.js";
import { buildMatrix, entry } from "./dense-matrix.js";
import { gaussSolve } from "./gauss.js";
import type { DOperator } from "./read-operator.js";
import { readOperator } from "./read-operator.js";
import { shapeSize } from "./shape.js";

/** Roundings on any element's path when the operator or its adjoint is applied in binary64. */
export function operatorCost(op: DOperator): number {
  const size = (t: DTensor): number => shapeSize(dshape(t));
  const sides = (t: DTensor): number => dshape(t).reduce((s: number, d: number) => s + d, 0);
  switch (op.op) {
    case "identity":
    case "zero":
    case "transpose":
      return 0;
    case "scale":
    case "hadamard":
      return 1;
    case "left":
    case "right": // inner products of length ≤ rows + columns of the matrix, for the map and its adjoint
      return sides(op.matrix);
    case "kron": // B X Aᵀ and Bᵀ Y A: two products
      return sides(op.a) + sides(op.b);
    case "dot":
    case "outer": // ⟨G, ·⟩ one way, c·G the other
      return size(op.matrix);
    case "compose":
      return op.of.reduce((s, o) => s + operatorCost(o), 0);
    case "sum":
      return Math.max(...op.of.map(operatorCost)) + op.of.length;
    case "adjoint":
      return operatorCost(op.of);
    default:
      return assertNever(op);
  }
}

export interface BackSubstitutionBound {
  /** d per unknown: the bound on |ŷ − y|, elementwise. */
  readonly bound: Readonly<Record<string, DTensor>>;
  /** b per unknown: (I − |L|ᵀ)⁻¹|rhs|, the scale of the solution (|y| ≤ b). */
  readonly scale: Readonly<Record<string, DTensor>>;
  /** K, the roundings per element (γ_K is the unit of the bound). */
  readonly roundings: number;
}

export function backSubstitutionBound(c: SystemCase, D: DecimalContext): BackSubstitutionBound {
  const abs = assembleSystem(c, D, { magnitudes: true }); // I − |L| and |rhs|
  const n = abs.rhs.length;
  const index = new Map(abs.ids.map((id, k) => [id, k]));
  const pairCost = new Map<string, { cost: number; count: number }>();
  for (const e of c.system.edges) {
    const key = `${index.get(e.from)}→${index.get(e.to)}`;
    const prev = pairCost.get(key) ?? { cost: 0, count: 0 };
    pairCost.set(key, { cost: Math.max(prev.cost, operatorCost(readOperator(D, e.operator))), count: prev.count + 1 });
  }
  // Parallel edges are summed (system.repeated-argument): the max cost plus one rounding per summand.
  const K = abs.ids.length + Math.max(0, ...[...pairCost.values()].map((p) => p.cost + p.count));
  const u = new D(2).pow(-53);
  const gamma = u.times(K).div(new D(1).minus(u.times(K)));
  const transposed = buildMatrix(n, n, (i, j) => entry(abs.matrix, j, i)); // (I − |L|)ᵀ
  const b = gaussSolve(transposed, abs.rhs);
  // (I − (1 + γ)|L|)ᵀ: the off-diagonal entries −|L| scaled by 1 + γ.
  const grown = buildMatrix(n, n, (i, j) => (i === j ? entry(transposed, i, j) : entry(transposed, i, j).times(gamma.plus(1))));
  const underflow = new D(2).pow(-1074).times(K);
  const d = gaussSolve(grown, b.map((x) => x.times(gamma).plus(underflow)));
  const split = (v: readonly Decimal[]): Record<string, DTensor> =>
    Object.fromEntries(abs.ids.map((id, k) => {
      const s = abs.shapes[k] as DShape;
      const at = abs.offsets[k] as number;
      return [id, fromElements(s, v.slice(at, at + shapeSize(s)))];
    }));
  return { bound: split(d), scale: split(b), roundings: K };
}
