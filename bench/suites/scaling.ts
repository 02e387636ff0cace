/**
 * Scaling on random scalar graphs (cases/random-graph.ts) of growing size, in two families — second
 * arguments `uniform` over the whole graph (half of them) and `local` (within the previous 1000
 * unknowns) — same sizes, same seed. Each (size, family) is measured in its own child process
 * (scaling-child.ts): each needs its own process to own its peak memory. A child cannot be
 * interleaved with another, so the suite runs in rounds instead: every round runs a child for every
 * size and family, in an order rotated per round (which size comes first, and which family), and a
 * family's sizes run back to back, so the per-round ratio between two sizes compares children that
 * ran seconds apart. Figures are medians over rounds; the ratio to the smallest size is the median
 * of the per-round ratios, with their min–max (the machine's load changes on a scale of seconds:
 * one child at one moment is not a measurement).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { RANDOM_ARGS, type RandomArgs } from "../cases/random-graph.js";
import { attempt, type ErrorLog } from "../errors.js";
import { median } from "../measure.js";
import type { BenchOptions } from "../options.js";
import type { ScalingChild } from "../scaling-child.js";
import type { ScalingRow, ScalingRun, Timing } from "../results.js";
import { roundRatio } from "../timing.js";

const CHILD = fileURLToPath(new URL("../scaling-child.ts", import.meta.url));

function runChild(args: object): Promise<ScalingChild> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--expose-gc", "--import", "tsx", CHILD, JSON.stringify(args)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("close", (code) => {
      if (code !== 0) return reject(new Error(`scaling child ${JSON.stringify(args)} exited ${code}: ${err.trim().split("\n").slice(-3).join(" | ")}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()!) as ScalingChild);
      } catch {
        reject(new Error(`scaling child printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

const rotate = <T>(xs: readonly T[], k: number): T[] => xs.map((_, i) => xs[(i + k) % xs.length]!);

/** Round r's order: families rotated by r, and within each family the sizes rotated by r. */
export function roundOrder(sizes: readonly number[], r: number): { family: RandomArgs; nodes: number }[] {
  return rotate(RANDOM_ARGS, r).flatMap((family) => rotate(sizes, r).map((nodes) => ({ family, nodes })));
}

/** Medians over rounds of the runs' figures; the samples are the per-round medians. */
const overRounds = (ts: readonly Timing[]): Timing => ({
  ms: median(ts.map((t) => t.ms)),
  cpuMs: median(ts.map((t) => t.cpuMs)),
  samples: ts.map((t) => t.ms),
  calls: median(ts.map((t) => t.calls)),
});

export async function scalingSuite(o: BenchOptions, log: (line: string) => void, errors: ErrorLog): Promise<ScalingRow[]> {
  const runs = new Map<string, ScalingRun[]>();
  const key = (family: RandomArgs, nodes: number): string => `${family} ${nodes}`;
  for (let round = 0; round < o.rounds; round++) {
    const order = roundOrder(o.sizes.scaling, round);
    for (const [slot, { family, nodes }] of order.entries()) {
      const child = await attempt(errors, "scaling", `${family} ${nodes} (round ${round + 1})`, () =>
        runChild({ nodes, family, reps: o.reps, batchMs: o.batchMs, warmupMs: o.warmupMs }),
      );
      if (child === undefined) continue;
      const run: ScalingRun = { round, slot, ...child };
      runs.set(key(family, nodes), [...(runs.get(key(family, nodes)) ?? []), run]);
      log(`  scaling round ${round + 1}/${o.rounds} ${family} ${nodes}: ${run.totalMs.toFixed(2)} ms, ${run.nsPerNode.toFixed(0)} ns/node, plan ${run.planBytesPerNode.toFixed(0)} B/node`);
    }
  }
  const rows: ScalingRow[] = [];
  for (const family of RANDOM_ARGS) {
    const smallest = o.sizes.scaling.map((n) => runs.get(key(family, n))).find((r) => r !== undefined);
    for (const nodes of o.sizes.scaling) {
      const rs = runs.get(key(family, nodes));
      if (rs === undefined) continue;
      const med = (f: (r: ScalingRun) => number): number => median(rs.map(f));
      rows.push({
        family,
        nodes,
        compileMs: med((r) => r.compileMs),
        forward: overRounds(rs.map((r) => r.forward)),
        gradient: overRounds(rs.map((r) => r.gradient)),
        totalMs: med((r) => r.totalMs),
        nsPerNode: med((r) => r.nsPerNode),
        vsSmallest: roundRatio(rs, smallest!),
        planBytesPerNode: med((r) => r.planBytesPerNode),
        planArrayBytesPerNode: med((r) => r.planArrayBytesPerNode),
        planArrayBytes: med((r) => r.planArrayBytes),
        peakRssBytesPerNode: med((r) => r.peakRssBytesPerNode),
        builder: rs[0]!.builder,
        runs: rs,
      });
    }
  }
  return rows;
}
