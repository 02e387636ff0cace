/**
 * Random smooth graph cases for property tests: DAGs with fan-out and reuse, scalar and n×n matrix
 * values, built index-wise so that fast-check shrinks them to minimal graphs (node i takes its
 * arguments among the unknowns before it, picks taken modulo their count).
 *
 * "Smooth": no kinks (no relu), and every primitive with a restricted domain gets an argument that
 * is inside it by construction — log, sqrt and the denominator of div through sigmoid or exp,
 * inv and logdet through I + ¼·tanh(X) (spectral norm < 1, so invertible with det > 0), negative
 * and fractional powers through exp. Inputs lie in [−1, 1]; exp and square take tanh first, so
 * values stay moderate.
 *
 * @see spec/03-primitives.md#prim.domain
 */
import fc from "fast-check";
import type { GraphCase, RawNode } from "../../reference/case.js";

type Kind = "s" | "m"; // scalar, n×n matrix

/** One step of the recipe: which primitive, and argument picks (taken modulo the candidates). */
interface Step {
  readonly op: number;
  readonly picks: readonly [number, number];
}

interface Options {
  /** Largest matrix side (default 3). */
  readonly maxSide?: number;
  /** Most steps (default 8); guards add nodes, so graphs have up to ~3× as many nodes. */
  readonly maxSteps?: number;
}

const value = fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1e6) / 1e6);

/** Builds the node list for a recipe; each recipe entry becomes one or a few nodes. */
class Builder {
  readonly nodes: RawNode[] = [];
  readonly kinds = new Map<string, Kind>();
  readonly constants: { id: string; value: number | number[][] }[] = [];
  constructor(private readonly n: number, inputs: readonly { id: string; kind: Kind }[]) {
    for (const i of inputs) this.kinds.set(i.id, i.kind);
  }
  private ids(kind: Kind): string[] {
    return [...this.kinds].filter(([, k]) => k === kind).map(([id]) => id);
  }
  pick(kind: Kind, p: number): string | undefined {
    const c = this.ids(kind);
    return c.length === 0 ? undefined : (c[p % c.length] as string);
  }
  node(op: string, args: string[], kind: Kind, extra: Partial<RawNode> = {}): string {
    const id = `n${this.nodes.length}`;
    this.nodes.push({ id, op, args, ...extra });
    this.kinds.set(id, kind);
    return id;
  }
  kindOf(id: string): Kind {
    return this.kinds.get(id) as Kind;
  }
  constant(id: string, v: number | number[][]): string {
    if (!this.constants.some((c) => c.id === id)) {
      this.constants.push({ id, value: v });
      this.kinds.set(id, typeof v === "number" ? "s" : "m");
    }
    return id;
  }
  identity(): string {
    return this.constant("I", Array.from({ length: this.n }, (_, i) => Array.from({ length: this.n }, (_, j) => (i === j ? 1 : 0))));
  }
}

type Recipe = (b: Builder, a: string, c: string) => string | undefined;

const unary = (op: string): Recipe => (b, a) => b.node(op, [a], b.kindOf(a));
const guarded = (guard: string, op: string, extra: Partial<RawNode> = {}): Recipe => (b, a) =>
  b.node(op, [b.node(guard, [a], b.kindOf(a))], b.kindOf(a), extra);
const binary = (op: string): Recipe => (b, a, c) => (b.kindOf(a) === b.kindOf(c) ? b.node(op, [a, c], b.kindOf(a)) : undefined);
const matrixOnly = (r: Recipe): Recipe => (b, a, c) => (b.kindOf(a) === "m" ? r(b, a, c) : undefined);
/** I + ¼·tanh(A): invertible, det > 0. */
const nearIdentity = (b: Builder, a: string): string =>
  b.node("add", [b.identity(), b.node("scale", [b.constant("quarter", 0.25), b.node("tanh", [a], "m")], "m")], "m");

