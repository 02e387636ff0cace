/**
 * What the transpose-dot laws need around one operator case (𝓐: S → T at x, y): a second operator
 * 𝓑: S → T (linearity of adjoints), an operator 𝓒: R → S and a point r of R (reversal of 𝓐∘𝓒),
 * another point z of S and integers α, β (linearity). All data small integers, so the laws hold
 * exactly in binary64.
 *
 * @see spec/02-operators.md#law.adjoint-identity
 */
import fc from "fast-check";
import type { OperatorCase, RawOperator, RawShape, RawTensor } from "../../reference/case.js";
import { Choices, operatorBetween } from "./operator-between.js";
import { operatorSeed, type OperatorCaseOptions } from "./operator-case.js";

export interface OperatorLawCase {
  /** 𝓐 at x (shape S) and y (shape T). */
  readonly case: OperatorCase;
  readonly shapes: { readonly S: RawShape; readonly T: RawShape; readonly R: RawShape };
  /** 𝓑: S → T. */
  readonly other: RawOperator;
  /** 𝓒: R → S. */
  readonly inner: RawOperator;
  /** A point of R. */
  readonly r: RawTensor;
  /** A second point of S. */
  readonly z: RawTensor;
  readonly alpha: number;
  readonly beta: number;
}

export function operatorLawCase(options: OperatorCaseOptions = {}): fc.Arbitrary<OperatorLawCase> {
  const { maxSide = 3, depth = 2 } = options;
  return fc
    .record({ seed: operatorSeed, alpha: fc.integer({ min: -3, max: 3 }), beta: fc.integer({ min: -3, max: 3 }) })
    .map(({ seed, alpha, beta }): OperatorLawCase => {
      const ch = new Choices(seed.choices, seed.pool, maxSide);
      const S = ch.shape();
      const T = ch.shapeLike(S);
      const R = ch.shapeLike(S);
      const operator = operatorBetween(S, T, ch, depth);
      const c: OperatorCase = { id: "random.operator", description: "a random operator with a point of its domain and one of its codomain", kind: "operator", operator, x: ch.tensor(S), y: ch.tensor(T) };
      return { case: c, shapes: { S, T, R }, other: operatorBetween(S, T, ch, depth), inner: operatorBetween(R, S, ch, depth), r: ch.tensor(R), z: ch.tensor(S), alpha, beta };
    });
}
