/**
 * The tolerance model: error-bound scales and per-element allowances. Explicit named exports only.
 *
 * @see spec/07-tolerance.md
 */
export { absOperator } from "./abs-operator.js";
export { BOUND_RULES, type BoundInputs, type BoundRule } from "./bound-rules.js";
export { errorScale, type ErrorScale } from "./error-scale.js";
export { operatorCount } from "./operator-count.js";
export { operatorErrorScale, type OperatorErrorScale } from "./operator-error-scale.js";
export { systemErrorScale, type SystemErrorScale } from "./system-error-scale.js";
export { PRECISION, type PrecisionClass, type PrecisionParameters } from "./precision-class.js";
export { allowance, KAPPA, tolerance, type Allowance } from "./tolerance.js";
export { withinAllowance } from "./within-allowance.js";
