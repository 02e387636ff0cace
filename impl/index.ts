/**
 * The optimized implementation: compiled plans over typed arrays. Explicit named exports only.
 */
export { impl } from "./backend.js";
export { compile, GraphPlan } from "./graph-plan.js";
export { compileProgram, type CompiledGraph } from "./compile-graph.js";
export type { GraphCode } from "./graph-code.js";
export { gradient, jvp, type GradientResult, type JvpResult } from "./graph-case.js";
export { solve, type SolveResult } from "./system-case.js";
export { applyCase, type ApplyResult } from "./operator-case.js";
export { OperatorCode, OPK } from "./operator-code.js";
export { runOperator } from "./operator-run.js";
export { gemmNN, gemmNT, gemmTN } from "./kernels-matmul.js";
export { EDGE, PRIM, edgeTag } from "./tags.js";
export { SlotAllocator } from "./slots.js";
