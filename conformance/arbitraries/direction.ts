/**
 * Directions and tangents for graph cases: one tensor per input, elements k/1000 for integers
 * |k| ≤ 1000 taken in turn from a list (0 is replaced by 0.5, so that every element of a gradient
 * is seen by the directional check).
 *
 * @see spec/01-values.md#value.inner-product.tuple
 */
import fc from "fast-check";
import type { GraphCase, RawTensor } from "../../reference/case.js";
import { parseTensor } from "../../reference/number.js";

/** The integers a direction is made of. */
export const directionInts = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 16 });

/** A tensor like each input of `c` (all of them, or those of `ids`). */
export function directionFor(c: GraphCase, ints: readonly number[], ids?: readonly string[]): Record<string, number | number[][]> {
  let k = 0;
  const next = (): number => ((ints[k++ % ints.length] as number) % 1001) / 1000 || 0.5;
  const like = (t: RawTensor): number | number[][] => {
    const v = parseTensor(t);
    return typeof v === "number" ? next() : v.map((row) => row.map(next));
  };
  return Object.fromEntries(c.graph.inputs.filter((x) => ids === undefined || ids.includes(x.id)).map((x) => [x.id, like(x.value)]));
}
