/**
 * Arbitraries for property tests: random graph, kink-graph, operator and system cases built
 * index-wise so that fast-check shrinks them to minimal cases. Explicit named exports only.
 */
export { smoothGraphCase, SMOOTH_PRIMITIVES } from "./smooth-graph.js";
export { graphCase, type GraphCaseOptions } from "./graph-case.js";
export { kinkGraphCase, EXACT_PRIMITIVES, type KinkGraphOptions } from "./kink-graph-case.js";
export { exactGradient } from "./exact-gradient.js";
export { dualField, type Dual } from "./dual-field.js";
export { POW_EXPONENTS } from "./recipes.js";
export { guardArgument } from "./guards.js";
export { operatorBetween, Choices } from "./operator-between.js";
export { operatorCase, type OperatorCaseOptions } from "./operator-case.js";
export { operatorLawCase, type OperatorLawCase } from "./operator-law-case.js";
export { blockSystemCase, type BlockSystemOptions } from "./block-system-case.js";
export { directionFor, directionInts } from "./direction.js";
export { randomSystemCase, type RandomSystemOptions } from "../../oracles/materialize/random-system-case.js";
