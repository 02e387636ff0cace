/**
 * Reading what a backend returned: a member by path (`gradient.x0`, `solution.u1`, `adjoint`) as a
 * tensor of the expected shape, or the problem with it.
 *
 * @see spec/06-conformance.md#compare.shape
 */
import { formatShape, parseTensor, sameShape, shapeOf, type RawTensor, type Shape, type Tensor } from "../../reference/index.js";

/** The member at a dotted path; undefined when any step is missing. */
export function member(result: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (typeof o === "object" && o !== null && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), result);
}

/** A tensor of shape `shape` at `path`, or a sentence saying why not. */
export function tensorAt(result: unknown, path: string, shape: Shape): { tensor: Tensor } | { problem: string } {
  const x = member(result, path);
  if (x === undefined) return { problem: `${path} is missing` };
  let t: Tensor;
  try {
    t = typeof x === "number" ? x : parseTensor(x as RawTensor);
  } catch {
    return { problem: `${path} is not a tensor: ${(JSON.stringify(x) ?? String(x)).slice(0, 80)}` };
  }
  if (!sameShape(shapeOf(t), shape)) return { problem: `${path} has shape ${formatShape(shapeOf(t))}, expected ${formatShape(shape)}` };
  return { tensor: t };
}
