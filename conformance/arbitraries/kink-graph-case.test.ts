// kinkGraphCase: relu's argument exactly at its kink in exact arithmetic, with the exact expected
// gradient under the convention relu'(0) = 0 (spec: prim.relu.kink, tol.scope).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradient, type GraphCase } from "../../reference/index.js";
import { delements, evaluateGraph, float64Field, highPrecisionGradient } from "../../oracles/index.js";
import { exactGradient } from "./exact-gradient.js";
import { elementsOf } from "./graph-builder.js";
import { EXACT_PRIMITIVES, kinkGraphCase } from "./kink-graph-case.js";
import { smoothGraphCase } from "./smooth-graph.js";

describe("kinkGraphCase", () => {
  const cases = fc.sample(kinkGraphCase(), { numRuns: 400, seed: 21 });

  it("has a relu in every graph, each with an argument element exactly 0, reached by the output", () => {
    for (const c of cases) {
      const values = evaluateGraph(c, float64Field);
      const relus = c.graph.nodes.filter((n) => n.op === "relu");
      expect(relus.length).toBeGreaterThan(0);
      for (const r of relus) expect(elementsOf(values.get(r.args[0] as string) as number).some((x) => x === 0)).toBe(true);
    }
  });

  it("uses only primitives that are exact over small integers, with integer values", () => {
    for (const c of cases) {
      expect(c.graph.nodes.every((n) => (EXACT_PRIMITIVES as readonly string[]).includes(n.op))).toBe(true);
      for (const v of evaluateGraph(c, float64Field).values()) expect(elementsOf(v as number).every(Number.isInteger)).toBe(true);
    }
  });

  it("expects exactly what the reference computes (it follows the convention; the arithmetic is exact)", () => {
    for (const c of cases) {
      const r = gradient(c);
      expect({ value: r.value, gradient: r.gradient }).toEqual(c.expect);
    }
  });

  it("the exact-gradient oracle's derivative rules agree with high precision on smooth graphs", () => {
    for (const c of fc.sample(smoothGraphCase({ maxSteps: 5 }), { numRuns: 40, seed: 22 })) {
      const hp = highPrecisionGradient(c, { precision: 30, levels: 3 });
      const dual = exactGradient(c).gradient;
      for (const [id, g] of Object.entries(hp.gradient)) {
        const d = elementsOf(dual[id] as number);
        delements(g).forEach((x, k) => expect(Math.abs(x.toNumber() - (d[k] as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x.toNumber()))));
      }
    }
  });

  it("shrinks to relu of one zero input", () => {
    const r = fc.check(fc.property(kinkGraphCase(), (c) => c.graph.nodes.length === 0), { seed: 23 });
    const c = (r.counterexample as [GraphCase])[0];
    expect(c.graph.nodes.map((n) => n.op)).toEqual(["relu"]);
    expect(c.graph.inputs).toEqual([{ id: "x0", value: 0 }]);
  });
});
