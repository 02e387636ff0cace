// After shrinking, graph-gradient's reason goes past the directional quantity: the counterexample's
// worst gradient element against the oracles', and the first departing adjoint (spec: conform.report).
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { withOracleExpect } from "../properties/oracle-expect.js";
import { graphGradientProperty } from "../properties/graph-gradient.js";
import { BROKEN } from "../properties/testing/broken-backends.js";
import { graphFailureReport } from "./graph-failure-report.js";
import { sinTanhProduct } from "./sin-tanh-product.js";

// y = sin(x)·tanh(z): tanh's edge into z is the wrong one for tanhWrong.
const product = withOracleExpect(sinTanhProduct("report.product")) as GraphCase;

describe("graphFailureReport", () => {
  it("names the worst element (oracle side) and the departing input with its consumer", async () => {
    const text = (await graphFailureReport(BROKEN.tanhWrong, product, "float64", "oracle"))?.text;
    // ∂y/∂z = sin(0.3)·(1 − tanh²(0.8)): a closed form.
    const [, expected] = /^worst element gradient\.z: expected (\S+) \(oracle\), got \S+ \(backend\); /.exec(text ?? "") ?? [];
    expect(Number(expected)).toBeCloseTo(Math.sin(0.3) * (1 - Math.tanh(0.8) ** 2), 14);
    expect(text).toMatch(/every node's adjoint agrees \(2 checked\), so the adjoint of input "z" departs first; it gathers the edges from "t" \(tanh\)$/);
  });

  it("says nothing when the gradient matches (the reference)", async () => {
    expect(await graphFailureReport(reference, product, "float64", "oracle")).toBeUndefined();
  });
});

describe("graph-gradient's failure report", () => {
  it("tanh' = 1 − tanh: the shrunk counterexample's report names a tanh node's argument", async () => {
    const r = await graphGradientProperty(BROKEN.tanhWrong, { seed: 7, runs: 200 });
    expect(r.status).toBe("fail");
    const c = r.counterexample as GraphCase;
    const tanhArgs = c.graph.nodes.filter((n) => n.op === "tanh").map((n) => n.args[0]);
    expect(r.reason).toMatch(/; worst element gradient\.\S+: expected \S+ \(oracle\), got \S+ \(backend\); .* ulps; /);
    const named = /adjoint of (?:node|input) "([^"]+)"(?: \(\w+\))? departs first/.exec(r.reason ?? "")?.[1];
    expect(tanhArgs, r.reason).toContain(named);
  });
});
