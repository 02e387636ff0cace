// --shard k/n: the hash, the split of the corpus, the shares and seeds of the random cases
// (spec: conform.shard). Hash values are the published FNV-1a test vectors, and for the others a
// separate Python implementation (h = ((h ^ byte) * 16777619) mod 2³² over the UTF-8 bytes).
import { describe, expect, it } from "vitest";
import { loadCaseFiles } from "../load/index.js";
import { fnv1a32, inShard, parseShard, propertyPlan, shardOf, shardRuns, shardSeed } from "./shard.js";

describe("shard", () => {
  it("hashes with 32-bit FNV-1a over UTF-8 bytes", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
    expect(fnv1a32("ȳ·1")).toBe(0xeb864042); // two-byte UTF-8 sequences (Python)
    expect(fnv1a32("prim.sin.scalar")).toBe(0xe7bbc95d); // Python
  });

  it("parses k/n with 1 ≤ k ≤ n and nothing else", () => {
    expect(parseShard("1/2")).toEqual({ index: 1, count: 2 });
    expect(parseShard("2/2")).toEqual({ index: 2, count: 2 });
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/2", "3/2", "1/0", "x", "", "1/", "/2", "1/2/3", "01/2", "1.5/2", "-1/2", " 1/2", "1 /2", "1/99999999999999999999"]) {
      expect(parseShard(bad), bad).toBeUndefined();
    }
  });

  it("puts every corpus case in exactly one shard, by its id alone", () => {
    const ids = loadCaseFiles(["conformance/cases"]).cases.map((c) => c.case.id);
    expect(ids.length).toBeGreaterThan(100);
    for (const n of [1, 2, 3, 5]) {
      const sizes = Array.from({ length: n }, (_, i) => ids.filter((id) => inShard(id, { index: i + 1, count: n })).length);
      expect(sizes.reduce((a, b) => a + b, 0), `n = ${n}`).toBe(ids.length);
      for (const id of ids) expect(Array.from({ length: n }, (_, i) => inShard(id, { index: i + 1, count: n })).filter(Boolean)).toHaveLength(1);
      // A hash, not a round robin, yet no shard is left nearly empty on the real corpus.
      for (const size of sizes) expect(size).toBeGreaterThan(ids.length / n / 2);
    }
    // The values from the independent Python hash: 0xe7bbc95d mod 2 = 1, mod 3 = 1 → shards 2/2 and 2/3.
    expect(shardOf("prim.sin.scalar", 2)).toBe(2);
    expect(shardOf("prim.sin.scalar", 3)).toBe(2);
    expect(inShard("prim.sin.scalar", undefined)).toBe(true);
  });

  it("gives each shard ⌊kR/n⌋ − ⌊(k−1)R/n⌋ random cases, adding up to R", () => {
    expect([1, 2].map((k) => shardRuns(25, { index: k, count: 2 }))).toEqual([12, 13]);
    expect([1, 2, 3].map((k) => shardRuns(10, { index: k, count: 3 }))).toEqual([3, 3, 4]);
    expect([1, 2, 3].map((k) => shardRuns(2, { index: k, count: 3 }))).toEqual([0, 1, 1]);
    for (const [runs, n] of [[10_000, 7], [1, 4], [0, 3], [1000, 1]] as const) {
      const shares = Array.from({ length: n }, (_, i) => shardRuns(runs, { index: i + 1, count: n }));
      expect(shares.reduce((a, b) => a + b, 0)).toBe(runs);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  it("derives a seed per shard: the run's own for n = 1, else FNV-1a of \"seed/k/n\" mod 2³¹", () => {
    expect(shardSeed(20230315, { index: 1, count: 1 })).toBe(20230315);
    expect(shardSeed(20230315, { index: 1, count: 2 })).toBe(146823774); // Python: 0x88c05a5e mod 2³¹
    expect(shardSeed(20230315, { index: 2, count: 2 })).toBe(2140691271); // Python: 0xff985b47 mod 2³¹
    expect(shardSeed(-7, { index: 3, count: 4 })).toBe(fnv1a32("-7/3/4") % 2 ** 31);
  });

  it("names the flags that replay a shard's failure without --shard", () => {
    expect(propertyPlan(5, 1000, undefined).replay("law.block")).toBe("replay: --seed 5");
    expect(propertyPlan(5, 1000, { index: 1, count: 1 })).toMatchObject({ seed: 5, runs: 1000 });
    const plan = propertyPlan(20230315, 25, { index: 2, count: 2 });
    expect(plan).toMatchObject({ seed: 2140691271, runs: 13 });
    expect(plan.replay("graph-gradient")).toBe("replay without --shard: --seed 2140691271 --runs 13 --filter property.graph-gradient");
  });
});
