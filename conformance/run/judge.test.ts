// The runner on the real corpus: the reference passes everything, and miniature broken backends
// are caught — each bug by the cases that exercise it, each failure naming its worst element
// (spec: conform.outcome).
import { describe, expect, it } from "vitest";
import { reference, SpecError, type GraphCase, type OperatorCase, type SystemCase } from "../../reference/index.js";
import { loadCaseFiles } from "../load/index.js";
import { judge } from "./judge.js";
import * as mutants from "./mutants.js";
import type { InProcessBackend } from "./judge.js";

const corpus = loadCaseFiles(["conformance/cases"]);

async function run(backend: InProcessBackend) {
  const caps = (await backend.hello()).capabilities;
  const outcomes = [];
  for (const c of corpus.cases) outcomes.push(await judge(c, backend, caps));
  return outcomes;
}

const failing = async (backend: InProcessBackend) => (await run(backend)).filter((o) => o.status !== "pass");

/**
 * The NaN-policy cases (conformance/cases/nan.json): NaN and ±∞ hide a wrong derivative or a
 * relative error (NaN·anything is NaN; 1 − tanh and 1 − tanh² are both 0 at ±∞), so the counts
 * below leave them out.
 */
const nanPolicy = (c: { case: { tags?: readonly string[] } }): boolean => (c.case.tags ?? []).includes("nan-policy");

describe("the corpus against the reference", () => {
  it("loads without faults and passes every case", async () => {
    expect(corpus.faults).toEqual([]);
    expect(corpus.cases.length).toBeGreaterThan(200);
    expect(await failing(reference)).toEqual([]);
  });
});

