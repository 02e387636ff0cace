/**
 * Between the case format's tensors (a number, or rows of numbers) and arena buffers.
 *
 * @see spec/01-values.md#value.tensor
 */
import type { Shape, Tensor } from "../reference/index.js";

/** The tensor of shape `S` stored row-major at `off`. */
export function readTensor(x: Float64Array, off: number, S: Shape): Tensor {
  if (S.length === 0) return x[off]!;
  const [m, n] = S;
  // Stryker disable next-line ArrayDeclaration: equivalent — every row is assigned below; a preallocated length only saves the array growing
  const rows: number[][] = new Array(m);
  for (let i = 0; i < m; i++) rows[i] = Array.from(x.subarray(off + i * n, off + (i + 1) * n));
  return rows;
}

/** Writes a tensor row-major at `off`. */
export function writeTensor(x: Float64Array, off: number, t: Tensor): void {
  if (typeof t === "number") {
    x[off] = t;
    return;
  }
  let at = off;
  for (const row of t) for (const v of row) x[at++] = v;
}
