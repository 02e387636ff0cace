/**
 * A compiled graph with its arena: the lower-level API for benchmarks and repeated solves. The
 * buffers are allocated once by {@link compile}; `forward`, `gradient` and `jvp` reuse them on
 * every call and return views into the arena (valid until the next call).
 *
 * Conventions: inputs are numbered in file order; a tensor is passed as its row-major elements.
 *
 * @see spec/04-system.md
 */
import { locate, readGraph, type GraphCase, type Shape } from "../reference/index.js";
import { compileProgram } from "./compile-graph.js";
import type { GraphCode } from "./graph-code.js";
import { forwardSweep, reverseSweep, tangentSweep } from "./sweeps.js";

const ONE = new Float64Array([1]);

export class GraphPlan {
  constructor(
    readonly code: GraphCode,
    readonly arena: Float64Array,
  ) {}

  /** The shape of unknown k. */
  shapeOf(k: number): Shape {
    const g = this.code;
    return g.rows[k] === 0 ? [] : [g.rows[k]!, g.cols[k]!];
  }

  /** Overwrites input k's value (row-major, its shape's element count). */
  setInput(k: number, values: ArrayLike<number>): void {
    if (k < 0 || k >= this.code.ninputs || values.length !== this.code.size[k]) throw new RangeError(`input ${k} takes ${this.code.size[k]} values`);
    this.arena.set(values, this.code.valOff[k]);
  }

  /**
   * Evaluates every node (spec/03-primitives.md#prim.graph.evaluation); spec errors (E_DOMAIN, a
   * deferred E_SHAPE) are thrown located at their node. Returns the output's value.
   */
  forward(): Float64Array {
    forwardSweep(this.code, this.arena);
    return this.view(this.code.valOff[this.code.output]!, this.code.output);
  }

  /**
   * Back substitution after {@link forward}: the gradient of ⟨g, x_output⟩ for every wrt input, in
   * wrt order. `cotangent` defaults to 1 (a scalar output).  @see spec/04-system.md#system.reverse
   */
  gradient(cotangent: ArrayLike<number> = ONE): Float64Array[] {
    reverseSweep(this.code, this.arena, cotangent);
    return this.code.wrt.map((k) => this.view(this.code.adjOff[k]!, k));
  }

  /**
   * Forward substitution after {@link forward}: the output's directional derivative along the
   * input tangents (undefined: zero).  @see spec/04-system.md#system.forward
   */
  jvp(tangents: readonly (ArrayLike<number> | undefined)[]): Float64Array {
    tangentSweep(this.code, this.arena, tangents);
    return this.view(this.code.tanOff[this.code.output]!, this.code.output);
  }

  private view(off: number, k: number): Float64Array {
    return this.arena.subarray(off, off + this.code.size[k]!);
  }
}

/** Reads, validates (as the reference does) and compiles a graph case. */
export function compile(c: GraphCase): GraphPlan {
  return locate({ caseId: c.id }, () => {
    const { code, arena } = compileProgram(readGraph(c));
    return new GraphPlan(code, arena);
  });
}
