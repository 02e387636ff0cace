/**
 * Oracles: truth that does not depend on the code it judges. Explicit named exports only.
 *
 * @see spec/07-tolerance.md#tol.purpose
 */
export { DEFAULT_PRECISION, Decimal, decimalContext, exact, hexFloat, type DecimalContext } from "./decimal.js";
export type { DMatrix, DShape, DTensor } from "./dtensor.js";
export { delements, dshape, fromNumbers, toNumbers } from "./dtensor.js";
// 1. Arbitrary precision
export type { Field, FMatrix, FTensor } from "./field/field.js";
export { decimalField } from "./field/decimal-field.js";
export { float64Field } from "./field/float64-field.js";
export { evaluateGraph } from "./evaluate-graph.js";
export { highPrecisionGradient, type HpGradient, type HpGradientOptions } from "./hp-gradient.js";
export { directionalDerivative, type Directional, type DirectionalOptions } from "./hp-directional.js";
export { denseSolve, operatorCaseDense, operatorMatrix, type DenseMatrix } from "./materialize/index.js";
// 2. Finite differences in float64
export { float64Objective, type Float64Objective } from "./float64-objective.js";
export {
  checkDirectional,
  checkGradient,
  checkPartial,
  taylorTest,
  type DerivativeCheck,
  type FdOptions,
  type FdVerdict,
  type GradientCheck,
  type TaylorResult,
} from "./fd/index.js";
// 3. Forward mode, 4. path sums
export { dotProductTest, forwardMode, type DotProductTest, type ForwardModeResult } from "./forward-mode.js";
export { pathSumGradient, type PathSumResult } from "./path-sums.js";
// 5. Error-bound scale and the tolerance model
export {
  allowance,
  errorScale,
  KAPPA,
  operatorErrorScale,
  PRECISION,
  systemErrorScale,
  tolerance,
  type Allowance,
  type ErrorScale,
  type PrecisionClass,
} from "./bound/index.js";
