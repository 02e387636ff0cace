/** From measured samples to the results' {@link Timing}. */
import { median, type Samples } from "./measure.js";
import type { RoundRatio, ScalingRun, Timing } from "./results.js";

export const timing = (s: Samples): Timing => ({ ms: median(s.wall), cpuMs: median(s.cpu), samples: s.wall, calls: s.calls });

/** a's ns/node over b's, per round in which both ran (same round: minutes apart at most), summarised. */
export function roundRatio(a: readonly ScalingRun[], b: readonly ScalingRun[]): RoundRatio {
  const perRound = a.flatMap((x) => {
    const y = b.find((z) => z.round === x.round);
    return y === undefined ? [] : [x.nsPerNode / y.nsPerNode];
  });
  if (perRound.length === 0) return { median: NaN, min: NaN, max: NaN, perRound };
  return { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound), perRound };
}

/** max |a − b| / max |b| (0 when b is all zeros and a equals it). */
export function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  if (Number.isNaN(num)) return Infinity;
  return den === 0 ? (num === 0 ? 0 : Infinity) : num / den;
}
