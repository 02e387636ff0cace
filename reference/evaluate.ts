/**
 * Forward evaluation: the value of every unknown, in order.
 *
 * @see spec/03-primitives.md
 */
import { locate } from "./errors.js";
import type { Program } from "./graph.js";
import { evaluate as evaluatePrimitive } from "./primitives.js";
import type { Tensor } from "./tensor.js";

export function evaluate(program: Program): readonly Tensor[] {
  const values: Tensor[] = program.sources.map((s) => s.value);
  for (const n of program.nodes) {
    const args = n.args.map((k) => values[k] as Tensor);
    values.push(locate({ pointer: n.pointer, node: n.id }, () => evaluatePrimitive(n.op, args, n.attributes)));
  }
  return values;
}
