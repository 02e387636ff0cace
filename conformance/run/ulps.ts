/**
 * Distance in units in the last place between two binary64 values: the number of representable
 * doubles between them (+0 and −0 are the same point).
 *
 * @see spec/06-conformance.md#compare.ulps
 */
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Maps doubles onto a line of integers in their order; −0 and +0 both go to 0. */
function ordinal(x: number): bigint {
  f64[0] = x;
  const bits = i64[0] as bigint;
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** ulp distance between finite or infinite doubles; Infinity when either is NaN. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
