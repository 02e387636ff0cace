// graphCase: valid graphs over every primitive, arguments inside each rule's declared domain and
// away from its kinks and edges, shrinking to minimal graphs (spec: prim.domain, prim.relu.kink,
// tol.scope).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIMITIVE_NAMES, RULES, gradient, type GraphCase } from "../../reference/index.js";
import { errorScale, evaluateGraph, float64Field, tolerance } from "../../oracles/index.js";
import { elementsOf } from "./graph-builder.js";
import { graphCase } from "./graph-case.js";
import { POW_EXPONENTS } from "./recipes.js";

const sample = (n: number, seed: number): GraphCase[] => fc.sample(graphCase(), { numRuns: n, seed });

describe("graphCase", () => {
  const cases = sample(600, 5);

  it("gives valid cases: the reference differentiates every one to finite values, with a scalar output", () => {
    for (const c of cases) {
      const r = gradient(c);
      expect(typeof r.value).toBe("number");
      expect(Number.isFinite(r.value as number)).toBe(true);
      for (const g of Object.values(r.gradient)) expect(elementsOf(g).every(Number.isFinite)).toBe(true);
    }
  });

  it("covers every primitive, every pow exponent, and scalars, square and non-square matrices", () => {
    const ops = new Set(cases.flatMap((c) => c.graph.nodes.map((n) => n.op)));
    expect(PRIMITIVE_NAMES.filter((p) => !ops.has(p))).toEqual([]);
    const exponents = new Set(cases.flatMap((c) => c.graph.nodes.filter((n) => n.op === "pow").map((n) => n.exponent)));
    expect(POW_EXPONENTS.filter((p) => !exponents.has(p))).toEqual([]);
    const shapes = new Set(cases.flatMap((c) => c.graph.inputs.map((x) => (typeof x.value === "number" ? "scalar" : x.value.length === (x.value[0] as unknown[]).length ? "square" : "non-square"))));
    expect([...shapes].sort()).toEqual(["non-square", "scalar", "square"]);
    // Fan-out and reuse: some unknown is an argument of two nodes, some node takes one id twice.
    expect(cases.some((c) => c.graph.nodes.some((n) => n.args.length === 2 && n.args[0] === n.args[1]))).toBe(true);
  });

  it("puts every argument inside its primitive's declared domain, at least 1e-6 from kinks and edges", () => {
    let checked = 0;
    for (const c of cases) {
      const values = evaluateGraph(c, float64Field);
      for (const n of c.graph.nodes) {
        const rule = RULES[n.op as keyof typeof RULES];
        const attributes = n.exponent === undefined ? {} : { exponent: Number(n.exponent) };
        rule.domain(attributes).forEach((d, k) => {
          const xs = elementsOf(values.get(n.args[k] as string) as number | number[][]);
          const points = k === 0 ? [...rule.kinks.map((x) => x.at), ...rule.edges] : [];
          for (const x of xs) for (const t of points) expect(Math.abs(x - t)).toBeGreaterThanOrEqual(1e-6);
          if (d.kind === "above") for (const x of xs) expect(x - d.bound).toBeGreaterThanOrEqual(1e-6);
          if (d.kind === "nonzero") for (const x of xs) expect(Math.abs(x)).toBeGreaterThanOrEqual(1e-6);
          if (d.kind !== "all" || points.length > 0) checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("stays inside the first-order tolerance model: no node within rounding of a kink or an edge", () => {
    for (const c of cases.slice(0, 300)) expect(tolerance(errorScale(c)).outsideModel).toEqual([]);
  });

  it("shrinks to minimal graphs: 'contains tanh' to one tanh node, 'contains inv' to inv and its guard", () => {
    const minimal = (op: string): GraphCase => {
      const r = fc.check(fc.property(graphCase(), (c) => !c.graph.nodes.some((n) => n.op === op)), { seed: 7, numRuns: 1000 });
      return (r.counterexample as [GraphCase])[0];
    };
    expect(minimal("tanh").graph.nodes.map((n) => n.op)).toEqual(["tanh"]);
    // inv of a 1×1 matrix: the guard tanh and add, inv, and the sum that makes the output a scalar.
    expect(minimal("inv").graph.nodes.map((n) => n.op)).toEqual(["tanh", "add", "inv", "sum"]);
  });

  it("restricts to the given primitives, and gives kink graphs with atKinks", () => {
    const few = fc.sample(graphCase({ primitives: ["mul", "log"] }), { numRuns: 100, seed: 8 });
    const ops = new Set(few.flatMap((c) => c.graph.nodes.map((n) => n.op)));
    expect([...ops].every((op) => ["mul", "log", "sigmoid", "sum", "add"].includes(op))).toBe(true); // plus guards and the output's reduction
    const kinks = fc.sample(graphCase({ atKinks: true }), { numRuns: 20, seed: 9 });
    expect(kinks.every((c) => c.tags?.includes("kink") === true && c.expect !== undefined)).toBe(true);
  });
});