const RECIPES: readonly Recipe[] = [
  guarded("tanh", "exp"),
  unary("sin"),
  unary("cos"),
  unary("tanh"),
  unary("sigmoid"),
  guarded("tanh", "square"),
  unary("neg"),
  guarded("sigmoid", "log"),
  guarded("sigmoid", "sqrt"),
  guarded("exp", "pow", { exponent: -1.5 }),
  guarded("tanh", "pow", { exponent: 3 }),
  binary("add"),
  binary("sub"),
  binary("mul"),
  (b, a, c) => (b.kindOf(a) === b.kindOf(c) ? b.node("div", [a, b.node("exp", [c], b.kindOf(c))], b.kindOf(a)) : undefined),
  (b, a, c) => (b.kindOf(a) === "s" ? b.node("scale", [a, c], b.kindOf(c)) : undefined),
  matrixOnly((b, a, c) => (b.kindOf(c) === "m" ? b.node("matmul", [a, c], "m") : undefined)),
  matrixOnly((b, a) => b.node("transpose", [a], "m")),
  (b, a) => b.node("sum", [a], "s"),
  (b, a, c) => (b.kindOf(a) === b.kindOf(c) ? b.node("dot", [a, c], "s") : undefined),
  matrixOnly((b, a) => b.node("trace", [a], "s")),
  matrixOnly((b, a) => b.node("inv", [nearIdentity(b, a)], "m")),
  matrixOnly((b, a) => b.node("logdet", [nearIdentity(b, a)], "s")),
];

/** The primitives a smooth graph may contain. */
export const SMOOTH_PRIMITIVES = [
  "exp", "sin", "cos", "tanh", "sigmoid", "square", "neg", "log", "sqrt", "pow", "add", "sub", "mul", "div",
  "scale", "matmul", "transpose", "sum", "dot", "trace", "inv", "logdet",
] as const;

function build(n: number, inputKinds: readonly Kind[], values: readonly (number | number[][])[], steps: readonly Step[]): GraphCase {
  const inputs = inputKinds.map((kind, i) => ({ id: `x${i}`, kind }));
  const b = new Builder(n, inputs);
  for (const step of steps) {
    const recipe = RECIPES[step.op % RECIPES.length] as Recipe;
    // Arguments are inputs and nodes, never the guards' constants: every node depends on an input.
    const all = [...b.kinds.keys()].filter((id) => !b.constants.some((k) => k.id === id));
    const a = all[step.picks[0] % all.length] as string;
    const c = all[step.picks[1] % all.length] as string;
    recipe(b, a, c);
  }
  // A scalar output that every sink reaches: each unused node (or input), reduced by sum if it is
  // a matrix, added up — so that most inputs, and every node, are live.
  const used = new Set(b.nodes.flatMap((n) => n.args));
  const sinks = [...inputs.map((x) => x.id), ...b.nodes.map((n) => n.id)].filter((id) => !used.has(id));
  const scalars = sinks.map((id) => (b.kindOf(id) === "m" ? b.node("sum", [id], "s") : id));
  const output = scalars.slice(1).reduce((acc, id) => b.node("add", [acc, id], "s"), scalars[0] as string);
  return {
    id: "random.smooth",
    description: "a random smooth graph",
    kind: "graph",
    graph: {
      inputs: inputs.map((x, i) => ({ id: x.id, value: values[i] as number | number[][] })),
      ...(b.constants.length > 0 ? { constants: b.constants } : {}),
      nodes: b.nodes,
      output,
    },
  };
}

/** Random smooth graph cases with a scalar output. */
export function smoothGraphCase(options: Options = {}): fc.Arbitrary<GraphCase> {
  const { maxSide = 3, maxSteps = 8 } = options;
  return fc.integer({ min: 1, max: maxSide }).chain((n) =>
    fc.array(fc.constantFrom<Kind>("s", "m"), { minLength: 1, maxLength: 3 }).chain((kinds) =>
      fc
        .tuple(
          fc.tuple(...kinds.map((k) => (k === "s" ? value : fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })))),
          fc.array(fc.record({ op: fc.nat(), picks: fc.tuple(fc.nat(), fc.nat()) }), { minLength: 1, maxLength: maxSteps }),
        )
        .map(([values, steps]) => build(n, kinds, values, steps)),
    ),
  );
}
