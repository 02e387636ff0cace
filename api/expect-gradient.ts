/**
 * `expectGradient`: {@link checkGradient} and {@link checkGradientTfjs} as one-line assertions that
 * throw a {@link CheckFailedError} carrying the check's message when the result is not ok.
 *
 * @see spec/04-system.md#system.gradient
 */
import { assertOk } from "./check-failed-error.js";
import { checkGradient } from "./check-gradient.js";
import type { CheckGradientOptions } from "./check-gradient-options.js";
import { checkGradientTfjs, type CheckGradientTfjsOptions } from "./check-gradient-tfjs.js";
import type { GradientCheckResult } from "./gradient-report.js";
import type { Value } from "./value.js";

/** The shape of {@link expectGradient}: a function for any AD, and `.tfjs` for TensorFlow.js. */
export interface ExpectGradient {
  /**
   * Asserts that `options.gradient` is the gradient of `f` at `inputs` ({@link checkGradient}).
   *
   * @returns the result when ok; throws {@link CheckFailedError} otherwise.
   */
  <I extends readonly Value[]>(f: (...inputs: I) => number, inputs: I, options: CheckGradientOptions<I>): GradientCheckResult;
  /**
   * Asserts that `tf.grads(f)` is the gradient of the tfjs function `f` at `inputs`
   * ({@link checkGradientTfjs}; float32 by default).
   *
   * @returns a promise of the result when ok; rejects with {@link CheckFailedError} otherwise.
   */
  tfjs: (...args: Parameters<typeof checkGradientTfjs>) => Promise<GradientCheckResult>;
}

/**
 * Gradient assertions for tests. With your own AD, `expectGradient(f, inputs, { gradient })`;
 * with TensorFlow.js, `await expectGradient.tfjs(f, inputs)`. INCONCLUSIVE passes unless
 * `{ inconclusive: "fail" }`; the defaults are those of {@link CheckGradientOptions}.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { it } from "vitest";
 * import { expectGradient } from "backslash-ad/vitest";
 *
 * it("tanh of a product has the right gradient", async () => {
 *   const x = tf.tensor2d([[0.1, -0.4], [0.7, 0.2]]);
 *   const w = tf.tensor2d([[0.5], [-0.3]]);
 *   await expectGradient.tfjs((x, w) => tf.sum(tf.tanh(tf.matMul(x, w))), [x, w], { tf });
 * });
 * ```
 */
export const expectGradient: ExpectGradient = Object.assign(
  <I extends readonly Value[]>(f: (...inputs: I) => number, inputs: I, options: CheckGradientOptions<I>): GradientCheckResult =>
    assertOk(checkGradient(f, inputs, options)),
  {
    tfjs: async (...args: [Parameters<typeof checkGradientTfjs>[0], Parameters<typeof checkGradientTfjs>[1], CheckGradientTfjsOptions?]) =>
      assertOk(await checkGradientTfjs(...args)),
  },
);

