/**
 * The solution of a system case from its dense vec'd matrix: assemble I − L in decimals
 * (assemble-system.ts), form the transpose (I − L)ᵀ as a matrix — the vec'd form of (I − L)ᵀ•,
 * since the adjoint of a matrix map is its transpose — and solve (I − L)ᵀ y = rhs by Gaussian
 * elimination with partial pivoting (gauss.ts). No back substitution over operators and no adjoint
 * rule is involved.
 *
 * Order of the unknowns: (I − L)ᵀ is upper triangular, and elimination with partial pivoting on an
 * upper triangular matrix eliminates nothing — it degenerates into scalar back substitution. By
 * default the unknowns' vec entries are therefore taken in reverse order (P(I − L)ᵀP with the
 * reversal P, which is lower triangular), so that elimination really runs, with row exchanges
 * wherever an edge entry outweighs the unit diagonal: a different algorithm from the one judged.
 *
 * @see spec/04-system.md#system.solution
 * @see spec/02-operators.md#law.block
 */
import type { SystemCase } from "../../reference/case.js";
import type { Decimal, DecimalContext } from "../decimal.js";
import { fromElements, type DShape, type DTensor } from "../dtensor.js";
import { assembleSystem, type AssembleOptions } from "./assemble-system.js";
import { buildMatrix, entry } from "./dense-matrix.js";
import { gaussSolve, type GaussStats } from "./gauss.js";
import { shapeSize } from "./shape.js";

export interface DenseSolveOptions extends AssembleOptions {
  /** `"reversed"` (default) or `"natural"`: the order of the vec entries handed to elimination. */
  readonly order?: "reversed" | "natural";
  /** Filled with the elimination's row exchanges and row updates, if given. */
  readonly stats?: GaussStats;
}

export interface DenseSolveResult {
  readonly solution: Readonly<Record<string, DTensor>>;
}

export function denseSolve(c: SystemCase, D: DecimalContext, options: DenseSolveOptions = {}): DenseSolveResult {
  const sys = assembleSystem(c, D, options);
  const n = sys.rhs.length;
  const p = (i: number): number => (options.order === "natural" ? i : n - 1 - i);
  // Row i, column j of P (I − L)ᵀ P is entry (p(j), p(i)) of I − L.
  const A = buildMatrix(n, n, (i, j) => entry(sys.matrix, p(j), p(i)));
  const z = gaussSolve(A, sys.rhs.map((_, i) => sys.rhs[p(i)] as Decimal), options.stats);
  const y = z.map((_, i) => z[p(i)] as Decimal); // p is an involution
  return {
    solution: Object.fromEntries(
      sys.ids.map((id, k) => {
        const s = sys.shapes[k] as DShape;
        const at = sys.offsets[k] as number;
        return [id, fromElements(s, y.slice(at, at + shapeSize(s)))];
      }),
    ),
  };
}
