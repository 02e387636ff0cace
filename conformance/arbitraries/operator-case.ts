/**
 * Random operator cases: an operator of any kind between two random shapes (operator-between.ts),
 * with a point `x` of its domain and a point `y` of its codomain, all data small integers in
 * [−4, 4] so that applying an operator and its adjoint is exact in binary64 and the laws of
 * chapter 2 hold exactly, not only up to rounding.
 *
 * @see spec/05-cases.md#case.operator
 * @see spec/02-operators.md#law.arithmetic
 */
import fc from "fast-check";
import type { OperatorCase } from "../../reference/case.js";
import { Choices, operatorBetween } from "./operator-between.js";

export interface OperatorCaseOptions {
  /** Largest matrix side (default 3). */
  readonly maxSide?: number;
  /** Levels of compose, sum and adjoint (default 2). */
  readonly depth?: number;
}

/** The record every operator arbitrary is built from: a stream of choices and a pool of integers. */
export const operatorSeed = fc.record({
  choices: fc.array(fc.nat(), { maxLength: 32 }),
  pool: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 32 }),
});

/** Random operator cases with `y` (so both `apply` and `adjoint` are asked). */
export function operatorCase(options: OperatorCaseOptions = {}): fc.Arbitrary<OperatorCase> {
  const { maxSide = 3, depth = 2 } = options;
  return operatorSeed.map(({ choices, pool }): OperatorCase => {
    const ch = new Choices(choices, pool, maxSide);
    const S = ch.shape();
    const T = ch.shapeLike(S);
    const operator = operatorBetween(S, T, ch, depth);
    return { id: "random.operator", description: "a random operator with a point of its domain and one of its codomain", kind: "operator", operator, x: ch.tensor(S), y: ch.tensor(T) };
  });
}
