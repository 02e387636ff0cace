// Localization names the node whose adjoint departs first: broken backends with a known bug on
// small graphs whose structure says where the bug must show (spec: conform.report). Expected
// adjoint values are closed forms computed here, not taken from the code under test.
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { BROKEN } from "../properties/testing/broken-backends.js";
import type { BackendLike } from "../properties/backend-like.js";
import { localizationReport } from "./localization-report.js";
import { localize } from "./localize.js";

const graph = (id: string, inputs: GraphCase["graph"]["inputs"], nodes: GraphCase["graph"]["nodes"], output: string): GraphCase => ({ id, description: "", kind: "graph", graph: { inputs, nodes, output } });

// x → h = x·x → t = tanh(h) → s = sin(t): tanh's edge into h is the wrong one.
const tanhChain = graph("loc.tanh", [{ id: "x", value: 0.7 }], [
  { id: "h", op: "mul", args: ["x", "x"] },
  { id: "t", op: "tanh", args: ["h"] },
  { id: "s", op: "sin", args: ["t"] },
], "s");

// d = sin(a) − cos(b), squared; the second argument of sub is listed first, so the walk passes the
// first argument (whose edge is right) before reaching it.
const subCase = graph("loc.sub", [{ id: "a", value: 0.3 }, { id: "b", value: 1.1 }], [
  { id: "q", op: "cos", args: ["b"] },
  { id: "p", op: "sin", args: ["a"] },
  { id: "d", op: "sub", args: ["p", "q"] },
  { id: "l", op: "square", args: ["d"] },
], "l");

// l = Σ tanh(A)·tanh(B) with non-symmetric A, B: matmul's edges into P (ℛ(Q)) and Q (ℒ(P)).
const matmulCase = graph("loc.matmul", [{ id: "A", value: [[0.1, 0.7], [-0.4, 0.2]] }, { id: "B", value: [[0.5, -0.3], [0.9, 0.6]] }], [
  { id: "P", op: "tanh", args: ["A"] },
  { id: "Q", op: "tanh", args: ["B"] },
  { id: "M", op: "matmul", args: ["P", "Q"] },
  { id: "l", op: "sum", args: ["M"] },
], "l");

