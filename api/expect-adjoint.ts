/**
 * `expectAdjoint`: {@link checkAdjoint} as a one-line assertion.
 *
 * @see spec/02-operators.md#law.adjoint-identity
 */
import { checkAdjoint, type AdjointCheckResult, type AdjointShapes, type CheckAdjointOptions } from "./check-adjoint.js";
import { assertOk } from "./check-failed-error.js";
import type { Value } from "./value.js";

/**
 * Asserts the dot-product test ⟨A u, v⟩ = ⟨u, Aᵀ v⟩ ({@link checkAdjoint}).
 *
 * @returns the result when ok; throws {@link CheckFailedError} naming the trial, both sides, the error and the allowance otherwise.
 *
 * @example
 * ```ts
 * import { expectAdjoint } from "backslash-ad/vitest";
 *
 * const A = [[1, 2], [3, 4], [5, 6]];
 * expectAdjoint(
 *   (x: number[]) => A.map((row) => row[0]! * x[0]! + row[1]! * x[1]!),
 *   (y: number[]) => [0, 1].map((j) => A.reduce((s, row, i) => s + row[j]! * y[i]!, 0)),
 *   { domain: [2], codomain: [3] },
 * );
 * ```
 *
 * @see spec/02-operators.md#law.adjoint-identity
 */
export function expectAdjoint<X extends Value, Y extends Value>(
  apply: (x: X) => Value | ArrayLike<number>,
  applyAdjoint: (y: Y) => Value | ArrayLike<number>,
  shapes: AdjointShapes,
  options: CheckAdjointOptions = {},
): AdjointCheckResult {
  return assertOk(checkAdjoint(apply, applyAdjoint, shapes, options));
}
