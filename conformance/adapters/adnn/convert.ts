/**
 * Tensors between the spec's form (a number, or rows of numbers) and adnn's (a number, or a
 * float64 `Tensor` of dims `[m, n]` in row-major order). Both are binary64, so nothing rounds.
 *
 * @see spec/01-values.md#value.tensor
 */
import type { Tensor as SpecTensor } from "../../../reference/index.js";
import { Tensor, type AdnnTensor } from "./adnn-module.js";

export function toAdnn(t: SpecTensor): number | AdnnTensor {
  if (typeof t === "number") return t;
  return new Tensor([t.length, t[0]?.length ?? 0]).fromFlatArray(t.flat());
}

export function fromAdnn(v: number | AdnnTensor): SpecTensor {
  if (typeof v === "number") return v;
  const [m = 0, n = 0] = v.dims;
  return Array.from({ length: m }, (_, i) => Array.from(v.data.subarray(i * n, (i + 1) * n)));
}
