/**
 * The reference interpreter: clarity, not speed. Explicit named exports only.
 */
export type { Case, CaseFile, GraphCase, OperatorCase, RawOperator, RawTensor, SystemCase } from "./case.js";
export { expectsError } from "./case.js";
export { ERROR_CODES, SpecError, fail, formatPointer, locate, type ErrorCode, type ErrorLocation } from "./errors.js";
export type { Matrix, Shape, Tensor } from "./tensor.js";
export { elements, formatShape, sameShape, shapeOf } from "./tensor.js";
export { parseNumber, parseTensor, parseShape, declaredShapeProblem, MAX_DECLARED_ELEMENTS } from "./number.js";
export type { Operator, OperatorKind } from "./operator.js";
export { OPERATOR_KINDS } from "./operator.js";
export { apply } from "./operator-apply.js";
export { adjoint } from "./operator-adjoint.js";
export { parseOperator } from "./operator-parse.js";
export { formatOperator } from "./operator-format.js";
export { PRIMITIVE_NAMES, RULES, type PrimitiveName, type Rule } from "./primitives.js";
export type { Domain, Kink } from "./domain.js";
export { solveTriangular, type Algebra } from "./solve.js";
export { numberAlgebra, operatorAlgebra, compositionAlgebra } from "./algebra.js";
export { readGraph, type Program } from "./graph.js";
export { evaluate } from "./evaluate.js";
export { linearize, live } from "./linearize.js";
export { systemMatrix, type Edge } from "./system.js";
export { cotangentOf, gradient, type GradientResult } from "./gradient.js";
export { jvp, type JvpResult } from "./jvp.js";
export { solve, type SolveResult } from "./system-case.js";
export { applyCase, type ApplyResult } from "./operator-case.js";
export { reference, type Backend } from "./backend.js";
