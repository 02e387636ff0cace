/**
 * Forward evaluation of a read graph over any field: every node in file order from its arguments'
 * values, or only the nodes in a given set (the output's ancestors, for perturbed evaluations).
 *
 * Conventions: `values[k]` is the value of unknown `k` (`program.ids[k]`).
 *
 * @see spec/03-primitives.md#prim.graph.evaluation
 */
import type { Field, FTensor } from "./field.js";
import { fmap } from "./ftensor.js";
import type { GraphProgram } from "./graph-program.js";
import { FORWARD } from "./primitive-forward.js";

/** The program's source values (inputs, constants) as field elements, exactly converted. */
export function sourceValues<T>(F: Field<T>, program: GraphProgram): FTensor<T>[] {
  return program.sources.map((t) => fmap(t, (x) => F.fromNumber(x)));
}

/**
 * The value of every unknown, given the sources' values. With `only`, nodes outside it are skipped
 * (their entry is undefined); a fault raised by an evaluated node is thrown as the spec error.
 */
export function runProgram<T>(
  F: Field<T>,
  program: GraphProgram,
  sources: readonly FTensor<T>[],
  only?: ReadonlySet<number>,
): (FTensor<T> | undefined)[] {
  const values: (FTensor<T> | undefined)[] = [...sources];
  program.nodes.forEach((n, i) => {
    const k = sources.length + i;
    if (only !== undefined && !only.has(k)) {
      values.push(undefined);
      return;
    }
    const args = n.args.map((j) => values[j] as FTensor<T>);
    values.push(FORWARD[n.op].apply(F, args, n.exponent === undefined ? { node: n.id } : { node: n.id, exponent: n.exponent }));
  });
  return values;
}

/** The unknowns `k` depends on, itself included (its ancestors through node arguments). */
export function ancestors(program: GraphProgram, k: number): Set<number> {
  const seen = new Set<number>();
  const stack = [k];
  const first = program.sources.length;
  while (stack.length > 0) {
    const j = stack.pop() as number;
    if (seen.has(j)) continue;
    seen.add(j);
    if (j >= first) stack.push(...(program.nodes[j - first]?.args ?? []));
  }
  return seen;
}
