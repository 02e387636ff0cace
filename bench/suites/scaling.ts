/**
 * Scaling on random scalar graphs (cases/random-graph.ts) of growing size, in two families — second
 * arguments `uniform` over the whole graph (half of them) and `local` (within the previous 1000
 * unknowns) — same sizes, same seed. Each (size, family) is measured in its own child process
 * (scaling-child.ts), one after the other, not interleaved: each needs its own process to own its
 * peak memory. At each size both families run back to back, so a change in the machine's load
 * over the run touches both alike. Time per node compares the sizes within a family.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { RANDOM_ARGS } from "../cases/random-graph.js";
import { attempt, type ErrorLog } from "../errors.js";
import type { BenchOptions } from "../options.js";
import type { ScalingRow } from "../results.js";

const CHILD = fileURLToPath(new URL("../scaling-child.ts", import.meta.url));

function runChild(args: object): Promise<ScalingRow> {
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
        resolve(JSON.parse(out.trim().split("\n").pop()!) as ScalingRow);
      } catch {
        reject(new Error(`scaling child printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

export async function scalingSuite(o: BenchOptions, log: (line: string) => void, errors: ErrorLog): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const nodes of o.sizes.scaling) {
    for (const family of RANDOM_ARGS) {
      const row = await attempt(errors, "scaling", `${family} ${nodes}`, () => runChild({ nodes, family, reps: o.reps, batchMs: o.batchMs, warmupMs: o.warmupMs }));
      if (row === undefined) continue;
      rows.push(row);
      log(`  scaling ${family} ${nodes}: ${row.totalMs.toFixed(2)} ms, ${row.nsPerNode.toFixed(0)} ns/node, plan ${row.planBytesPerNode.toFixed(0)} B/node`);
    }
  }
  return rows;
}
