// Path sums: the gradient as Σ over source-to-output paths of edge adjoints applied along the path,
// i.e. the Neumann series of (I − L)⁻¹ (spec: system.matrix), against the paper's closed forms and
// the reference's back substitution (spec: system.reverse), judged by the tolerance model (spec: tol.allowance).
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import { loadCaseFiles } from "../conformance/load/index.js";
import type { GraphCase } from "../reference/case.js";
import { elements, gradient, parseNumber } from "../reference/index.js";
import { errorScale } from "./bound/error-scale.js";
import { PRECISION } from "./bound/precision-class.js";
import { KAPPA } from "./bound/tolerance.js";
import { decimalContext, exact } from "./decimal.js";
import { pathSumGradient } from "./path-sums.js";

const corpus = loadCaseFiles([join(import.meta.dirname, "../conformance/cases")]).cases;
const byId = (id: string): GraphCase => {
  const c = corpus.find((l) => l.case.id === id)?.case;
  if (c?.kind !== "graph") throw new Error(`no graph case ${id}`);
  return c;
};
const constant = (c: GraphCase, id: string): number => parseNumber(c.graph.constants?.find((k) => k.id === id)?.value as number);

/**
 * Path sums and back substitution round differently; each is within D·u·b of the exact gradient,
 * and the path sum adds one more rounding per path when the paths are added up.
 */
function expectAgreement(c: GraphCase, paths: number): void {
  const { u, eta } = PRECISION.float64;
  const s = errorScale(c);
  const ps = pathSumGradient(c).gradient;
  const ref = gradient(c).gradient;
  for (const [id, t] of Object.entries(ref)) {
    const b = elements(s.gradient[id] as number);
    const p = elements(ps[id] as number);
    elements(t).forEach((x, e) => {
      const allowance = KAPPA * (2 * s.depth + paths) * (u * (b[e] as number) + eta);
      expect(Math.abs((p[e] as number) - x), `${c.id}: ${id}[${e}]`).toBeLessThanOrEqual(b[e] === 0 ? 0 : allowance);
    });
  }
}

describe("pathSumGradient", () => {
  it("gives the poster DAG's path weights acd and bcd, one path each (paper-notes §1)", () => {
    const c = byId("paper.poster-dag.graph");
    const [a, b, cc, d] = ["a", "b", "c", "d"].map((k) => constant(c, k)) as [number, number, number, number];
    const r = pathSumGradient(c);
    expect(r.gradient).toEqual({ x1: a * cc * d, x2: b * cc * d }); // small integers: exact
    expect(r.gradient).toEqual({ x1: 70, x2: 105 });
    expect(r.paths).toBe(2);
    expect(r.longest).toBe(4); // x1 → t1 → x3 → x4 → x5
  });

  it("gives the complete four-node DAG's 14.061 as four paths (paper-notes §1)", () => {
    const c = byId("paper.complete-dag4.graph");
    const D = decimalContext(40);
    const w = (k: string) => exact(D, constant(c, k));
    // a1·b2·c3 + a1·c2 + b1·c3 + c1 at the binary64 weights, exactly.
    const closed = w("a1").times(w("b2")).times(w("c3")).plus(w("a1").times(w("c2"))).plus(w("b1").times(w("c3"))).plus(w("c1"));
    expect(closed.toSignificantDigits(5).toString()).toBe("14.061");
    const r = pathSumGradient(c);
    expect(r.paths).toBe(4);
    expect(r.longest).toBe(5); // x1 → x2 → q → x3 → t → x4
    const s = errorScale(c);
    const { u } = PRECISION.float64;
    const error = exact(D, r.gradient.x1 as number).minus(closed).abs().toNumber();
    expect(error).toBeLessThanOrEqual(KAPPA * (s.depth + r.paths) * u * (s.gradient.x1 as number));
  });

  it("agrees with back substitution on the paper's MLP (matrix-valued paths)", () => {
    const c = byId("paper.mlp.showcase");
    const r = pathSumGradient(c);
    expect(r.paths).toBe(6); // a chain: one path from each of W1, B1, …, B3
    expectAgreement(c, r.paths);
  });

  it("agrees with back substitution on small random smooth graphs", () => {
    fc.assert(
      fc.property(smoothGraphCase(), (c) => {
        expectAgreement(c, pathSumGradient(c).paths);
      }),
      { seed: 41, numRuns: 300 },
    );
  });

  it("counts the length-0 path of an output that is an input: the gradient is the cotangent", () => {
    const c: GraphCase = {
      id: "output-is-input",
      description: "",
      kind: "graph",
      graph: { inputs: [{ id: "x", value: 2 }, { id: "z", value: 3 }], nodes: [{ id: "y", op: "mul", args: ["x", "z"] }], output: "x" },
    };
    expect(pathSumGradient(c)).toEqual({ gradient: { x: 1, z: 0 }, paths: 1, longest: 0 });
  });

  it("treats a repeated argument as two edges: mul(x, x) has two paths of weight x", () => {
    const c: GraphCase = {
      id: "square-by-mul",
      description: "",
      kind: "graph",
      graph: { inputs: [{ id: "x", value: 3 }], nodes: [{ id: "y", op: "mul", args: ["x", "x"] }], output: "y" },
    };
    expect(pathSumGradient(c)).toEqual({ gradient: { x: 6 }, paths: 2, longest: 1 });
  });

  it("refuses more paths than the cap, naming the count: a chain of doublings has 2ᵏ paths", () => {
    const nodes = Array.from({ length: 14 }, (_, i) => ({ id: `d${i + 1}`, op: "add", args: [`d${i}`, `d${i}`] }));
    const c: GraphCase = { id: "doublings", description: "", kind: "graph", graph: { inputs: [{ id: "d0", value: 1 }], nodes, output: "d14" } };
    expect(() => pathSumGradient(c)).toThrow(/16384 source-to-output paths exceed the cap of 10000/);
    const r = pathSumGradient(c, { maxPaths: 20_000 });
    expect(r).toEqual({ gradient: { d0: 16384 }, paths: 16384, longest: 14 });
  });
});
