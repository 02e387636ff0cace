/**
 * One recipe per primitive: how a step picks its arguments (modulo the unknowns whose shapes fit)
 * and adds the node, every argument passing through a {@link Guard}. A missing primitive is a type
 * error. pow takes its exponent from the step's variant, among exponents that reach every branch of
 * its rule (integer, negative, fractional, 0 and 1).
 *
 * @see spec/03-primitives.md#prim.shapes
 */
import type { PrimitiveName } from "../../reference/index.js";
import type { Attributes } from "../../reference/primitives.js";
import { isScalarShape, isSquare, sameShape, transposed, type GraphBuilder, type Shape } from "./graph-builder.js";

/** One step of a graph recipe; every member is taken modulo whatever it chooses among. */
export interface Step {
  /** The primitive: 0 for none (the step is skipped), else 1 + an index into the arbitrary's primitive list. */
  readonly op: number;
  /** The first argument's pick. */
  readonly a: number;
  /** The second argument's pick. */
  readonly b: number;
  /** Signs of masks, pow's exponent, the sign of an invertible guard. */
  readonly variant: number;
}

/** Maps argument `k` of `p` to a value it may take (see guards.ts); `bits` chooses signs. */
export type Guard = (g: GraphBuilder, p: PrimitiveName, attributes: Attributes, k: number, a: string, bits: number) => string;
export type Recipe = (g: GraphBuilder, step: Step, guard: Guard) => void;

/** pow's exponents, the first (2) being where shrinking goes. @see spec/03-primitives.md#prim.pow */
export const POW_EXPONENTS = [2, 3, -1, 0.5, -2, 1.5, -1.5, 1 / 3, 0, 1] as const;

const isMatrix = (s: Shape): boolean => !isScalarShape(s);
const same = (s: Shape) => (t: Shape) => sameShape(s, t);

function unary(p: PrimitiveName, fit: (s: Shape) => boolean, result: (s: Shape) => Shape): Recipe {
  return (g, step, guard) => {
    const a = g.pick(step.a, fit);
    if (a !== undefined) g.node(p, [guard(g, p, {}, 0, a, step.variant)], result(g.shapeOf(a)));
  };
}

function binary(p: PrimitiveName, result: (s: Shape) => Shape): Recipe {
  return (g, step, guard) => {
    const a = g.pick(step.a) as string;
    const b = g.pick(step.b, same(g.shapeOf(a))) as string; // a itself fits
    g.node(p, [guard(g, p, {}, 0, a, step.variant), guard(g, p, {}, 1, b, step.variant)], result(g.shapeOf(a)));
  };
}

const all = (): boolean => true;
const keep = (s: Shape): Shape => s;
const scalar = (): Shape => [];
const elementwise = (p: PrimitiveName): Recipe => unary(p, all, keep);

export const RECIPES: Readonly<Record<PrimitiveName, Recipe>> = {
  add: binary("add", keep),
  sub: binary("sub", keep),
  neg: elementwise("neg"),
  mul: binary("mul", keep),
  div: binary("div", keep),
  scale: (g, step, guard) => {
    const s = g.pick(step.a, isScalarShape);
    const x = g.pick(step.b) as string;
    if (s !== undefined) g.node("scale", [guard(g, "scale", {}, 0, s, step.variant), guard(g, "scale", {}, 1, x, step.variant)], g.shapeOf(x));
  },
  matmul: (g, step, guard) => {
    const a = g.pick(step.a, isMatrix);
    if (a === undefined) return;
    const [m, k] = g.shapeOf(a) as readonly [number, number];
    // Some right factor always fits: aᵀ, added when no unknown has k rows.
    const b = g.pick(step.b, (s) => s.length === 2 && s[0] === k) ?? g.node("transpose", [a], [k, m]);
    const n = (g.shapeOf(b) as readonly [number, number])[1];
    g.node("matmul", [guard(g, "matmul", {}, 0, a, step.variant), guard(g, "matmul", {}, 1, b, step.variant)], [m, n]);
  },
  transpose: unary("transpose", all, transposed),
  sum: unary("sum", all, scalar),
  dot: binary("dot", scalar),
  trace: unary("trace", isSquare, scalar),
  exp: elementwise("exp"),
  log: elementwise("log"),
  sin: elementwise("sin"),
  cos: elementwise("cos"),
  tanh: elementwise("tanh"),
  sigmoid: elementwise("sigmoid"),
  sqrt: elementwise("sqrt"),
  square: elementwise("square"),
  relu: elementwise("relu"),
  pow: (g, step, guard) => {
    const a = g.pick(step.a) as string;
    const exponent = POW_EXPONENTS[step.variant % POW_EXPONENTS.length] as number;
    const bits = Math.floor(step.variant / POW_EXPONENTS.length);
    g.node("pow", [guard(g, "pow", { exponent }, 0, a, bits)], g.shapeOf(a), { exponent });
  },
  inv: unary("inv", isSquare, keep),
  logdet: unary("logdet", isSquare, scalar),
};
