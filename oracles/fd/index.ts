/**
 * Finite differences in float64 on plain functions f: Float64Array → number: per-element,
 * whole-gradient and directional checks with PASS / FAIL / INCONCLUSIVE verdicts and their
 * evidence, and the Taylor-remainder test. Independent of graphs, of the reference and of impl/.
 * Explicit named exports only.
 *
 * @see spec/04-system.md#system.gradient
 */
export { checkDirectional } from "./check-directional.js";
export { checkGradient, type GradientCheck } from "./check-gradient.js";
export { checkPartial } from "./check-partial.js";
export { derivativeSweep, type DerivativeSweep, type Line, type SweepRow } from "./derivative-sweep.js";
export { evaluateSafely, type ForwardFunction, type SafeValue } from "./evaluate-safely.js";
export { FD_DEFAULTS, resolveFdOptions, type FdOptions, type ResolvedFdOptions } from "./fd-options.js";
export { combineVerdicts, type FdVerdict } from "./fd-verdict.js";
export { fitSlope } from "./fit-slope.js";
export { judgeSweep, type DerivativeCheck, type FdReason, type FdWindow } from "./judge-sweep.js";
export { randomSmoothFunction, type SmoothProblem } from "./random-smooth-function.js";
export { seededRandom } from "./seeded-random.js";
export { taylorTest, type TaylorOptions, type TaylorResult, type TaylorRow } from "./taylor-test.js";
