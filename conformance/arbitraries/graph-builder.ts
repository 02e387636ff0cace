/**
 * Builds graph cases step by step for the random-graph arbitraries. A recipe adds a few nodes (a
 * primitive and the guard nodes that keep its arguments inside its domain); the step is then
 * evaluated by the oracles' own float64 evaluator and kept only if every new value passes the
 * arbitrary's test — otherwise it is rolled back, so a recipe may try anything and the graph stays
 * valid. Picks are taken modulo the candidates, so every recipe accepts any integers and fast-check
 * shrinks graphs by dropping steps and lowering picks.
 *
 * Conventions: ids are `x0, x1, …` (inputs), `c0, c1, …` (constants) and `n0, n1, …` (nodes);
 * constants are never picked as arguments, so every node depends on an input.
 *
 * @see spec/03-primitives.md#prim.graph
 */
import type { GraphCase, RawNode, RawShape } from "../../reference/case.js";
import { evaluateGraph, float64Field, type FTensor } from "../../oracles/index.js";

export type Shape = RawShape;
export type NumTensor = number | number[][];

export const isScalarShape = (s: Shape): s is readonly [] => s.length === 0;
export const sameShape = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);
export const transposed = (s: Shape): Shape => (s.length === 0 ? s : [s[1], s[0]]);
export const isSquare = (s: Shape): boolean => s.length === 2 && s[0] === s[1];

/** A tensor of shape `s` whose elements are `f(k)` for the row-major index k. */
export function tensorOf(s: Shape, f: (k: number) => number): NumTensor {
  return s.length === 0 ? f(0) : Array.from({ length: s[0] }, (_, i) => Array.from({ length: s[1] }, (__, j) => f(i * s[1] + j)));
}

export const elementsOf = (t: FTensor<number>): number[] => (typeof t === "number" ? [t] : t.flat());

export class GraphBuilder {
  readonly nodes: RawNode[] = [];
  readonly constants: { id: string; value: NumTensor }[] = [];
  /** Guard outputs that must stay away from a point (a kink or a domain edge). */
  readonly watches: { id: string; point: number }[] = [];
  private readonly shapes = new Map<string, Shape>();
  private mark = { nodes: 0, constants: 0, watches: 0 };

  constructor(readonly inputs: readonly { readonly id: string; readonly value: NumTensor; readonly shape: Shape }[]) {
    for (const x of inputs) this.shapes.set(x.id, x.shape);
  }

  shapeOf(id: string): Shape {
    return this.shapes.get(id) as Shape;
  }

  /** Inputs and nodes (never constants), in order. */
  unknowns(): string[] {
    return [...this.inputs.map((x) => x.id), ...this.nodes.map((n) => n.id)];
  }

  /** The `p`-th (modulo) unknown that passes `fit`, if any. */
  pick(p: number, fit: (s: Shape) => boolean = () => true): string | undefined {
    const c = this.unknowns().filter((id) => fit(this.shapeOf(id)));
    return c.length === 0 ? undefined : c[p % c.length];
  }

  node(op: string, args: readonly string[], shape: Shape, attributes: Record<string, unknown> = {}): string {
    const id = `n${this.nodes.length}`;
    this.nodes.push({ id, op, args, ...attributes });
    this.shapes.set(id, shape);
    return id;
  }

  constant(value: NumTensor, shape: Shape): string {
    const id = `c${this.constants.length}`;
    this.constants.push({ id, value });
    this.shapes.set(id, shape);
    return id;
  }

  /** Starts a step: {@link rollback} removes whatever the step adds. */
  begin(): void {
    this.mark = { nodes: this.nodes.length, constants: this.constants.length, watches: this.watches.length };
  }

  /** The nodes the current step added. */
  added(): readonly RawNode[] {
    return this.nodes.slice(this.mark.nodes);
  }

  rollback(): void {
    for (const n of this.nodes.splice(this.mark.nodes)) this.shapes.delete(n.id);
    for (const c of this.constants.splice(this.mark.constants)) this.shapes.delete(c.id);
    this.watches.splice(this.mark.watches);
  }

  /** Records that the values of `id` must keep away from `point` (checked by the arbitrary). */
  watch(id: string, point: number): string {
    this.watches.push({ id, point });
    return id;
  }

  /** The watches the current step added. */
  addedWatches(): readonly { id: string; point: number }[] {
    return this.watches.slice(this.mark.watches);
  }

  /** The graph so far with the given output (no reduction): for evaluating a step. */
  draft(output: string): GraphCase {
    return {
      id: "random.draft",
      description: "a graph being built",
      kind: "graph",
      graph: {
        inputs: this.inputs.map((x) => ({ id: x.id, value: x.value })),
        ...(this.constants.length > 0 ? { constants: this.constants.map((c) => ({ ...c })) } : {}),
        nodes: [...this.nodes],
        output,
      },
    };
  }

  /** Every value of the graph so far in binary64 (the oracles' evaluator); throws its spec error. */
  values(): ReadonlyMap<string, FTensor<number>> {
    return evaluateGraph(this.draft(this.inputs[0]?.id as string), float64Field);
  }

  /**
   * Ends the graph with a scalar output that every sink reaches: each unused node, reduced by `sum`
   * if it is a matrix, all added up — so that every node is live. Inputs no node uses stay unused
   * (their gradient is an exact zero), unless there are no nodes: then the first input is the sink.
   */
  finish(id: string, description: string): GraphCase {
    const used = new Set(this.nodes.flatMap((n) => n.args));
    const unused = this.nodes.map((n) => n.id).filter((u) => !used.has(u));
    const sinks = unused.length > 0 ? unused : [this.inputs[0]?.id as string];
    const scalars = sinks.map((u) => (isScalarShape(this.shapeOf(u)) ? u : this.node("sum", [u], [])));
    const output = scalars.slice(1).reduce((acc, u) => this.node("add", [acc, u], []), scalars[0] as string);
    return { ...this.draft(output), id, description };
  }
}
