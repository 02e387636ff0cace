/**
 * backslash-ad as a library for your own tests: gradient checks against this project's oracles
 * (finite differences with PASS / FAIL / INCONCLUSIVE verdicts and the Taylor test, tolerances by
 * precision class) and the dot-product test of an adjoint. The package is TypeScript run with tsx
 * or vitest (no build step): `import { checkGradient } from "backslash-ad"`. One-line assertions
 * are in `backslash-ad/vitest`. Explicit named exports only.
 *
 * @see spec/07-tolerance.md#tol.precision
 */
export { checkGradient } from "./check-gradient.js";
export { CHECK_GRADIENT_DEFAULTS, type CheckGradientOptions, type Gradients } from "./check-gradient-options.js";
export { checkGradientTfjs, type CheckGradientTfjsOptions, type TfNamespace } from "./check-gradient-tfjs.js";
export type {
  DirectionReport,
  ElementReport,
  FdEvidence,
  GradientCheckResult,
  InputReport,
  JudgedValue,
  TaylorOpinion,
} from "./gradient-report.js";
export {
  checkAdjoint,
  CHECK_ADJOINT_DEFAULTS,
  type AdjointCheckResult,
  type AdjointMismatch,
  type AdjointShapes,
  type AdjointTrial,
  type CheckAdjointOptions,
} from "./check-adjoint.js";
export type { Shaped, Value } from "./value.js";
export type { FdReason, FdVerdict } from "../oracles/fd/index.js";
export type { PrecisionClass } from "../oracles/bound/index.js";