describe("localize", () => {
  it("tanh' = 1 − tanh: the tanh node's argument departs first, gathering the edge from the tanh node", async () => {
    const l = await localize(BROKEN.tanhWrong, tanhChain);
    expect(l.departure).toMatchObject({ node: "h", op: "mul", consumers: [{ id: "t", op: "tanh" }] });
    expect(l.agreeing).toEqual(["t"]);
    // ȳ_h = cos(tanh h)·(1 − tanh² h) at h = 0.49; the bug gives (1 − tanh h) instead.
    const t = Math.tanh(0.49);
    expect(l.departure?.oracle).toBeCloseTo(Math.cos(t) * (1 - t * t), 14);
    expect(l.departure?.backend).toBeCloseTo(Math.cos(t) * (1 - t), 14);
    expect(l.departure?.ratio).toBeGreaterThan(1e6);
  });

  it("sub linearized as 𝓘·𝓘: sub's second argument departs, its first agrees", async () => {
    const l = await localize(BROKEN.subSignError, subCase);
    expect(l.departure).toMatchObject({ node: "q", op: "cos", consumers: [{ id: "d", op: "sub" }] });
    expect(l.agreeing).toEqual(["d", "p"]);
    const d = Math.sin(0.3) - Math.cos(1.1);
    expect(l.departure?.oracle).toBeCloseTo(-2 * d, 14);
  });

  it("matmul's linearizations swapped: the later argument of matmul departs first, at a named element", async () => {
    const l = await localize(BROKEN.matmulSwapped, matmulCase);
    expect(l.departure).toMatchObject({ node: "Q", consumers: [{ id: "M", op: "matmul" }] });
    expect(l.departure?.element).toMatch(/^\[[01]\]\[[01]\]$/);
    expect(l.agreeing).toEqual(["M"]);
  });

  it("ℛ(A)ᵀ• = ℛ(A): matmul's first argument departs (its edge is ℛ(Q)); the second, an ℒ edge, agrees", async () => {
    const l = await localize(BROKEN.rightNoTranspose, matmulCase);
    expect(l.departure).toMatchObject({ node: "P", consumers: [{ id: "M", op: "matmul" }] });
    expect(l.agreeing).toEqual(["M", "Q"]);
    // ȳ_P = 1·Qᵀ: row i of ȳ_P holds the row sums of Q.
    const Q = [[0.5, -0.3], [0.9, 0.6]].map((r) => r.map(Math.tanh));
    const rowSums = Q.map((r) => (r[0] as number) + (r[1] as number));
    const [i, j] = (l.departure?.element.match(/\d/g) ?? []).map(Number);
    expect(l.departure?.oracle).toBeCloseTo(rowSums[j as number] as number, 14);
    expect(i === 0 || i === 1).toBe(true);
  });

  it("the reference localizes nothing on correct cases: every node agrees", async () => {
    for (const [c, nodes] of [[tanhChain, ["t", "h"]], [subCase, ["d", "p", "q"]], [matmulCase, ["M", "Q", "P"]]] as const) {
      expect(await localize(reference, c)).toEqual({ agreeing: nodes, passedOver: [] });
    }
  });

  it("caps the work and passes over cut cases it cannot judge, naming them", async () => {
    expect((await localize(BROKEN.tanhWrong, tanhChain, "float64", { maxNodes: 1 })).passedOver).toEqual(['the nodes from "h" back (more than 1)']);
    expect((await localize(BROKEN.matmulSwapped, matmulCase, "float64", { maxElements: 1 })).passedOver).toEqual(['"M" (4 elements, more than 1)', '"Q" (4 elements, more than 1)', '"P" (4 elements, more than 1)']);
    const garbage: BackendLike = { hello: () => ({ capabilities: ["gradient"] }), gradient: () => ({ value: 0, gradient: {} }) };
    const g = await localize(garbage, tanhChain);
    expect(g.departure).toBeUndefined();
    expect(g.passedOver[0]).toMatch(/^"t" \(malformed answer to the cut case: /);
    // A crash is likely to repeat: the walk stops at the first one.
    const crashing: BackendLike = { hello: () => ({ capabilities: ["gradient"] }), gradient: () => { throw new TypeError("boom"); } };
    expect((await localize(crashing, tanhChain)).passedOver).toEqual(['"t" (the backend failed on its cut case: boom)']);
  });
});

describe("localizationReport", () => {
  it("names the departing node, both values, the excess and the consumers", async () => {
    const text = await localizationReport(BROKEN.tanhWrong, tanhChain, "float64", "x");
    expect(text).toMatch(/^adjoint of node "h" \(mul\) departs first: backend 0\.\d+, oracle 0\.\d+ \([\d.e+]+× the allowance, [\d.e+]+ ulps\); its adjoint gathers the edges from "t" \(tanh\); the adjoints of the 1 node\(s\) after it agree$/);
  });

  it("when every node agrees, the departure is at the worst input, with its consumers", async () => {
    const tiny = graph("loc.tiny", [{ id: "x", value: 0.4 }], [{ id: "y", op: "tanh", args: ["x"] }], "y");
    expect(await localizationReport(BROKEN.tanhWrong, tiny, "float64", "x")).toBe('no node\'s adjoint departs (none to check between the inputs and the output), so the adjoint of input "x" departs first; it gathers the edges from "y" (tanh)');
    expect(await localizationReport(reference, tanhChain, "float64", "x")).toBe('every node\'s adjoint agrees (2 checked), so the adjoint of input "x" departs first; it gathers the edges from "h" (mul)');
  });

  it("never throws: a fault while localizing is reported as such", async () => {
    const unknownOp = graph("loc.bad", [{ id: "x", value: 1 }], [{ id: "y", op: "softmax", args: ["x"] }], "y");
    expect(await localizationReport(BROKEN.tanhWrong, unknownOp, "float64", "x")).toMatch(/^could not localize: .*softmax/);
  });
});
