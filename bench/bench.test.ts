/**
 * Smoke test of `npm run bench -- --quick`, in process: every suite runs at its quick sizes, the
 * results have the documented structure, and every peer's gradient agreed with impl's. No timing
 * is asserted — only that timings are positive numbers — because this machine is shared and noisy.
 */
import { describe, expect, it } from "vitest";
import { scalarPlan, scalarPlanFromCase } from "./cases/scalar-plan.js";
import { defaultOptions, SUITES } from "./options.js";
import { report } from "./report.js";
import type { BenchResults, Timing } from "./results.js";
import { runBench } from "./run.js";

const isTiming = (t: Timing): void => {
  expect(t.ms).toBeGreaterThan(0);
  expect(t.samples.length).toBeGreaterThan(0);
  expect(t.calls).toBeGreaterThanOrEqual(1);
};

describe("npm run bench -- --quick", () => {
  let results: BenchResults;

  it("runs every suite", async () => {
    results = await runBench(defaultOptions(true, undefined));
    expect(results.ran).toEqual(SUITES);
    expect(results.errors).toEqual([]);
    // What the CLI writes is the JSON of this object: it must survive the round trip.
    results = JSON.parse(JSON.stringify(results)) as BenchResults;
  }, 300_000);

  it("has gradient/forward rows for MLPs and random graphs", () => {
    const rows = results.suites.ratio!;
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["tanh-loss", "mlp4", "random"]));
    for (const r of rows) {
      isTiming(r.forward);
      isTiming(r.gradient);
      expect(r.ratio).toBeGreaterThan(0);
    }
  });

  it("agrees with the reference on the cases it times", () => {
    for (const r of results.suites.reference!) {
      isTiming(r.impl);
      isTiming(r.reference);
      expect(r.relDiff).toBeLessThan(1e-9);
    }
  });

  it("checked every peer's gradient against impl's, and every check passed", () => {
    const sweep = results.suites.peers!;
    const peers = sweep.peers.map((p) => p.name).filter((n) => n !== "impl");
    expect(peers).toEqual(["tfjs-cpu", "tfjs-wasm", "jax-js-wasm"]);
    const sizes = [...new Set(sweep.rows.map((r) => r.n))];
    expect(sweep.checks).toHaveLength(peers.length * sizes.length);
    for (const c of sweep.checks) expect(c, `${c.peer} at n=${c.n}: ${c.error ?? c.relErr}`).toMatchObject({ ok: true });
    // Every peer that passed was timed, next to impl.
    expect(sweep.rows).toHaveLength((peers.length + 1) * sizes.length);
    for (const r of sweep.rows) {
      isTiming(r.timing);
      expect(r.gflops).toBeGreaterThan(0);
    }
  });

  it("measures scaling in child processes, with memory", () => {
    for (const r of results.suites.scaling!) {
      expect(r.totalMs).toBeGreaterThan(0);
      expect(r.planBytesPerNode).toBeGreaterThan(0);
      expect(r.peakRssBytesPerNode).toBeGreaterThan(0);
    }
  });

  it("builds the scaling graph with impl's builder exactly as its JSON case compiles", () => {
    const a = scalarPlan(2000).plan;
    const b = scalarPlanFromCase(2000).plan;
    expect(Array.from(a.forward())).toEqual(Array.from(b.forward()));
    expect(a.gradient().map((g) => Array.from(g))).toEqual(b.gradient().map((g) => Array.from(g)));
  });

  it("judges no target on a quick run, and prints a table for each suite", () => {
    expect(results.targets.length).toBe(6);
    for (const t of results.targets) expect(t.met).toBeUndefined();
    const text = report(results);
    for (const heading of ["gradient / forward", "impl vs reference", "MLP sweep", "scaling", "targets"]) expect(text).toContain(heading);
  });
});
