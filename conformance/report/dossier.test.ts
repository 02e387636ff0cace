// The failure dossier (spec: conform.dossier): built for a wrong gradient of a graph case, by the
// judge for corpus cases and by graph-failure-report for a property's counterexample; plain JSON.
// Expected numbers are closed forms and the theory of the Taylor test, not the code's output.
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { graphGradientProperty } from "../properties/graph-gradient.js";
import { withOracleExpect } from "../properties/oracle-expect.js";
import { BROKEN } from "../properties/testing/broken-backends.js";
import { graphFailureReport } from "../run/graph-failure-report.js";
import { judge, type InProcessBackend } from "../run/judge.js";
import { propertyOutcome } from "../run/property-outcome.js";
import { sinTanhProduct } from "../run/sin-tanh-product.js";
import { fromJsonNumber as num } from "./dossier.js";

// y = sin(x)·tanh(z): for tanhWrong only tanh's edge into z is wrong.
const product = sinTanhProduct("dossier.product");
const dydz = Math.sin(0.3) * (1 - Math.tanh(0.8) ** 2);
const capabilities = ["gradient"];
// The catalog's backends are BackendLike (hello's name optional); the judge takes them as they are.
const tanhWrong = BROKEN.tanhWrong as unknown as InProcessBackend;

describe("the judge's dossier for a corpus case", () => {
  it("a wrong gradient: the case as sent, the worst element, the departure, FD and Taylor evidence", async () => {
    const o = await judge({ file: "f.json", case: product }, tanhWrong, capabilities);
    expect(o.status).toBe("fail");
    const d = o.dossier;
    expect(d).toBeDefined();
    if (d === undefined) return;
    expect(d.case.expect).toBeUndefined(); // as the backend received it
    expect(d.case.graph).toEqual(product.graph);
    expect(d.source).toBe("oracle");
    expect(d.worst.input).toBe("z");
    expect(d.worst.element).toBe("");
    expect(num(d.worst.expected)).toBeCloseTo(dydz, 14);
    // Both sin and mul agree; the departure is in the edges into z.
    expect(d.localization?.departure).toBeUndefined();
    expect(d.localization?.agreeing).toHaveLength(2);
    expect(num(d.fd?.oracle)).toBeCloseTo(dydz, 14);
    expect(d.fd?.verdicts.oracle).toMatch(/^PASS/);
    expect(d.fd?.verdicts.backend).toMatch(/^FAIL/);
    // The central difference converges to ∂y/∂z (error O(h²)): at some step it is within 1e-9.
    expect(Math.min(...(d.fd?.rows ?? []).map((r) => Math.abs(num(r.central) - dydz)))).toBeLessThan(1e-9);
    // A wrong gradient leaves R ≈ h·|Δ| (order 1), the right one O(h²) (order 2).
    expect(num(d.taylor?.backend.slope)).toBeCloseTo(1, 1);
    expect(num(d.taylor?.oracle.slope)).toBeCloseTo(2, 1);
    expect(d.notes).toEqual([]);
  });

  it("survives JSON: what the JSON-lines report holds is the same dossier", async () => {
    const o = await judge({ file: "f.json", case: product }, tanhWrong, capabilities);
    expect(JSON.parse(JSON.stringify(o.dossier))).toEqual(o.dossier);
    // The first row's Richardson value does not exist: written as the case format writes NaN.
    expect(o.dossier?.fd?.rows[0]?.extrapolated).toBe("NaN");
  });

  it("names the departing node when one departs: sin(tanh(x·x)) departs at h = x·x", async () => {
    const c: GraphCase = {
      id: "dossier.chain",
      description: "",
      kind: "graph",
      graph: { inputs: [{ id: "x", value: 0.7 }], nodes: [{ id: "h", op: "mul", args: ["x", "x"] }, { id: "t", op: "tanh", args: ["h"] }, { id: "y", op: "sin", args: ["t"] }], output: "y" },
    };
    const d = (await judge({ file: "f.json", case: c }, tanhWrong, capabilities)).dossier;
    expect(d?.localization?.departure?.node).toBe("h");
    expect(d?.localization?.departure?.consumers).toEqual([{ id: "t", op: "tanh" }]);
  });

  it("no dossier on a pass, nor on a failure that is not a gradient element", async () => {
    expect((await judge({ file: "f.json", case: product }, reference, capabilities)).dossier).toBeUndefined();
    const wrongValue = { ...product, expect: { value: 1, gradient: { x: Math.cos(0.3) * Math.tanh(0.8), z: dydz } } };
    const o = await judge({ file: "f.json", case: wrongValue }, reference, capabilities);
    expect(o.status).toBe("fail");
    expect(o.dossier).toBeUndefined();
  });
});

describe("graph-failure-report's dossier for a property's counterexample", () => {
  it("comes with the report's sentence", async () => {
    const c = withOracleExpect(product) as GraphCase;
    const d = (await graphFailureReport(BROKEN.tanhWrong, c, "float64", "oracle"))?.dossier;
    expect(d?.worst.input).toBe("z");
    expect(num(d?.fd?.oracle)).toBeCloseTo(dydz, 14);
  });

  it("a failing graph-gradient property's outcome carries it (through property-outcome.ts)", async () => {
    const r = await graphGradientProperty(BROKEN.tanhWrong, { seed: 7, runs: 200 });
    expect(r.status).toBe("fail");
    const o = propertyOutcome("property.graph-gradient", 7, r);
    const counterexample = r.counterexample as GraphCase;
    expect(o.dossier?.case.graph).toEqual(counterexample.graph);
    expect(o.dossier?.source).toBe("oracle");
    expect(counterexample.graph.nodes.some((n) => n.op === "tanh")).toBe(true);
  });
});
