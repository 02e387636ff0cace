/**
 * One-line gradient and adjoint assertions for tests: `backslash-ad/vitest`. Each runs the
 * corresponding check and throws a {@link CheckFailedError} carrying the check's message (the
 * element, the gradient under test, the oracle's estimate, the allowance, the seed) when it is not
 * ok; on success it returns the result for further assertions.
 *
 * Nothing here imports vitest or a framework: the assertions throw plain errors, so they work
 * under vitest (the package is TypeScript, run with tsx or vitest), node:test or any runner, and
 * `expectGradient.tfjs` imports `@tensorflow/tfjs` only when it runs without a `tf` option.
 *
 * @see spec/04-system.md#system.gradient
 */
export { CheckFailedError } from "./check-failed-error.js";
export { expectAdjoint } from "./expect-adjoint.js";
export { expectGradient, type ExpectGradient } from "./expect-gradient.js";
