// The oracles against each other on graph cases (issue 3, "Done when"): the high-precision
// directional derivative and the float64 finite differences agree within FD's own error estimate
// on 1000 random smooth graphs; FD is INCONCLUSIVE — not FAIL — at relu's kink and next to log's
// domain edge, and FAILs a gradient one element of which is off by 1e-4·b; the Taylor test fits
// slope 2 for the right gradient and 1 for a perturbed one (spec: tol.bound, system.gradient).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import { gradient, type GraphCase, type Tensor } from "../reference/index.js";
import { errorScale } from "./bound/index.js";
import { checkDirectional, checkGradient, taylorTest } from "./fd/index.js";
import { float64Objective } from "./float64-objective.js";
import { directionalDerivative } from "./hp-directional.js";

/** A direction with entries in [−1, 1] for every wrt input, from integers (no subnormals). */
function directionFor(c: GraphCase, ints: readonly number[]): Record<string, Tensor> {
  let k = 0;
  const next = (): number => ((ints[k++ % ints.length] as number) % 1001) / 1000 || 0.5;
  return Object.fromEntries(
    c.graph.inputs.map((i) => [i.id, typeof i.value === "number" || typeof i.value === "string" ? next() : (i.value as unknown[][]).map((row) => row.map(next))]),
  );
}

describe("high precision vs float64 finite differences on random smooth graphs", () => {
  it("agree within FD's own error estimate, and FD never FAILs the reference's gradient (1000 graphs)", () => {
    let compared = 0;
    fc.assert(
      fc.property(smoothGraphCase({ maxSteps: 6 }), fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 20 }), (c, ints) => {
        const v = directionFor(c, ints);
        const hp = directionalDerivative(c, v, { precision: 36 });
        const obj = float64Objective(c);
        const g = gradient(c).gradient;
        const scale = obj.flatten(errorScale(c).gradient);
        const fd = checkDirectional(obj.f, obj.x, obj.flatten(g), obj.flatten(v), scale);
        expect(fd.verdict, `${fd.reason} ${JSON.stringify(c.graph)}`).not.toBe("FAIL");
        // The high-precision oracle says "undecidable" (error ∞) where a derivative cancels to an
        // exact zero below its rounding (sum(Xᵀ) + sum(−X)); such graphs are counted, not compared.
        if (fd.verdict === "PASS" && hp.error.isFinite()) {
          compared++;
          expect(Math.abs(hp.derivative.toNumber() - fd.estimate)).toBeLessThanOrEqual(fd.error + 1e-300);
          // and the high-precision estimate is far sharper than FD's
          expect(hp.error.toNumber()).toBeLessThanOrEqual(fd.error);
        }
      }),
      { seed: 303, numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(900);
  }, 120_000);
});

const scalarCase = (op: string, x: number): GraphCase => ({
  id: "t.fd",
  description: "",
  kind: "graph",
  graph: { inputs: [{ id: "x", value: x }], nodes: [{ id: "y", op, args: ["x"] }], output: "y" },
});

describe("FD verdicts on graph cases", () => {
  it("relu at its kink is INCONCLUSIVE for the conventional derivative 0 (spec: prim.relu.kink)", () => {
    const obj = float64Objective(scalarCase("relu", 0));
    const r = checkGradient(obj.f, obj.x, Float64Array.of(0), Float64Array.of(1));
    expect(r.verdict).toBe("INCONCLUSIVE");
  });
  it("log next to its domain edge is INCONCLUSIVE, not FAIL, for the true derivative", () => {
    const obj = float64Objective(scalarCase("log", 1e-12));
    const r = checkGradient(obj.f, obj.x, Float64Array.of(1e12), Float64Array.of(1e12));
    expect(r.verdict).not.toBe("FAIL");
  });
  it("a gradient one element of which is off by 1e-4·b FAILs, at that element only", () => {
    const c: GraphCase = {
      id: "t.fd.mlp",
      description: "",
      kind: "graph",
      graph: {
        inputs: [{ id: "W", value: [[0.3, -0.2, 0.5], [0.1, 0.4, -0.6]] }, { id: "X", value: [[1, -0.5], [0.25, 2], [-1, 0.75]] }],
        nodes: [{ id: "Z", op: "matmul", args: ["W", "X"] }, { id: "H", op: "tanh", args: ["Z"] }, { id: "l", op: "sum", args: ["H"] }],
        output: "l",
      },
    };
    const obj = float64Objective(c);
    const b = obj.flatten(errorScale(c).gradient);
    const g = obj.flatten(gradient(c).gradient);
    expect(checkGradient(obj.f, obj.x, g, b).verdict).toBe("PASS");
    const bad = Float64Array.from(g);
    bad[4] = (bad[4] as number) + 1e-4 * (b[4] as number);
    const r = checkGradient(obj.f, obj.x, bad, b);
    expect(r.verdict).toBe("FAIL");
    expect(r.failed).toEqual([4]);
  });
  it("the Taylor remainder falls with slope 2 for the reference's gradient and 1 for a perturbed one", () => {
    const c = smoothCaseWithMatrices();
    const obj = float64Objective(c);
    const g = obj.flatten(gradient(c).gradient);
    const v = Float64Array.from(g, (_, i) => Math.cos(i + 1));
    expect(taylorTest(obj.f, obj.x, g, v).slope).toBeGreaterThan(1.9);
    expect(taylorTest(obj.f, obj.x, g, v).slope).toBeLessThan(2.1);
    const wrong = Float64Array.from(g, (x, i) => (i === 0 ? x + 1e-3 : x));
    const slope = taylorTest(obj.f, obj.x, wrong, v).slope as number;
    expect(Math.abs(slope - 1)).toBeLessThan(0.2);
  });
});

function smoothCaseWithMatrices(): GraphCase {
  return {
    id: "t.taylor",
    description: "",
    kind: "graph",
    graph: {
      inputs: [{ id: "A", value: [[1, 0.5], [-0.25, 2]] }, { id: "B", value: [[0.3, -0.7], [0.2, 0.1]] }],
      nodes: [
        { id: "C", op: "matmul", args: ["A", "B"] },
        { id: "S", op: "sin", args: ["C"] },
        { id: "E", op: "exp", args: ["B"] },
        { id: "P", op: "mul", args: ["S", "E"] },
        { id: "l", op: "logdet", args: ["A"] },
        { id: "s", op: "sum", args: ["P"] },
        { id: "y", op: "add", args: ["s", "l"] },
      ],
      output: "y",
    },
  };
}
