// The dense solve of system cases (spec: system.solution, system.case, system.shapes): the paper's
// poster and complete DAGs, the corpus's expectations, its error cases, and the elimination order.
import { describe, expect, it } from "vitest";
import type { RawEdge, SystemCase } from "../../reference/case.js";
import { expectsError } from "../../reference/case.js";
import { decimalContext, exact } from "../decimal.js";
import type { Decimal } from "../decimal.js";
import { systemCases } from "./corpus.js";
import { denseSolve } from "./dense-system.js";
import type { GaussStats } from "./gauss.js";
import { codeOf, readExpected, worstGap } from "./testing.js";

const D = decimalContext(40);

/** A scalar system: unknowns v1…vn, edges (from, to, weight), rhs e_n. */
function scalarSystem(n: number, edges: [number, number, number | string][]): SystemCase {
  const id = (k: number): string => `v${k}`;
  return {
    id: "test.scalar-dag",
    description: "scalar DAG",
    kind: "system",
    system: {
      unknowns: Array.from({ length: n }, (_, k) => ({ id: id(k + 1), shape: [] })),
      edges: edges.map(([f, t, w]): RawEdge => ({ from: id(f), to: id(t), operator: { op: "scale", by: w } })),
      rhs: { [id(n)]: 1 },
    },
  };
}
const value = (r: ReturnType<typeof denseSolve>, id: string): Decimal => r.solution[id] as Decimal;

describe("the paper's DAGs (paper-notes §1)", () => {
  it("poster DAG: ȳ1 = acd, ȳ2 = bcd, ȳ3 = cd, ȳ4 = d, ȳ5 = 1", () => {
    const r = denseSolve(scalarSystem(5, [[1, 3, 2], [2, 3, 3], [3, 4, 5], [4, 5, 7]]), D);
    expect(["v1", "v2", "v3", "v4", "v5"].map((v) => value(r, v).toNumber())).toEqual([70, 105, 35, 7, 1]);
  });

  const weights: [number, number, string][] = [[1, 2, "1.1"], [1, 3, "1.3"], [1, 4, "1.7"], [2, 3, "1.9"], [2, 4, "2.3"], [3, 4, "2.9"]];

  it("complete DAG on four nodes with decimal weights: ȳ1 = 14.061, ȳ2 = 7.81, ȳ3 = 2.9", () => {
    // Natural order: no division by a pivot other than 1, so at 40 digits the sums of products of
    // these short decimals are exact.
    const natural = denseSolve(scalarSystem(4, weights), D, { numbers: "decimal", order: "natural" });
    expect(["v1", "v2", "v3", "v4"].map((v) => value(natural, v).toString())).toEqual(["14.061", "7.81", "2.9", "1"]);
    // Reversed order pivots on the weights and divides by them: exact to the context's rounding.
    const reversed = denseSolve(scalarSystem(4, weights), D, { numbers: "decimal" });
    for (const [v, e] of [["v1", "14.061"], ["v2", "7.81"], ["v3", "2.9"], ["v4", "1"]] as const) {
      expect(value(reversed, v).minus(e).abs().lt(1e-38), v).toBe(true);
    }
  });

  it("complete DAG at the binary64 weights: the closed form a1·b2·c3 + a1·c2 + b1·c3 + c1, 14.061 to 1e-15", () => {
    const r = denseSolve(scalarSystem(4, weights), D);
    const [a1, b1, c1, b2, c2, c3] = weights.map(([, , w]) => exact(D, Number(w))) as Decimal[] as [Decimal, Decimal, Decimal, Decimal, Decimal, Decimal];
    const closed = a1.times(b2).times(c3).plus(a1.times(c2)).plus(b1.times(c3)).plus(c1);
    expect(value(r, "v1").minus(closed).abs().lt(1e-37)).toBe(true);
    expect(value(r, "v1").minus("14.061").abs().lt(1e-15)).toBe(true);
    expect(value(r, "v1").equals("14.061")).toBe(false); // the doubles are not the decimals
  });
});

describe("the corpus's system cases", () => {
  const valued = systemCases().filter((c) => c.expect !== undefined && !expectsError(c.expect));
  const faulty = systemCases().filter((c) => expectsError(c.expect));

  it("has cases of both kinds", () => {
    expect(valued.length).toBeGreaterThanOrEqual(10);
    expect(faulty.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of valued) {
    it(`${c.id}: solution within 1e-25 relative`, () => {
      const r = denseSolve(c, D);
      const expected = (c.expect as { solution: Record<string, never> }).solution;
      for (const [id, raw] of Object.entries(expected)) {
        expect(worstGap(D, r.solution[id] as never, readExpected(D, raw), 1e-25, 1e-30), id).toBeLessThanOrEqual(1);
      }
    });
  }

  for (const c of faulty) {
    const code = (c.expect as { error: string }).error;
    it(`${c.id}: ${code}`, () => expect(codeOf(() => denseSolve(c, D))).toBe(code));
  }
});

describe("edge shapes (system.shapes)", () => {
  const edge = (operator: object): SystemCase => ({
    id: "t",
    description: "",
    kind: "system",
    system: { unknowns: [{ id: "A", shape: [2, 2] }, { id: "s", shape: [] }], edges: [{ from: "A", to: "s", operator: operator as never }], rhs: { s: 1 } },
  });
  it("zero with domain and codomain fits, and contributes nothing", () => {
    const r = denseSolve(edge({ op: "zero", domain: [2, 2], codomain: [] }), D);
    expect((r.solution["A"] as Decimal[][]).flat().every((x) => x.isZero())).toBe(true);
  });
  it("zero with only a codomain: its adjoint (op.zero.adjoint) maps the scalar back to a scalar → E_SHAPE", () => {
    expect(codeOf(() => denseSolve(edge({ op: "zero", codomain: [] }), D))).toBe("E_SHAPE");
  });
  it("an operator landing in the wrong shape → E_SHAPE", () => {
    expect(codeOf(() => denseSolve(edge({ op: "identity" }), D))).toBe("E_SHAPE");
  });
});

describe("elimination order", () => {
  const chain = systemCases().find((c) => c.id === "system.bidiagonal-chain") as SystemCase;

  it("in natural order the transposed matrix is upper triangular and elimination does nothing", () => {
    const stats: GaussStats = { swaps: 0, eliminations: 0 };
    denseSolve(chain, D, { order: "natural", stats });
    expect(stats).toEqual({ swaps: 0, eliminations: 0 });
  });

  it("in reversed order (the default) elimination really runs, and both orders agree", () => {
    const stats: GaussStats = { swaps: 0, eliminations: 0 };
    const a = denseSolve(chain, D, { stats });
    const b = denseSolve(chain, D, { order: "natural" });
    expect(stats.eliminations).toBeGreaterThan(0);
    expect(stats.swaps).toBeGreaterThan(0);
    for (const id of Object.keys(a.solution)) expect(worstGap(D, a.solution[id] as never, b.solution[id] as never, 1e-35, 1e-38)).toBeLessThanOrEqual(1);
  });
});
