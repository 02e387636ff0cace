/**
 * Runs the selected suites and returns the results (no printing of the report, no file): the CLI
 * and the smoke test both call this. Progress lines go to `log`.
 */
import os from "node:os";
import type { BenchOptions } from "./options.js";
import type { ErrorLog } from "./errors.js";
import type { BenchResults, Timing } from "./results.js";
import { peerSuite } from "./suites/peers.js";
import { ratioSuite } from "./suites/ratio.js";
import { referenceSuite } from "./suites/reference.js";
import { scalingSuite } from "./suites/scaling.js";
import { judgeTargets } from "./targets.js";

export async function runBench(o: BenchOptions, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const start = performance.now();
  const date = new Date().toISOString();
  const suites: BenchResults["suites"] = {};
  const errors: ErrorLog = [];
  const want = (s: (typeof o.only)[number]): boolean => o.only.includes(s);
  // The peers first: their libraries' one-time loading is then behind us before timing impl alone.
  if (want("peers")) suites.peers = await peerSuite(o, log, errors);
  if (want("ratio")) suites.ratio = await ratioSuite(o, log, errors);
  if (want("reference")) suites.reference = await referenceSuite(o, log, errors);
  if (want("scaling")) suites.scaling = await scalingSuite(o, log, errors);
  const { out: _out, ...options } = o;
  const partial: Omit<BenchResults, "targets"> = {
    meta: {
      date,
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      loadavg: os.loadavg(),
      cpuOverWall: cpuOverWall(suites),
      options,
      durationMs: performance.now() - start,
    },
    suites,
    errors,
    ran: o.only,
  };
  return { ...partial, targets: judgeTargets(partial) };
}

/**
 * Σ CPU time / Σ wall time over every median timing: every contender runs on one thread, so a
 * value well below 1 says other processes held the CPU during the run (absolute times inflated;
 * paired ratios much less so).
 */
function cpuOverWall(s: BenchResults["suites"]): number {
  const all: Timing[] = [
    ...(s.ratio ?? []).flatMap((r) => [r.forward, r.gradient]),
    ...(s.reference ?? []).flatMap((r) => [r.impl, r.reference]),
    ...(s.peers?.rows ?? []).map((r) => r.timing),
    ...(s.scaling ?? []).flatMap((r) => [r.forward, r.gradient]),
  ];
  const wall = all.reduce((a, t) => a + t.ms, 0);
  return wall === 0 ? 1 : all.reduce((a, t) => a + t.cpuMs, 0) / wall;
}
