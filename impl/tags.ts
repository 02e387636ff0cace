/**
 * Small integer tags for the hot loops: one per primitive (the node's forward kernel) and one per
 * edge kind (the operator an edge of L holds, by primitive and argument position). Kernels
 * dispatch with a `switch` on these, never on strings or operator objects.
 *
 * Conventions: `op` is a primitive tag, `q` an argument position, `EDGE.*` an edge tag.
 *
 * @see spec/03-primitives.md#prim.linearization
 */
import { PRIMITIVE_NAMES, RULES, type PrimitiveName } from "../reference/index.js";

/** The primitive tag: the index of the name in the spec's order. */
export const primitiveTag = (name: PrimitiveName): number => PRIMITIVE_NAMES.indexOf(name);

export const PRIM = {
  add: 0, sub: 1, neg: 2, mul: 3, div: 4, scale: 5, matmul: 6, transpose: 7, sum: 8, dot: 9, trace: 10,
  exp: 11, log: 12, sin: 13, cos: 14, tanh: 15, sigmoid: 16, sqrt: 17, square: 18, relu: 19, pow: 20,
  inv: 21, logdet: 22,
} as const satisfies Record<PrimitiveName, number>;

/**
 * Edge tags: which operator `L_ij` is, named by the primitive and the argument it differentiates.
 * Each has an apply kernel (forward substitution) and an adjoint kernel (back substitution).
 */
export const EDGE = {
  /** 𝓘: add (both), sub (A). */
  IDENTITY: 0,
  /** scale(−1): sub (B), neg. */
  NEGATE: 1,
  /** ℋ(B) for mul's A; ℋ(A) for mul's B. */
  MUL_A: 2,
  MUL_B: 3,
  /** ℋ(𝟙 ⊘ B) / ℋ(−A ⊘ (B ⊙ B)). */
  DIV_A: 4,
  DIV_B: 5,
  /** outer(X) for scale's s; scale(s) for its X. */
  SCALE_S: 6,
  SCALE_X: 7,
  /** ℛ(B) for matmul's A; ℒ(A) for its B. */
  MATMUL_A: 8,
  MATMUL_B: 9,
  TRANSPOSE: 10,
  /** 𝟙ᵀ•. */
  SUM: 11,
  /** Bᵀ• for dot's A; Aᵀ• for its B. */
  DOT_A: 12,
  DOT_B: 13,
  /** I_nᵀ•. */
  TRACE: 14,
  // ℋ(h'.(A)) for the elementwise primitives, h' computed inside the kernel.
  EXP: 15,
  LOG: 16,
  SIN: 17,
  COS: 18,
  TANH: 19,
  SIGMOID: 20,
  SQRT: 21,
  SQUARE: 22,
  RELU: 23,
  POW: 24,
  /** −ℒ(C)∘ℛ(C). */
  INV: 25,
  /** (A⁻ᵀ)ᵀ•. */
  LOGDET: 26,
} as const;

const ELEMENTWISE_EDGE: Readonly<Partial<Record<PrimitiveName, number>>> = {
  exp: EDGE.EXP, log: EDGE.LOG, sin: EDGE.SIN, cos: EDGE.COS, tanh: EDGE.TANH, sigmoid: EDGE.SIGMOID,
  sqrt: EDGE.SQRT, square: EDGE.SQUARE, relu: EDGE.RELU, pow: EDGE.POW,
};

/** The edge tag of argument position `q` of primitive `name`. @see spec/04-system.md#system.edges */
export function edgeTag(name: PrimitiveName, q: number): number {
  switch (name) {
    case "add": return EDGE.IDENTITY;
    case "sub": return q === 0 ? EDGE.IDENTITY : EDGE.NEGATE;
    case "neg": return EDGE.NEGATE;
    case "mul": return q === 0 ? EDGE.MUL_A : EDGE.MUL_B;
    case "div": return q === 0 ? EDGE.DIV_A : EDGE.DIV_B;
    case "scale": return q === 0 ? EDGE.SCALE_S : EDGE.SCALE_X;
    case "matmul": return q === 0 ? EDGE.MATMUL_A : EDGE.MATMUL_B;
    case "transpose": return EDGE.TRANSPOSE;
    case "sum": return EDGE.SUM;
    case "dot": return q === 0 ? EDGE.DOT_A : EDGE.DOT_B;
    case "trace": return EDGE.TRACE;
    case "inv": return EDGE.INV;
    case "logdet": return EDGE.LOGDET;
    default: return ELEMENTWISE_EDGE[name] as number;
  }
}

/** Edge tags by primitive tag and argument position (−1 past the arity), for the forward sweep. */
export const EDGE_OF_PRIM: readonly (readonly [number, number])[] = PRIMITIVE_NAMES.map((name) => {
  return [edgeTag(name, 0), RULES[name].arity === 2 ? edgeTag(name, 1) : -1] as const;
});
