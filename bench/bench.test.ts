/**
 * Smoke test of `npm run bench -- --quick`, in process: every suite runs at its quick sizes, the
 * results have the documented structure, and every peer's gradient agreed with impl's. No timing
 * is asserted — only that timings are positive numbers — because this machine is shared and noisy.
 */
import { describe, expect, it } from "vitest";
import { emitRandomGraph, LOCAL_WINDOW, RANDOM_ARGS, randomGraphInputs, type RandomArgs } from "./cases/random-graph.js";
import { scalarPlan, scalarPlanFromCase } from "./cases/scalar-plan.js";
import { defaultOptions, SUITES } from "./options.js";
import { report } from "./report.js";
import type { BenchResults, ScalingRow, ScalingRun, Timing } from "./results.js";
import { runBench } from "./run.js";
import { roundOrder } from "./suites/scaling.js";
import { judgeTargets } from "./targets.js";

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

  it("measures scaling in child processes, with memory, for both argument families at every size, in rounds", () => {
    const rows = results.suites.scaling!;
    const { sizes: { scaling: sizes }, rounds } = defaultOptions(true);
    expect(rounds).toBeGreaterThan(1);
    expect(rows.map((r) => `${r.family} ${r.nodes}`).sort()).toEqual(RANDOM_ARGS.flatMap((f) => sizes.map((n) => `${f} ${n}`)).sort());
    for (const r of rows) {
      isTiming(r.forward);
      isTiming(r.gradient);
      expect(r.forward.samples).toHaveLength(rounds); // one median per round
      expect(r.totalMs).toBeGreaterThan(0);
      expect(r.nsPerNode).toBeGreaterThan(0);
      expect(r.planBytesPerNode).toBeGreaterThan(0);
      expect(r.planArrayBytes).toBeCloseTo(r.planArrayBytesPerNode * r.nodes, 3);
      expect(r.peakRssBytesPerNode).toBeGreaterThan(0);
      // One child per round, each with its own repetitions.
      expect(r.runs.map((x) => x.round)).toEqual([...Array(rounds).keys()]);
      for (const x of r.runs) {
        isTiming(x.forward);
        isTiming(x.gradient);
        expect(x.forward.samples).toHaveLength(defaultOptions(true).reps);
      }
      const v = r.vsSmallest;
      expect(v.perRound).toHaveLength(rounds);
      expect(v.min).toBeLessThanOrEqual(v.median);
      expect(v.median).toBeLessThanOrEqual(v.max);
      if (r.nodes === sizes[0]) expect(v).toEqual({ median: 1, min: 1, max: 1, perRound: Array(rounds).fill(1) });
    }
    // Every round ran every (family, size) once, each in its own slot.
    for (let round = 0; round < rounds; round++) {
      const slots = rows.map((r) => r.runs.find((x) => x.round === round)!.slot).sort((a, b) => a - b);
      expect(slots).toEqual([...slots.keys()]);
    }
    const text = report(results);
    for (const f of RANDOM_ARGS) expect(text).toMatch(new RegExp(`^${f}\\s+1e3\\s.*1\\.00× \\[1\\.00–1\\.00\\]`, "m"));
  });

  it("rotates the scaling order per round: each round runs every size and family once, starting elsewhere", () => {
    const sizes = [10_000, 100_000, 1_000_000];
    const orders = [0, 1, 2].map((r) => roundOrder(sizes, r).map((j) => `${j.family} ${j.nodes}`));
    for (const o of orders) expect([...o].sort()).toEqual(RANDOM_ARGS.flatMap((f) => sizes.map((n) => `${f} ${n}`)).sort());
    expect(new Set(orders.map((o) => o[0])).size).toBe(3);
    // A family's sizes run back to back (the per-round size ratio compares neighbours in time).
    for (const o of orders) expect(o.slice(0, sizes.length).every((j) => j.startsWith(o[0]!.split(" ")[0]!))).toBe(true);
  });

  it("builds the scaling graph with impl's builder exactly as its JSON case compiles", () => {
    for (const args of RANDOM_ARGS) {
      const a = scalarPlan(2000, 3, args).plan;
      const b = scalarPlanFromCase(2000, 3, args).plan;
      expect(Array.from(a.forward())).toEqual(Array.from(b.forward()));
      expect(a.gradient().map((g) => Array.from(g))).toEqual(b.gradient().map((g) => Array.from(g)));
    }
  });

  it("draws local second arguments within the window, uniform ones across the graph, on a spine either way", () => {
    const nodes = 20_000;
    const ninputs = randomGraphInputs(nodes);
    const reach = (args: RandomArgs): number[] => {
      const far: number[] = [];
      let k = ninputs;
      emitRandomGraph(nodes, 3, {
        input: () => {},
        node: (_op, a, b) => {
          expect(a).toBe(k - 1); // the spine: every node is an ancestor of the output
          if (b !== undefined) {
            expect(b).toBeLessThan(k);
            expect(b).toBeGreaterThanOrEqual(0);
            far.push(k - b);
          }
          k++;
        },
        ref: (j: number): number => j,
      }, args);
      return far;
    };
    const local = reach("local");
    const uniform = reach("uniform");
    expect(local).toHaveLength(nodes / 2);
    expect(Math.max(...local)).toBeLessThanOrEqual(LOCAL_WINDOW);
    expect(Math.max(...local)).toBeGreaterThan(LOCAL_WINDOW * 0.9);
    expect(Math.max(...uniform)).toBeGreaterThan(nodes / 2);
  });

  it("judges the scaling targets on both families and prints both figures", () => {
    // ns/node per round; the row's own figures are the medians (the target pairs the rounds itself).
    const row = (family: RandomArgs, nodes: number, byRound: number[]): ScalingRow => {
      const mem = { planBytesPerNode: 80, planArrayBytesPerNode: 66, planArrayBytes: 66 * nodes, peakRssBytesPerNode: 200, builder: "GraphBuilder" };
      const t = (ns: number): Timing => ({ ms: (ns * nodes) / 2e6, cpuMs: (ns * nodes) / 2e6, samples: [1], calls: 1 });
      const runs: ScalingRun[] = byRound.map((ns, round) => ({ round, slot: 0, compileMs: 1, forward: t(ns), gradient: t(ns), totalMs: 2 * t(ns).ms, nsPerNode: ns, ...mem }));
      const nsPerNode = [...byRound].sort((a, b) => a - b)[1]!;
      const one = { median: 1, min: 1, max: 1, perRound: [1, 1, 1] };
      return { family, nodes, compileMs: 1, forward: t(nsPerNode), gradient: t(nsPerNode), totalMs: 2 * t(nsPerNode).ms, nsPerNode, vsSmallest: one, ...mem, runs };
    };
    const scaling = [row("uniform", 10_000, [100, 100, 100]), row("uniform", 1_000_000, [180, 170, 190]), row("local", 10_000, [100, 100, 100]), row("local", 1_000_000, [120, 125, 140])];
    const { targets: _t, ...rest } = results;
    const t = judgeTargets({ ...rest, meta: { ...rest.meta, options: { ...rest.meta.options, quick: false } }, suites: { scaling }, errors: [] });
    const t6 = t.find((x) => x.target.startsWith("time per node"))!;
    expect(t6.met).toBe(false);
    expect(t6.measured).toContain("MET on local args (1.25× [3 rounds 1.20–1.40×, rounds on both sides of 1.3×], 125 vs 100 ns/node); NOT MET on uniform args (1.80× [3 rounds 1.70–1.90×], 180 vs 100 ns/node). The 10⁶ plan's arrays are 66 MB");
    expect(t6.measured.startsWith("MET on local")).toBe(true);
    const t4 = t.find((x) => x.target.includes("< 0.5 s"))!;
    expect(t4.met).toBe(true);
    expect(t4.measured).toContain("uniform args");
    expect(t4.measured).toContain("local args");
    // One family missing at 10⁶: nothing judged.
    const partial = judgeTargets({ ...rest, meta: { ...rest.meta, options: { ...rest.meta.options, quick: false } }, suites: { scaling: scaling.filter((r) => r.family === "uniform") }, errors: [] });
    for (const x of partial.filter((x) => x.target.includes("10⁶"))) expect(x.met).toBeUndefined();
  });

  it("judges no target on a quick run, and prints a table for each suite", () => {
    expect(results.targets.length).toBe(6);
    for (const t of results.targets) expect(t.met).toBeUndefined();
    const text = report(results);
    for (const heading of ["gradient / forward", "impl vs reference", "MLP sweep", "scaling", "targets"]) expect(text).toContain(heading);
  });
});
