// Every property passes against the reference; the runner's behaviour with backends that crash,
// refuse, lack capabilities, answer asynchronously or return wrong shapes (spec: conform.outcome).
import { describe, expect, it } from "vitest";
import { reference, SpecError, type GraphCase } from "../../reference/index.js";
import { BackendFault } from "../backends/index.js";
import { propertyOutcome } from "../run/property-outcome.js";
import type { BackendLike } from "./backend-like.js";
import { graphGradientProperty, kinkConventionProperty, operatorApplyProperty, PROPERTIES, reversalLaw, systemSolutionProperty } from "./index.js";
import { largeMatmulRuns } from "./large-matmul.js";
import { BROKEN } from "./testing/broken-backends.js";

const RUNS = 200;

describe("the reference", () => {
  for (const p of PROPERTIES) {
    it(`passes ${p.name} (${RUNS} random cases)`, async () => {
      const r = await p.run(reference, { seed: 2024, runs: RUNS });
      expect(r.status, r.reason).toBe("pass");
      expect(r.runs).toBe(p.name === "large-matmul" ? largeMatmulRuns(RUNS) : RUNS); // a tenth, at least 25
      expect(r.inconclusive).toBeLessThanOrEqual(RUNS / 20);
    });
  }
});

/** The reference behind promises, as a subprocess transport would answer. */
const asynchronous: BackendLike = {
  hello: async () => reference.hello(),
  gradient: async (c) => reference.gradient(c),
  solve: async (c) => reference.solve(c),
  apply: async (c) => reference.apply(c),
  jvp: async (c, t) => reference.jvp(c, t),
};

describe("running properties", () => {
  it("awaits asynchronous backends", async () => {
    for (const p of PROPERTIES) expect((await p.run(asynchronous, { seed: 1, runs: 30 })).status).toBe("pass");
  });

  it("reports a backend that throws as an error at the first case, without shrinking or further calls", async () => {
    let calls = 0;
    const crashing: BackendLike = { ...reference, gradient: () => { calls++; throw new TypeError("cannot read properties of undefined"); } };
    const r = await graphGradientProperty(crashing, { seed: 3, runs: 100 });
    expect(r.status).toBe("error");
    expect(r.runs).toBe(1);
    expect(calls).toBe(1);
    expect(r.reason).toContain("cannot read properties of undefined");
    expect(r.counterexample?.kind).toBe("graph");
  });

  it("fails a backend that reports a spec error for a valid case, and shrinks the case", async () => {
    const refusing: BackendLike = { ...reference, solve: () => { throw new SpecError("E_SHAPE", "no"); } };
    const r = await systemSolutionProperty(refusing, { seed: 4, runs: 100 });
    expect(r.status).toBe("fail");
    expect(r.reason).toContain("E_SHAPE");
    expect(r.counterexample).toMatchObject({ kind: "system", system: { unknowns: [{ id: "u0" }], edges: [] } });
  });

  it("takes error replies returned rather than thrown", async () => {
    const replying: BackendLike = { ...reference, apply: () => ({ error: { code: "E_DOMAIN", message: "no" } }) };
    expect((await operatorApplyProperty(replying, { seed: 5, runs: 10 })).status).toBe("fail");
  });

  it("a request that got no answer (a timeout, a crash) errs with its fault kind, like a corpus case (spec: backend.faults)", async () => {
    for (const kind of ["timeout", "crashed", "protocol"] as const) {
      const silent: BackendLike = { ...reference, solve: () => { throw new BackendFault(kind, "no reply"); } };
      const r = await systemSolutionProperty(silent, { seed: 4, runs: 20 });
      expect(r).toMatchObject({ status: "error", fault: kind });
      expect(propertyOutcome("property.system-solution", 4, r)).toMatchObject({ status: "error", fault: kind });
    }
    const threw: BackendLike = { ...reference, solve: () => { throw new Error("bug"); } };
    expect((await systemSolutionProperty(threw, { seed: 4, runs: 20 })).fault).toBeUndefined();
  });

  it("fails answers of the wrong shape, naming the member", async () => {
    const wrongShape: BackendLike = { ...reference, gradient: (c: GraphCase) => ({ ...reference.gradient(c), value: [[0]] }) };
    const r = await kinkConventionProperty(wrongShape, { seed: 6, runs: 10 });
    expect(r.status).toBe("fail");
    expect(r.reason).toMatch(/value has shape \[1, 1\]|value has shape 1×1/);
  });

  it("skips a property whose capability the backend lacks, and runs 0 = none", async () => {
    const applyOnly: BackendLike = { hello: () => ({ capabilities: ["apply"] }), apply: reference.apply };
    expect(await graphGradientProperty(applyOnly, { seed: 1, runs: 10 })).toMatchObject({ status: "skip", runs: 0 });
    expect(await reversalLaw(reference, { seed: 1, runs: 0 })).toMatchObject({ status: "skip" });
  });

  it("judges with the declared precision class: float32 results pass as float32 and fail as float64", async () => {
    const round = (x: unknown): unknown =>
      typeof x === "number" ? Math.fround(x) : Array.isArray(x) ? x.map(round) : typeof x === "object" && x !== null ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)])) : x;
    const rounding = (precision: string): BackendLike => ({
      hello: () => ({ capabilities: ["gradient", "solve"], precision }),
      gradient: (c) => round(reference.gradient(c)),
      solve: (c) => round(reference.solve(c)),
    });
    for (const run of [graphGradientProperty, systemSolutionProperty]) {
      expect((await run(rounding("float32"), { seed: 8, runs: 100 })).status).toBe("pass");
      expect((await run(rounding("float64"), { seed: 8, runs: 100 })).status).toBe("fail");
    }
  });

  it("is deterministic for a seed, and replays a counterexample from its path", async () => {
    const strip = ({ seconds: _s, ...rest }: { seconds: number }) => rest;
    const a = await reversalLaw(BROKEN.composeNotReversed, { seed: 7, runs: 200 });
    const b = await reversalLaw(BROKEN.composeNotReversed, { seed: 7, runs: 200 });
    expect(strip(a)).toEqual(strip(b));
    const again = await reversalLaw(BROKEN.composeNotReversed, { seed: 7, runs: 200, path: a.path as string });
    expect(again.counterexample?.kind).toBe("operator");
    expect({ ...again.counterexample, id: "", description: "" }).toEqual({ ...a.counterexample, id: "", description: "" });
  });
});
