// The large-matmul property: its closed forms agree with an independent oracle, correct backends
// (the reference, impl with its blocked WebAssembly kernels and with its JavaScript ones) pass it,
// and a bug that only large products show is caught by it and by nothing that draws 3×3 graphs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GraphCase } from "../../reference/index.js";
import { reference } from "../../reference/index.js";
import { exactGradient } from "../arbitraries/exact-gradient.js";
import { closedForm, LARGE_MATMUL_VARIANTS, largeMatmulCase, largeMatmulCaseArbitrary, REGIMES } from "../arbitraries/large-matmul-case.js";
import { graphGradientProperty, largeMatmulProperty } from "./index.js";
import { largeMatmulRuns } from "./large-matmul.js";
import { BROKEN } from "./testing/broken-backends.js";
import { replay } from "./testing/replay.js";
import { impl } from "../../impl/index.js";

const unsign = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? v + 0 : v)));
const small = REGIMES.find((r) => r.name === "small")!;

describe("large-matmul's closed forms", () => {
  it("equal the forward-mode dual-number gradient (exact-gradient.ts) on small cases of every variant", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LARGE_MATMUL_VARIANTS), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (v, m, k, n, p, seed) => {
        const c = largeMatmulCase(small, v, m, k, n, p, seed);
        // The sign of an exact zero is not compared (the dual numbers form 0·(−4) = −0).
        expect(unsign(closedForm(c))).toEqual(unsign(exactGradient(c)));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("refuse a case whose sums could reach 2²⁴ (where binary32 stops being exact)", () => {
    const c = largeMatmulCase(small, "single", 1, 1, 1, 1, 0);
    const big = { ...c, graph: { ...c.graph, inputs: [{ id: "A", value: [[2 ** 12]] }, { id: "B", value: [[2 ** 11]] }] } } as GraphCase;
    expect(() => closedForm(big)).toThrow(/2²⁴/);
  });

  it("every regime's largest case stays exact", () => {
    for (const r of REGIMES) for (const v of LARGE_MATMUL_VARIANTS) expect(() => closedForm(largeMatmulCase(r, v, r.m[1], r.k[1], r.n[1], 6, 1))).not.toThrow();
  });

  it("the arbitrary draws every regime within a quick run", () => {
    const regimes = fc.sample(largeMatmulCaseArbitrary(), { seed: 20230315, numRuns: 25 }).map((x) => x.regime);
    expect(new Set(regimes)).toEqual(new Set(REGIMES.map((r) => r.name)));
  });
});

describe("large-matmul against backends", () => {
  it("runs a tenth of the profile's count, at least 25", () => {
    expect([0, 3, 25, 100, 1000, 10_000].map(largeMatmulRuns)).toEqual([0, 3, 25, 25, 100, 1000]);
  });

  it("the reference and impl (blocked WebAssembly kernels, as conform runs it) pass", async () => {
    for (const b of [reference, impl]) {
      const r = await largeMatmulProperty(b, { seed: 42, runs: 25 });
      expect(r.status, r.reason).toBe("pass");
      expect(r.runs).toBe(25);
    }
  });

  it("catches a kernel that forgets the inner dimension past 256, which graph-gradient's 3×3 graphs pass", async () => {
    const r = await largeMatmulProperty(BROKEN.matmulSliceDropped, { seed: 42, runs: 25 });
    expect(r.status, r.reason).toBe("fail");
    const c = r.counterexample as GraphCase;
    // Shrunk to the edge: A has exactly 257 columns (the smallest size that shows the bug).
    expect((c.graph.inputs[0]!.value as number[][])[0]!.length).toBe(257);
    expect(r.reason).toMatch(/gradient\.B\[256\]/);
    expect(await replay(reference, c)).toBeUndefined();
    expect(await replay(BROKEN.matmulSliceDropped, c)).toBeDefined();
    expect((await graphGradientProperty(BROKEN.matmulSliceDropped, { seed: 42, runs: 100 })).status).toBe("pass");
  });
});
