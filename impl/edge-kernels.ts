/**
 * One entry point for the edges of a compiled graph: the operator L_ij of node i's argument j,
 * applied (forward substitution) or its adjoint applied (back substitution), accumulated into
 * `dst`. The switch is on a small integer tag; every case is its spec line's operator.
 *
 * Conventions: node i is unknown u = nsrc + i with arguments A (arg0) and B (arg1) and value C;
 * `src` is ȳ_u (adjoint) or ẋ_j (forward), `dst` is ȳ_j or ẋ_u. All offsets are into `x`.
 *
 * @see spec/04-system.md#system.reverse
 * @see spec/04-system.md#system.forward
 */
import type { GraphCode } from "./graph-code.js";
import { hadamardEdge } from "./kernels-elementwise.js";
import { invEdge, logdetEdge } from "./kernels-linalg.js";
import type { Matmul } from "./kernels-matmul.js";
import {
  identityAcc, inner, innerIdentity, outerAcc, outerIdentityAcc, outerOnesAcc, scaleAcc, sumOf, transposeAcc,
} from "./kernels-structural.js";
import type { EDGE } from "./tags.js";

/** Case labels are literals checked against tags.ts by `satisfies`: a jump table, no property loads (see sweeps-scalar.ts). */
type E = typeof EDGE;

export function runEdge(g: GraphCode, x: Float64Array, mm: Matmul, tag: number, adjoint: boolean, i: number, dst: number, src: number): void {
  const u = g.nsrc + i;
  const A = g.arg0[i]!;
  const B = g.arg1[i]!;
  const a = g.valOff[A]!;
  const c = g.valOff[u]!;
  const n = g.size[u]!;
  switch (tag) {
    case (0 satisfies E["IDENTITY"]): // 𝓘  @see spec/03-primitives.md#prim.add.linearize
      return identityAcc(x, dst, src, n);
    case (1 satisfies E["NEGATE"]): // scale(−1)  @see spec/03-primitives.md#prim.sub.linearize
      return scaleAcc(x, -1, dst, src, n);
    case (2 satisfies E["MUL_A"]): case (3 satisfies E["MUL_B"]): case (4 satisfies E["DIV_A"]): case (5 satisfies E["DIV_B"]):
    case (15 satisfies E["EXP"]): case (16 satisfies E["LOG"]): case (17 satisfies E["SIN"]): case (18 satisfies E["COS"]): case (19 satisfies E["TANH"]): case (20 satisfies E["SIGMOID"]):
    case (21 satisfies E["SQRT"]): case (22 satisfies E["SQUARE"]): case (23 satisfies E["RELU"]): case (24 satisfies E["POW"]):
      // ℋ(D), self-adjoint.  @see spec/03-primitives.md#prim.elementwise
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (true, B > 0) — b is read only by the MUL_A, DIV_A and DIV_B edges of two-argument nodes (B ≥ 0), and valOff[0] = 0
      return hadamardEdge(tag, x, dst, src, a, B >= 0 ? g.valOff[B]! : 0, c, n, g.attr[i] ?? 0);
    case (6 satisfies E["SCALE_S"]): { // outer(X); adjoint dot(X)  @see spec/03-primitives.md#prim.scale.linearize
      const X = g.valOff[B]!;
      if (adjoint) x[dst] = x[dst]! + inner(x, X, src, n, g.rows[u] === 0);
      else outerAcc(x, x[src]!, dst, X, n);
      return;
    }
    case (7 satisfies E["SCALE_X"]): // scale(s), self-adjoint
      return scaleAcc(x, x[a]!, dst, src, n);
    case (8 satisfies E["MATMUL_A"]): { // ℛ(B): Ȧ B; adjoint ℛ(Bᵀ): Ȳ Bᵀ  @see spec/03-primitives.md#prim.matmul.linearize
      const m = g.rows[A]!, k = g.cols[A]!, p = g.cols[B]!;
      if (adjoint) mm.nt(x, m, k, p, 1, src, g.valOff[B]!, dst);
      else mm.nn(x, m, p, k, 1, src, g.valOff[B]!, dst);
      return;
    }
    case (9 satisfies E["MATMUL_B"]): { // ℒ(A): A Ḃ; adjoint ℒ(Aᵀ): Aᵀ Ȳ
      const m = g.rows[A]!, k = g.cols[A]!, p = g.cols[B]!;
      if (adjoint) mm.tn(x, k, p, m, 1, a, src, dst);
      else mm.nn(x, m, p, k, 1, a, src, dst);
      return;
    }
    case (10 satisfies E["TRANSPOSE"]): { // 𝒯, self-adjoint  @see spec/03-primitives.md#prim.transpose.linearize
      const m = Math.max(1, g.rows[A]!), k = Math.max(1, g.cols[A]!);
      if (adjoint) transposeAcc(x, dst, src, k, m);
      else transposeAcc(x, dst, src, m, k);
      return;
    }
    case (11 satisfies E["SUM"]): // 𝟙ᵀ•; adjoint outer(𝟙)  @see spec/03-primitives.md#prim.sum.linearize
      if (adjoint) outerOnesAcc(x, x[src]!, dst, g.size[A]!);
      // Stryker disable next-line ConditionalExpression: equivalent (false) — 0 + t differs from t only for t = −0, and it is added to ẋ_u, which tangentSweep zero-fills (+0) just before: +0 + −0 = +0 + +0
      else x[dst] = x[dst]! + sumOf(x, src, g.size[A]!, g.rows[A] === 0);
      return;
    case (12 satisfies E["DOT_A"]): case (13 satisfies E["DOT_B"]): { // Bᵀ• / Aᵀ•; adjoint outer(B) / outer(A)  @see spec/03-primitives.md#prim.dot.linearize
      const G = tag === (12 satisfies E["DOT_A"]) ? g.valOff[B]! : a;
      if (adjoint) outerAcc(x, x[src]!, dst, G, g.size[A]!);
      // Stryker disable next-line ConditionalExpression: equivalent (false) — 0 + t differs from t only for t = −0, and it is added to ẋ_u, which tangentSweep zero-fills (+0) just before: +0 + −0 = +0 + +0
      else x[dst] = x[dst]! + inner(x, G, src, g.size[A]!, g.rows[A] === 0);
      return;
    }
    case (14 satisfies E["TRACE"]): // I_nᵀ•; adjoint outer(I_n)  @see spec/03-primitives.md#prim.trace.linearize
      if (adjoint) outerIdentityAcc(x, x[src]!, dst, g.rows[A]!);
      else x[dst] = x[dst]! + innerIdentity(x, src, g.rows[A]!);
      return;
    case (25 satisfies E["INV"]): // −ℒ(C)∘ℛ(C)  @see spec/03-primitives.md#prim.inv.linearize
      return invEdge(x, adjoint, g.rows[A]!, c, src, dst, g.scratch[2]);
    case (26 satisfies E["LOGDET"]): // (A⁻ᵀ)ᵀ•  @see spec/03-primitives.md#prim.logdet.linearize
      return logdetEdge(x, adjoint, g.rows[A]!, a, src, dst, g.scratch[0], g.scratch[1]);
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: tags come from EDGE_OF_PRIM, each with its case
    default:
      throw new Error(`internal: unknown edge tag ${tag}`);
  }
}
