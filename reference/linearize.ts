/**
 * Linearization of a program at its values: one edge per (node, argument), the operator coming
 * from the primitive's rule. The edges are the entries of L.
 *
 * @see spec/04-system.md#system.edges
 */
import type { Program } from "./graph.js";
import { RULES } from "./primitives.js";
import type { Edge } from "./system.js";
import type { Tensor } from "./tensor.js";

export function linearize(program: Program, values: readonly Tensor[]): Edge[] {
  const first = program.sources.length;
  return program.nodes.flatMap((n, i) => {
    const to = first + i;
    const weights = RULES[n.op].linearize(
      n.args.map((k) => values[k] as Tensor),
      values[to] as Tensor,
      n.attributes,
    );
    return n.args.map((from, a): Edge => ({ from, to, operator: weights[a] as Edge["operator"] }));
  });
}

/**
 * The unknowns the output depends on (the output itself included): reverse mode keeps only the
 * edges into these, so that a dead branch's ∞ cannot turn a zero cotangent into NaN.
 *
 * @see spec/04-system.md#system.live
 */
export function live(program: Program): ReadonlySet<number> {
  const first = program.sources.length;
  const reached = new Set([program.output]);
  // Stryker disable next-line ArithmeticOperator,EqualityOperator: equivalent for a backend — starting past the end visits no node (no unknown has index first + i there); skipping node 0 leaves out only sources (its arguments), and every caller filters edges by e.to, never a source (live's full contract: reference/linearize.test.ts)
  for (let i = program.nodes.length - 1; i >= 0; i--) {
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent — 0 ≤ i < nodes.length, so nodes[i] exists
    if (reached.has(first + i)) for (const k of program.nodes[i]?.args ?? []) reached.add(k);
  }
  return reached;
}
