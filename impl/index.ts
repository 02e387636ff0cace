/**
 * The optimized implementation: compiled plans over typed arrays. Explicit named exports only.
 */
export { impl } from "./backend.js";
export { compile, planOf, GraphPlan } from "./graph-plan.js";
export { GraphBuilder, type Handle, type BuildOptions } from "./graph-builder.js";
export { compileProgram, type CompiledGraph, type CompileOptions } from "./compile-graph.js";
export { fromProgram, type CompactProgram } from "./compact-program.js";
export type { GraphCode } from "./graph-code.js";
export { gradient, jvp, type GradientResult, type JvpResult } from "./graph-case.js";
export { solve, type SolveResult } from "./system-case.js";
export { applyCase, type ApplyResult } from "./operator-case.js";
export { OperatorCode, OPK } from "./operator-code.js";
export { runOperator } from "./operator-run.js";
export { gemmNN, gemmNT, gemmTN, jsMatmul, type Matmul } from "./kernels-matmul.js";
export { WasmMatmul, wasmAvailable, WASM_MIN_VOLUME } from "./gemm-wasm.js";
export { newArena, type Arena, type MatmulChoice } from "./arena.js";
export { EDGE, PRIM, edgeTag } from "./tags.js";
export { SlotAllocator } from "./slots.js";
