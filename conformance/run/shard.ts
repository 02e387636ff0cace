/**
 * `--shard k/n`: which part of a run this invocation does. Corpus cases go to one shard by a hash
 * of their id alone (adding a case moves no other); every property runs in every shard on its own
 * share of the random cases, with its own seed derived from the run's seed, k and n.
 *
 * Conventions: `k` is {@link Shard.index} (1-based), `n` {@link Shard.count}.
 *
 * @see spec/06-conformance.md#conform.shard
 */

export interface Shard {
  /** k, 1 ≤ k ≤ n. */
  readonly index: number;
  /** n ≥ 1. */
  readonly count: number;
}

/** What a shard's properties run: the seed and random cases per property, and how to replay one. */
export interface PropertyPlan {
  readonly seed: number;
  readonly runs: number;
  /** How to replay a failure of `property.<name>`, before ", path …": `replay: --seed 1` or, for a shard, the flags without it. */
  readonly replay: (name: string) => string;
}

/** 32-bit FNV-1a of the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

/** `"k/n"` → the shard, or undefined if it is not two decimal whole numbers with 1 ≤ k ≤ n. */
export function parseShard(text: string): Shard | undefined {
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return Number.isSafeInteger(count) && index <= count ? { index, count } : undefined;
}

/** The shard (1…n) a corpus case id belongs to. */
export function shardOf(id: string, count: number): number {
  return (fnv1a32(id) % count) + 1;
}

/** Whether the corpus case `id` runs in `shard` (always, without one). */
export function inShard(id: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.count === 1 || shardOf(id, shard.count) === shard.index;
}

/** The shard's share of `runs` random cases: ⌊kR/n⌋ − ⌊(k−1)R/n⌋ (the shares add up to R). */
export function shardRuns(runs: number, shard: Shard): number {
  const upTo = (k: number): number => Number((BigInt(k) * BigInt(runs)) / BigInt(shard.count));
  return upTo(shard.index) - upTo(shard.index - 1);
}

/** The shard's seed: the run's own for n = 1, else FNV-1a of "seed/k/n" mod 2³¹. */
export function shardSeed(seed: number, shard: Shard): number {
  return shard.count === 1 ? seed : fnv1a32(`${seed}/${shard.index}/${shard.count}`) % 2 ** 31;
}

/** The seed, runs and replay flags of the properties in `shard` (or of the whole run). */
export function propertyPlan(seed: number, runs: number, shard: Shard | undefined): PropertyPlan {
  if (shard === undefined || shard.count === 1) return { seed, runs, replay: () => `replay: --seed ${seed}` };
  const s = shardSeed(seed, shard);
  const r = shardRuns(runs, shard);
  return { seed: s, runs: r, replay: (name) => `replay without --shard: --seed ${s} --runs ${r} --filter property.${name}` };
}