describe("broken backends are caught", () => {
  it("a forgotten transpose in ℒ(A)ᵀ• fails the matmul and MLP cases", async () => {
    const bad = await failing(mutants.forgetsTranspose);
    const ids = bad.map((o) => o.id);
    expect(ids).toContain("paper.mlp.showcase");
    expect(ids.filter((id) => id.includes("matmul")).length).toBeGreaterThan(0);
    expect(bad.every((o) => o.status === "fail")).toBe(true);
    // rectangular factors make the bug a shape error; square ones a wrong value, named by element
    expect(bad.find((o) => o.id === "paper.mlp.showcase")?.reason).toMatch(/^unexpected error E_SHAPE: /);
    expect(bad.find((o) => o.id === "prim.matmul.decimal")?.reason).toMatch(/^gradient\.b\[\d\]\[\d\]: expected .* \(case\), got .* \(backend\); \|Δ\| = /);
  });

  it("a wrong tanh derivative fails exactly the cases that use tanh", async () => {
    const policyIds = new Set(corpus.cases.filter(nanPolicy).map((c) => c.case.id));
    const bad = (await failing(mutants.wrongTanh)).map((o) => o.id).filter((id) => !policyIds.has(id));
    const usesTanh = corpus.cases
      .filter((c) => !nanPolicy(c) && c.case.kind === "graph" && c.case.graph.nodes.some((n) => n.op === "tanh") && c.case.expect !== undefined && !("error" in c.case.expect))
      .map((c) => c.case.id);
    expect(usesTanh.length).toBeGreaterThan(0);
    expect(bad.sort()).toEqual(usesTanh.sort());
  });

  it("each wrong-tanh failure names, as the first departing adjoint, an argument of a tanh node (spec: conform.report)", async () => {
    const bad = await failing(mutants.wrongTanh);
    expect(bad.length).toBeGreaterThan(0);
    for (const o of bad) {
      const c = corpus.cases.find((l) => l.case.id === o.id)?.case as GraphCase;
      const tanhArgs = c.graph.nodes.filter((n) => n.op === "tanh").map((n) => n.args[0]);
      const named = /adjoint of (?:node|input) "([^"]+)"(?: \(\w+\))? departs first/.exec(o.reason ?? "")?.[1];
      expect(tanhArgs, `${o.id}: ${o.reason}`).toContain(named);
      expect(o.reason).toMatch(/gathers the edges from .*\(tanh\)/);
    }
  });

  it("a gradient off by 1e-6 relative in one element is a failure, not noise", async () => {
    const bad = await failing(mutants.slightlyOff);
    const withGradient = corpus.cases.filter((c) => !nanPolicy(c) && c.case.kind === "graph" && c.case.expect !== undefined && "gradient" in c.case.expect && Object.keys(c.case.expect.gradient ?? {}).length > 0);
    expect(bad.length).toBeGreaterThanOrEqual(withGradient.length * 0.9);
    expect(bad[0]?.reason).toMatch(/\[0\]\[0\]|: expected/);
  });

  it("an error of 1e-11 relative — inside any global rtol of 1e-10 — is caught by the error-bound allowance (spec: tol.allowance)", async () => {
    const bad = await failing(mutants.offBy(1e-11));
    const withGradient = corpus.cases.filter((c) => !nanPolicy(c) && c.case.kind === "graph" && c.case.expect !== undefined && "gradient" in c.case.expect && Object.keys(c.case.expect.gradient ?? {}).length > 0);
    expect(bad.length).toBeGreaterThanOrEqual(withGradient.length * 0.8);
    // …except where the model cannot decide: a relu argument within rounding of its kink (tol.scope)
    const undecided = bad.filter((o) => o.status === "skip" && !o.id.startsWith("nan.") && !o.id.startsWith("inf."));
    expect(undecided.map((o) => o.id)).toEqual(["graph.relu-kink-in-layer"]);
    expect(undecided[0]?.reason).toMatch(/^undecided: .*spec: tol\.scope/);
    expect(bad.filter((o) => o.status !== "skip").every((o) => o.status === "fail" && /× the allowance/.test(o.reason ?? ""))).toBe(true);
  });

  it("a wrong shape fails even where the model cannot decide values (spec: conform.outcome)", async () => {
    const kink = corpus.cases.find((c) => c.case.id === "graph.relu-kink-in-layer") as (typeof corpus.cases)[number];
    // The scalar value comes back as a 1×1 matrix; the gradient is right.
    const wrongShapes: InProcessBackend = {
      ...reference,
      gradient: (c: GraphCase) => {
        const r = reference.gradient(c) as { value: number; gradient: Record<string, unknown> };
        return { value: [[r.value]], gradient: r.gradient };
      },
    };
    const o = await judge(kink, wrongShapes, ["gradient"]);
    expect(o.status).toBe("fail");
    expect(o.reason).toMatch(/shape 1×1, expected scalar|shape .*, expected/);
  });

  it("a wrong error code fails the error cases, by code", async () => {
    const bad = await failing(mutants.wrongErrorCode);
    const expected = corpus.cases.filter((c) => c.case.kind === "graph" && c.case.expect !== undefined && "error" in c.case.expect && c.case.expect.error !== "E_SHAPE");
    expect(bad.map((o) => o.id).sort()).toEqual(expected.map((c) => c.case.id).sort());
    expect(bad[0]?.reason).toMatch(/^expected E_\w+, got E_SHAPE: /);
  });

  it("a crashing backend errors on every graph and system case and the run goes on", async () => {
    const outcomes = await run(mutants.crashes);
    const kinds = new Map(corpus.cases.map((c) => [c.case.id, c.case.kind]));
    for (const o of outcomes) {
      const kind = kinds.get(o.id);
      if (kind === "operator") expect(o.status).toBe("pass");
      else expect(o, o.id).toMatchObject({ status: "error", reason: expect.stringMatching(/^backend threw: /) });
    }
  });

  it("E_INTERNAL from a backend is an error, not an answer (spec: conform.outcome)", async () => {
    const internal: InProcessBackend = { ...reference, gradient: () => { throw new SpecError("E_INTERNAL", "bug"); } };
    const c = corpus.cases.find((l) => l.case.kind === "graph") as (typeof corpus.cases)[number];
    expect(await judge(c, internal, ["gradient"])).toMatchObject({ status: "error", reason: expect.stringMatching(/^backend reported E_INTERNAL/) });
  });

  it("a missing capability is a skip with the reason, never a failure", async () => {
    const outcomes = await run(mutants.applyOnly);
    expect(outcomes.filter((o) => o.status === "fail" || o.status === "error")).toEqual([]);
    const skipped = outcomes.filter((o) => o.status === "skip");
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]?.reason).toMatch(/lacks the capability "(gradient|solve)"/);
  });
});

