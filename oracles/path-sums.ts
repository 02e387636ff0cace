/**
 * The gradient as a sum over paths: for each wrt input s, Σ over every path s = k₀ → k₁ → … → k_r = o
 * of the edge adjoints applied to the cotangent along that path, 𝓛₁ᵀ•(𝓛₂ᵀ•(…𝓛_rᵀ•(g_o))). Grouped by
 * length r these are the terms of the finite Neumann series (I − L)⁻¹ = I + L + … + L^{N−1}
 * (spec: system.matrix): the same numbers as back substitution, computed without sharing any
 * partial sum between paths — so a solver that drops, doubles or misorders a term disagrees.
 *
 * The number of paths grows exponentially with the depth of a DAG with fan-out, so this is for
 * small graphs: the paths are counted first and more than `maxPaths` is refused (RangeError).
 * Edges repeated by a repeated argument (mul(x, x)) are separate edges here, hence separate paths.
 *
 * @see spec/04-system.md#system.matrix
 */
import type { GraphCase, Tensor } from "../reference/index.js";
import { adjoint, apply, cotangentOf, evaluate, linearize, readGraph, shapeOf, type Edge } from "../reference/index.js";
import * as T from "../reference/tensor.js";

export interface PathSumOptions {
  /** The most paths (over all wrt inputs together) to enumerate; default 10 000. */
  readonly maxPaths?: number;
}

export interface PathSumResult {
  /** The gradient of every wrt input, as in `system.gradient`. */
  readonly gradient: Readonly<Record<string, Tensor>>;
  /** How many source-to-output paths were summed (the length-0 path of an output that is an input counts). */
  readonly paths: number;
  /** The longest path, in edges: the highest power of L that contributed. */
  readonly longest: number;
}

export const DEFAULT_MAX_PATHS = 10_000;

/** @see spec/04-system.md#system.matrix */
export function pathSumGradient(c: GraphCase, options: PathSumOptions = {}): PathSumResult {
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const program = readGraph(c);
  const values = evaluate(program);
  const o = program.output;
  const g = cotangentOf(program, values[o] as Tensor);
  const leaving: Edge[][] = values.map(() => []);
  for (const e of linearize(program, values)) leaving[e.from]?.push(e);

  // Paths from each unknown to the output, counted backwards (every edge goes forwards).
  const count: number[] = values.map(() => 0);
  for (let k = values.length - 1; k >= 0; k--) {
    count[k] = (k === o ? 1 : 0) + (leaving[k] ?? []).reduce((s, e) => s + (count[e.to] as number), 0);
  }
  const total = program.wrt.reduce((s, k) => s + (count[k] as number), 0);
  if (total > maxPaths) {
    throw new RangeError(`pathSumGradient(${c.id}): ${total} source-to-output paths exceed the cap of ${maxPaths}`);
  }

  let longest = 0;
  const gradient = Object.fromEntries(
    program.wrt.map((s) => {
      // terms[r]: the paths of r edges — the L^r term of the Neumann series.
      const terms: Tensor[] = [];
      const walk = (k: number, path: readonly Edge[]): void => {
        if (k === o) {
          const contribution = path.reduceRight((y, e) => apply(adjoint(e.operator), y), g);
          terms[path.length] = terms[path.length] === undefined ? contribution : T.add(terms[path.length] as Tensor, contribution);
          longest = Math.max(longest, path.length);
        }
        for (const e of leaving[k] ?? []) if ((count[e.to] as number) > 0) walk(e.to, [...path, e]);
      };
      walk(s, []);
      const sum = terms.reduce<Tensor>((acc, t) => (t === undefined ? acc : T.add(acc, t)), T.zeros(shapeOf(values[s] as Tensor)));
      return [program.ids[s] as string, sum];
    }),
  );
  return { gradient, paths: total, longest };
}
