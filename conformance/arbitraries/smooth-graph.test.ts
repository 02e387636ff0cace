// The smooth-graph generator yields valid graphs inside every domain (spec: prim.domain).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradient } from "../../reference/index.js";
import { SMOOTH_PRIMITIVES, smoothGraphCase } from "./smooth-graph.js";

describe("smoothGraphCase", () => {
  it("always evaluates without a spec error, to finite values, with a scalar output", () => {
    fc.assert(
      fc.property(smoothGraphCase(), (c) => {
        const r = gradient(c);
        expect(typeof r.value).toBe("number");
        expect(Number.isFinite(r.value as number)).toBe(true);
      }),
      { seed: 1, numRuns: 500 },
    );
  });
  it("covers every smooth primitive over a few hundred graphs", () => {
    const seen = new Set<string>();
    fc.assert(fc.property(smoothGraphCase(), (c) => void c.graph.nodes.forEach((n) => seen.add(n.op))), { seed: 2, numRuns: 400 });
    expect([...SMOOTH_PRIMITIVES].filter((p) => !seen.has(p))).toEqual([]);
  });
});
