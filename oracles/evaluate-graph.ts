/**
 * Forward evaluation of a graph case over any numeric field — in decimal.js at high precision or
 * in binary64 — written independently of reference/: its own reading of the graph, its own
 * primitives, its own elimination for inv and logdet.
 *
 * @see spec/03-primitives.md#prim.graph.evaluation
 * @see spec/04-system.md#system.unknowns
 */
import type { GraphCase } from "../reference/case.js";
import type { Field, FTensor } from "./field/field.js";
import { formatFShape, fshape, sameFShape } from "./field/ftensor.js";
import { readGraphProgram } from "./field/graph-program.js";
import { runProgram, sourceValues } from "./field/run-program.js";

/**
 * The forward value of every unknown of the case — inputs, constants and nodes, in that order (the
 * map's iteration order). `overrides` replaces the values of some inputs (for perturbations); each
 * key must name an input and keep its shape (a `RangeError` otherwise: a misuse, not a spec fault).
 * Throws the spec error (`SpecError` of reference/errors.ts) of the first faulty node.
 *
 * @see spec/03-primitives.md#prim.graph.evaluation
 */
export function evaluateGraph<T>(c: GraphCase, field: Field<T>, overrides: Readonly<Record<string, FTensor<T>>> = {}): ReadonlyMap<string, FTensor<T>> {
  const program = readGraphProgram(c);
  const sources = sourceValues(field, program);
  for (const [id, value] of Object.entries(overrides)) {
    const k = program.ids.indexOf(id);
    if (k < 0 || k >= program.inputs) throw new RangeError(`override ${JSON.stringify(id)} is not an input`);
    const [want, got] = [fshape(sources[k] as FTensor<T>), fshape(value)];
    if (!sameFShape(want, got)) throw new RangeError(`override ${JSON.stringify(id)} has shape ${formatFShape(got)}, the input ${formatFShape(want)}`);
    sources[k] = value;
  }
  const values = runProgram(field, program, sources);
  return new Map(program.ids.map((id, k) => [id, values[k] as FTensor<T>]));
}
