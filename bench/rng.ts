/**
 * A seeded pseudo-random generator (mulberry32), so every generated case and input is the same on
 * every run and every machine: a benchmark that changes its inputs between runs cannot be compared.
 */
export type Rng = () => number;

/** Uniform in [0, 1), deterministic in `seed`. */
export function rng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` values uniform in [lo, hi). */
export function uniform(r: Rng, k: number, lo: number, hi: number): Float64Array {
  const x = new Float64Array(k);
  for (let i = 0; i < k; i++) x[i] = lo + (hi - lo) * r();
  return x;
}

/** Row-major `rows × cols` elements as the case format's rows of numbers. */
export function toRows(x: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out: number[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = Array.prototype.slice.call(x, i * cols, (i + 1) * cols) as number[];
  return out;
}
