/**
 * Random graph cases that put kinks' arguments exactly at the kink, in exact arithmetic, with the
 * exact expected value and gradient under the spec's convention (relu'(0) = 0) in `expect`.
 *
 * Inputs are integers in [−3, 3]; nodes use only the primitives that are exact over small integers
 * in binary64 (add, sub, neg, mul, scale, matmul, transpose, sum, dot, trace, square, relu). Every
 * relu's argument has an element exactly at the kink: relu(a) directly when a already has a zero
 * element (shrinking makes inputs 0, so minimal cases are `relu(x)` at x = 0), else
 * relu(a − C) with the constant C = a ⊙ mask equal to a's value where the mask (from the step's
 * variant, never empty) is 1 — a real kink, since a − C still varies with the inputs. Other elements
 * stay on either side. A graph without a relu gets one on its last unknown.
 *
 * Exactness: a step is kept only when every value stays within 2¹² and every forward derivative
 * within 2²⁴ in magnitude, so that every product and sum any evaluation order forms stays below
 * 2⁵³: each backend computes each relu argument exactly, and the expected values (exact-gradient.ts)
 * are exact.
 *
 * @see spec/03-primitives.md#prim.relu.kink
 * @see spec/07-tolerance.md#tol.scope
 */
import fc from "fast-check";
import type { GraphCase } from "../../reference/case.js";
import type { PrimitiveName } from "../../reference/index.js";
import type { FTensor } from "../../oracles/index.js";
import type { Dual } from "./dual-field.js";
import { dualValues, exactGradient } from "./exact-gradient.js";
import { elementsOf, GraphBuilder, tensorOf, type NumTensor, type Shape } from "./graph-builder.js";
import { RECIPES, type Guard, type Recipe, type Step } from "./recipes.js";

/** The primitives that are exact over small integers. */
export const EXACT_PRIMITIVES = [
  "add", "sub", "neg", "mul", "scale", "matmul", "transpose", "sum", "dot", "trace", "square", "relu",
] as const satisfies readonly PrimitiveName[];

export interface KinkGraphOptions {
  /** Intersected with {@link EXACT_PRIMITIVES}; relu is always used (default: all of those). */
  readonly primitives?: readonly PrimitiveName[];
  readonly maxSide?: number;
  readonly maxSteps?: number;
  readonly maxInputs?: number;
}

const VALUE_LIMIT = 2 ** 12;
const DERIVATIVE_LIMIT = 2 ** 24;

const noGuard: Guard = (_g, _p, _attributes, _k, a) => a;

/** relu with its argument at the kink in at least one element. @see spec/03-primitives.md#prim.relu.kink */
const reluAtKink = (values: () => ReadonlyMap<string, FTensor<number>>): Recipe => (g, step) => {
  const a = g.pick(step.a) as string;
  const s = g.shapeOf(a);
  const v = elementsOf(values().get(a) as NumTensor);
  if (v.some((x) => x === 0)) {
    g.node("relu", [a], s);
    return;
  }
  const bit = (k: number): boolean => (Math.floor(step.variant / 2 ** k) & 1) === 1 || (k === 0 && step.variant % 2 ** v.length === 0);
  const c = g.constant(tensorOf(s, (k) => (bit(k) ? (v[k] as number) : 0)), s);
  g.node("relu", [g.node("sub", [a, c], s)], s);
};

function exactEnough(g: GraphBuilder): boolean {
  let duals: ReadonlyMap<string, FTensor<Dual>>;
  try {
    duals = dualValues(g.draft(g.inputs[0]?.id as string)).values;
  } catch {
    return false;
  }
  return g.added().every((n) => {
    const t = duals.get(n.id) as FTensor<Dual>;
    const xs = Array.isArray(t) ? (t as readonly (readonly Dual[])[]).flat() : [t as Dual];
    return xs.every((x) => Math.abs(x.v) <= VALUE_LIMIT && x.d.every((d) => Math.abs(d) <= DERIVATIVE_LIMIT));
  });
}

function build(primitives: readonly PrimitiveName[], shapes: readonly Shape[], pool: readonly number[], steps: readonly Step[]): GraphCase {
  let k = 0;
  const next = (): number => pool[k++ % pool.length] as number;
  const g = new GraphBuilder(shapes.map((shape, i) => ({ id: `x${i}`, shape, value: tensorOf(shape, next) })));
  const relu = reluAtKink(() => g.values());
  const run = (recipe: Recipe, step: Step): void => {
    g.begin();
    recipe(g, step, noGuard);
    if (!exactEnough(g)) g.rollback();
  };
  for (const step of steps) {
    if (step.op === 0) continue; // a step shrunk away
    const p = primitives[(step.op - 1) % primitives.length] as PrimitiveName;
    run(p === "relu" ? relu : RECIPES[p], step);
  }
  if (!g.nodes.some((n) => n.op === "relu")) run(relu, { op: 0, a: g.unknowns().length - 1, b: 0, variant: 0 });
  const c = g.finish("random.kink", "a random graph in small integers with every relu's argument exactly at its kink in some element");
  return {
    ...c,
    tags: ["kink"],
    expect: exactGradient(c),
    provenance: { method: "oracle", source: "conformance/arbitraries/exact-gradient.ts: forward-mode dual numbers over small integers (exact), relu'(0) = 0" },
  };
}

/**
 * Random kink graph cases with their exact `expect`.
 *
 * @see spec/03-primitives.md#prim.relu.kink
 */
export function kinkGraphCase(options: KinkGraphOptions = {}): fc.Arbitrary<GraphCase> {
  const { maxSide = 3, maxSteps = 6, maxInputs = 3 } = options;
  const wanted = options.primitives ?? EXACT_PRIMITIVES;
  const primitives = EXACT_PRIMITIVES.filter((p) => wanted.includes(p) || p === "relu");
  const side = fc.integer({ min: 1, max: maxSide });
  return fc
    .record({
      m: side,
      n: side,
      inputs: fc.array(fc.nat(4), { minLength: 1, maxLength: maxInputs }),
      pool: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 24 }),
      steps: fc.array(fc.record({ op: fc.nat(), a: fc.nat(), b: fc.nat(), variant: fc.nat() }), { maxLength: maxSteps }),
    })
    .map(({ m, n, inputs, pool, steps }) => {
      const choices: readonly Shape[] = [[], [m, n], [n, m], [m, m], [n, n]];
      return build(primitives, inputs.map((i) => choices[i] as Shape), pool, steps);
    });
}
