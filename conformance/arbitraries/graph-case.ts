/**
 * Random graph cases over every primitive, with inputs inside each rule's declared domain and away
 * from its kinks and edges: DAGs with fan-out and reuse, scalars and matrices of several shapes
 * (`[m, n]`, `[n, m]`, `[m, m]`, `[n, n]`), a scalar output that every node reaches.
 *
 * Index-based so that fast-check shrinks to minimal graphs (spec of the pattern: /work/shared
 * anchors, "an index-based DAG shrinks well"): the record holds the sides, the input shapes, a pool
 * of input values and a list of steps; step i adds one primitive whose arguments are picks among
 * the unknowns before it, taken modulo the ones whose shapes fit. Shrinking drops steps, lowers
 * picks (towards the first unknowns, i.e. inputs), turns inputs into scalars and values into 0. A
 * step whose primitive index is 0 adds nothing: fast-check's array shrinking stops trying to remove
 * elements once it has shrunk one, but it always tries lowering an element to 0, which removes it.
 *
 * Domains and kinks come from the rule table through guard nodes (guards.ts). A step is kept only
 * when the oracles' float64 evaluation of the graph succeeds with every new value finite and at
 * most 10⁴ in magnitude and every guard output at least 10⁻⁶ from its kink or edge; otherwise it is
 * dropped (exp(exp(exp(x))) is, for instance).
 *
 * @see spec/03-primitives.md#prim.domain
 * @see spec/03-primitives.md#prim.graph
 */
import fc from "fast-check";
import type { GraphCase } from "../../reference/case.js";
import { PRIMITIVE_NAMES, type PrimitiveName } from "../../reference/index.js";
import { elementsOf, GraphBuilder, tensorOf, type Shape } from "./graph-builder.js";
import { guardArgument } from "./guards.js";
import { kinkGraphCase } from "./kink-graph-case.js";
import { RECIPES, type Step } from "./recipes.js";

export interface GraphCaseOptions {
  /** The primitives steps choose from (default: all 23, in the spec's order). */
  readonly primitives?: readonly PrimitiveName[];
  /**
   * Put kinks' arguments exactly at the kink instead of away from it: the graphs of
   * {@link kinkGraphCase}, restricted to these primitives (default false).
   */
  readonly atKinks?: boolean;
  /** Largest matrix side (default 3). */
  readonly maxSide?: number;
  /** Most steps (default 6); guards and the output's reduction add nodes. */
  readonly maxSteps?: number;
  /** Most inputs (default 3). */
  readonly maxInputs?: number;
}

/** Largest magnitude a kept value may have. */
const LIMIT = 1e4;
/** Closest a guarded value may come to its kink or edge. */
const MARGIN = 1e-6;

/** The shapes an input may have, by index (0, where shrinking goes, is the scalar). */
export const shapeChoices = (m: number, n: number): readonly Shape[] => [[], [m, n], [n, m], [m, m], [n, n]];

const inputValue = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => k / 1e6);

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({ op: fc.nat(), a: fc.nat(), b: fc.nat(), variant: fc.nat() });

/** Whether the step just added keeps every value finite, moderate and clear of its guard's point. */
function acceptable(g: GraphBuilder): boolean {
  let values;
  try {
    values = g.values();
  } catch {
    return false; // a spec error (cannot happen with guards, but a recipe may try anything)
  }
  const at = (id: string): number[] => elementsOf(values.get(id) as number | number[][]);
  if (!g.added().every((n) => at(n.id).every((x) => Number.isFinite(x) && Math.abs(x) <= LIMIT))) return false;
  return g.addedWatches().every((w) => at(w.id).every((x) => Math.abs(x - w.point) >= MARGIN));
}

export function buildGraph(
  primitives: readonly PrimitiveName[],
  shapes: readonly Shape[],
  pool: readonly number[],
  steps: readonly Step[],
): GraphCase {
  let k = 0;
  const next = (): number => pool[k++ % pool.length] as number;
  const g = new GraphBuilder(shapes.map((shape, i) => ({ id: `x${i}`, shape, value: tensorOf(shape, next) })));
  for (const step of steps) {
    if (step.op === 0) continue; // a step shrunk away
    const p = primitives[(step.op - 1) % primitives.length] as PrimitiveName;
    g.begin();
    RECIPES[p](g, step, guardArgument);
    if (!acceptable(g)) g.rollback();
  }
  return g.finish("random.graph", "a random graph, every argument inside its primitive's domain and away from kinks and edges");
}

/**
 * Random graph cases with a scalar output, over the given primitives (default all).
 *
 * @see spec/03-primitives.md#prim.domain
 */
export function graphCase(options: GraphCaseOptions = {}): fc.Arbitrary<GraphCase> {
  const { primitives = PRIMITIVE_NAMES, maxSide = 3, maxSteps = 6, maxInputs = 3 } = options;
  if (primitives.length === 0) throw new RangeError("graphCase: no primitives");
  if (options.atKinks === true) return kinkGraphCase({ primitives, maxSide, maxSteps, maxInputs });
  const side = fc.integer({ min: 1, max: maxSide });
  return fc
    .record({
      m: side,
      n: side,
      inputs: fc.array(fc.nat(4), { minLength: 1, maxLength: maxInputs }),
      pool: fc.array(inputValue, { minLength: 1, maxLength: 24 }),
      steps: fc.array(stepArbitrary, { minLength: 1, maxLength: maxSteps }),
    })
    .map(({ m, n, inputs, pool, steps }) => {
      const choices = shapeChoices(m, n);
      return buildGraph(primitives, inputs.map((i) => choices[i] as Shape), pool, steps);
    });
}
