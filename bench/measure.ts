/**
 * Side-by-side timing on a shared, noisy machine.
 *
 * Every contender of one comparison is measured in the same loop: after a warm-up, repetition r
 * runs each contender once as a batch of calls, in an order rotated by r (so no contender always
 * runs right after the same other one, or always first). A batch is long enough (`batchMs`) that
 * the clock's resolution does not matter; its time divided by its calls is one sample. We report
 * the median sample, and ratios as the median of the per-repetition ratios: both contenders of a
 * repetition ran seconds apart, so a burst of load on the machine hits both and cancels.
 *
 * Process CPU time is recorded next to wall time: when a co-tenant steals the core, wall time
 * grows and CPU time does not (every contender here runs on one thread; see the JSON's cpu/wall).
 */
export interface Contender {
  readonly name: string;
  /** Untimed: called before each batch (tfjs switches its global backend here). */
  readonly enter?: () => Promise<void> | void;
  /** One timed call. */
  readonly run: () => unknown;
}

export interface Samples {
  /** Milliseconds per call, one per repetition. */
  readonly wall: number[];
  readonly cpu: number[];
  readonly calls: number;
}

export interface MeasureOptions {
  readonly reps: number;
  /** Minimum length of one timed batch. */
  readonly batchMs: number;
  /** Minimum warm-up per contender (JIT tiers, tfjs/jax kernel compilation, caches). */
  readonly warmupMs: number;
}

export async function interleave(contenders: readonly Contender[], o: MeasureOptions): Promise<Map<string, Samples>> {
  const calls = new Map<string, number>();
  for (const c of contenders) {
    await c.enter?.();
    const perCall = warm(c, o.warmupMs);
    calls.set(c.name, Math.max(1, Math.ceil(o.batchMs / Math.max(perCall, 1e-3))));
  }
  const out = new Map<string, Samples>(contenders.map((c) => [c.name, { wall: [], cpu: [], calls: calls.get(c.name)! }]));
  for (let r = 0; r < o.reps; r++) {
    for (let j = 0; j < contenders.length; j++) {
      const c = contenders[(j + r) % contenders.length]!;
      const k = calls.get(c.name)!;
      await c.enter?.();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < k; i++) c.run();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const s = out.get(c.name)!;
      s.wall.push(wall / k);
      s.cpu.push((cpu.user + cpu.system) / 1000 / k);
    }
  }
  return out;
}

/**
 * Runs `c` for at least `ms` (at least once: one call of the reference at 10³ nodes takes seconds
 * and warms it up by itself); returns the median call time after the first (the first compiles;
 * a single slow call, e.g. one that met a GC, must not set the batch size).
 */
function warm(c: Contender, ms: number): number {
  const start = performance.now();
  const times: number[] = [];
  let last = start;
  while (times.length === 0 || last - start < ms) {
    c.run();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return median(times.length > 1 ? times.slice(1) : times);
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median over repetitions of a[r] / b[r] (paired: both measured in the same repetition). */
export const pairedRatio = (a: Samples, b: Samples): number => median(a.wall.map((x, r) => x / b.wall[r]!));
