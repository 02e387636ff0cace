/**
 * The system matrix (I − L): dense N×N, operator entries. Entry (i, j) below the diagonal is
 * −L_ij, the negated edge weight from unknown j to unknown i (zero where there is no edge);
 * the diagonal is 𝓘. Dense and O(N²) on purpose: it is the matrix the paper draws.
 *
 * @see spec/04-system.md#system.edges
 */
import * as O from "./operator.js";
import type { Operator } from "./operator.js";
import type { Shape } from "./tensor.js";

/** One edge weight L[to][from]. Several edges between the same pair add up. */
export interface Edge {
  readonly from: number;
  readonly to: number;
  readonly operator: Operator;
}

/** I − L for unknowns of the given shapes and the given edges (from < to). */
export function systemMatrix(shapes: readonly Shape[], edges: readonly Edge[]): Operator[][] {
  return shapes.map((codomain, i) =>
    shapes.map((domain, j): Operator => {
      if (i === j) return O.identity;
      const weights = edges.filter((e) => e.to === i && e.from === j).map((e) => e.operator);
      const [first, ...more] = weights;
      if (first === undefined) return O.zero(domain, codomain);
      // @see spec/04-system.md#system.repeated-argument
      // Stryker disable next-line ConditionalExpression: equivalent — a sum of one operator applies, and its adjoint applies, exactly as the operator (no addition happens)
      return O.compose(O.scale(-1), more.length === 0 ? first : O.sum(first, ...more));
    }),
  );
}
