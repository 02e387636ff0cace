/**
 * A compiled graph with its arena: the lower-level API for benchmarks and repeated solves. The
 * buffers are allocated once by {@link compile} (or {@link GraphBuilder.compile}); `forward`,
 * `gradient` and `jvp` reuse them on every call and return views into the arena (valid until the
 * next call).
 *
 * Conventions: inputs are numbered in file order; a tensor is passed as its row-major elements.
 *
 * @see spec/04-system.md
 */
import { locate, readGraph, type GraphCase, type Shape } from "../reference/index.js";
import { fromProgram } from "./compact-program.js";
import { compileProgram, type CompileOptions } from "./compile-graph.js";
import type { GraphCode } from "./graph-code.js";
import { jsMatmul, type Matmul } from "./kernels-matmul.js";
import { forwardSweep, reverseSweep, tangentSweep } from "./sweeps.js";
import { forwardScalar, reverseScalar } from "./sweeps-scalar.js";

// Stryker disable next-line ArrayDeclaration: not backend behaviour — the GraphPlan API of the benchmarks and impl/graph-plan.test.ts (the backend builds its plans through graph-case.ts and gives every request a cotangent)
const ONE = new Float64Array([1]);

export class GraphPlan {
  constructor(
    readonly code: GraphCode,
    readonly arena: Float64Array,
    /** The matmul kernels (the process's WebAssembly ones when the plan has a big enough product). */
    readonly mm: Matmul = jsMatmul,
  ) {}

  /** The shape of unknown k. */
  shapeOf(k: number): Shape {
    const g = this.code;
    return g.rows[k] === 0 ? [] : [g.rows[k]!, g.cols[k]!];
  }

  // Stryker disable all: not backend behaviour — the GraphPlan API of the benchmarks and impl/graph-plan.test.ts (the backend builds its plans through graph-case.ts and gives every request a cotangent)
  /** Overwrites input k's value (row-major, its shape's element count). */
  setInput(k: number, values: ArrayLike<number>): void {
    if (k < 0 || k >= this.code.ninputs || values.length !== this.code.size[k]) throw new RangeError(`input ${k} takes ${this.code.size[k]} values`);
    this.arena.set(values, this.code.valOff[k]);
  }
  // Stryker restore all

  /**
   * Evaluates every node (spec/03-primitives.md#prim.graph.evaluation); spec errors (E_DOMAIN, a
   * deferred E_SHAPE) are thrown located at their node. Returns the output's value.
   */
  forward(): Float64Array {
    if (this.code.scalar) forwardScalar(this.code, this.arena);
    else forwardSweep(this.code, this.arena, this.mm);
    return this.view(this.code.valOff[this.code.output]!, this.code.output);
  }

  /**
   * Back substitution after {@link forward}: the gradient of ⟨g, x_output⟩ for every wrt input, in
   * wrt order. `cotangent` defaults to 1 (a scalar output).  @see spec/04-system.md#system.reverse
   */
  gradient(cotangent: ArrayLike<number> = ONE): Float64Array[] {
    if (this.code.scalar) reverseScalar(this.code, this.arena, cotangent);
    else reverseSweep(this.code, this.arena, this.mm, cotangent);
    return this.code.wrt.map((k) => this.view(this.code.adjOff[k]!, k));
  }

  /**
   * Forward substitution after {@link forward}: the output's directional derivative along the
   * input tangents (undefined: zero).  @see spec/04-system.md#system.forward
   */
  jvp(tangents: readonly (ArrayLike<number> | undefined)[]): Float64Array {
    tangentSweep(this.code, this.arena, this.mm, tangents);
    return this.view(this.code.tanOff[this.code.output]!, this.code.output);
  }

  // Stryker disable all: not backend behaviour — the GraphPlan API of the benchmarks and impl/graph-plan.test.ts (the backend builds its plans through graph-case.ts and gives every request a cotangent)
  /** Bytes held by the plan's typed arrays (arena, code; not the program's op/arg arrays it shares). */
  get bytes(): number {
    const g = this.code;
    const arrays = [g.rows, g.cols, g.size, g.valOff, g.adjOff, g.tanOff, g.revStart, g.revFrom, g.revTag, g.revInit, g.tanNodes];
    return this.arena.buffer.byteLength + arrays.reduce((s, a) => s + a.byteLength, 0);
  }
  // Stryker restore all

  private view(off: number, k: number): Float64Array {
    return this.arena.subarray(off, off + this.code.size[k]!);
  }
}

// Stryker disable all: not backend behaviour — the GraphPlan API of the benchmarks and impl/graph-plan.test.ts (the backend builds its plans through graph-case.ts and gives every request a cotangent)
/** Reads, validates (as the reference does) and compiles a graph case. */
export function compile(c: GraphCase, options: CompileOptions = {}): GraphPlan {
  return locate({ caseId: c.id }, () => planOf(fromProgram(readGraph(c)), options));
}
// Stryker restore all

/** A plan from a compiled program. */
export function planOf(p: Parameters<typeof compileProgram>[0], options: CompileOptions = {}): GraphPlan {
  const { code, arena, mm } = compileProgram(p, options);
  return new GraphPlan(code, arena, mm);
}