// Cases without `expect` are judged against the oracles (spec: conform.expect-absent).
describe("cases without expect", () => {
  const oracleJudged = loadCaseFiles(["conformance/testdata/oracle-judged"]);
  const byId = (id: string) => oracleJudged.cases.find((l) => l.case.id === `oracle-judged.${id}`) as (typeof oracleJudged.cases)[number];
  const all = ["gradient", "solve", "apply"];

  it("load, carry no expect, and pass on the reference", async () => {
    expect(oracleJudged.faults).toEqual([]);
    expect(oracleJudged.cases.length).toBe(5);
    for (const l of oracleJudged.cases) {
      expect(l.case.expect).toBeUndefined();
      expect(await judge(l, reference, all), l.case.id).toMatchObject({ status: "pass" });
    }
  });

  it("fail on a broken backend, saying the expected side is the oracles' and where the adjoint departs", async () => {
    const o = await judge(byId("tanh-chain"), mutants.wrongTanh, all);
    expect(o.status).toBe("fail");
    // d/dx sin(tanh(x²)) = cos(t)·(1 − t²)·2x at x = 0.7, t = tanh(0.49): a closed form, not the oracle's code.
    const t = Math.tanh(0.49);
    const [, expected] = /^gradient\.x: expected (\S+) \(oracle\), got \S+ \(backend\); /.exec(o.reason ?? "") ?? [];
    expect(Number(expected)).toBeCloseTo(Math.cos(t) * (1 - t * t) * 1.4, 14);
    expect(o.reason).toMatch(/adjoint of node "h" \(mul\) departs first: .*gathers the edges from "t" \(tanh\)/);
  });

  it("an oracle domain error is the expected error: a result where log(0) is evaluated fails", async () => {
    const answers: InProcessBackend = { ...reference, gradient: () => ({ value: -Infinity, gradient: { x: Infinity } }) };
    expect(await judge(byId("log-zero"), answers, all)).toMatchObject({ status: "fail", reason: "expected E_DOMAIN (oracle), got a result" });
    const wrongCode: InProcessBackend = { ...reference, gradient: () => { throw new SpecError("E_SHAPE", "no"); } };
    expect(await judge(byId("log-zero"), wrongCode, all)).toMatchObject({ status: "fail", reason: expect.stringMatching(/^expected E_DOMAIN \(oracle\), got E_SHAPE/) });
  });

  it("an undecidable gradient (a kink at the point) is left out and named; the value is still judged", async () => {
    expect(await judge(byId("relu-kink"), mutants.slightlyOff, all)).toMatchObject({ status: "pass", reason: expect.stringMatching(/^not judged: gradient\.x /) });
    const wrongValue: InProcessBackend = { ...reference, gradient: (c: GraphCase) => ({ ...reference.gradient(c), value: 1 }) };
    expect(await judge(byId("relu-kink"), wrongValue, all)).toMatchObject({ status: "fail", reason: expect.stringMatching(/^value: expected 0 \(oracle\), got 1 \(backend\)/) });
  });

  it("system and operator cases are judged against the explicit solve and matrix", async () => {
    // (I − L)ᵀ• y = rhs with one edge a → b of weight 3 and rhs b = 2: y_b = 2, y_a = 3·2 = 6.
    const wrongSolve: InProcessBackend = { ...reference, solve: (_c: SystemCase) => ({ solution: { a: 5, b: 2 } }) };
    expect(await judge(byId("system"), wrongSolve, all)).toMatchObject({ status: "fail", reason: expect.stringMatching(/^solution\.a: expected 6 \(oracle\), got 5 \(backend\)/) });
    // ℒ(A)ᵀ• Y = AᵀY with Y the exchange matrix: [[3, 1], [4, 2]].
    const noTranspose: InProcessBackend = { ...reference, apply: (c: OperatorCase) => ({ ...reference.apply(c), adjoint: [[2, 1], [4, 3]] }) };
    expect(await judge(byId("operator"), noTranspose, all)).toMatchObject({ status: "fail", reason: expect.stringMatching(/^adjoint\[\d\]\[\d\]: expected \d \(oracle\), got \d \(backend\)/) });
  });
});
