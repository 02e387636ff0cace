/**
 * One scaling measurement in a fresh process (so one size's garbage and heap growth cannot touch
 * the next, and peak RSS belongs to this size alone). Run with --expose-gc; argv[2] is
 * `{"nodes", "family", "reps", "batchMs", "warmupMs"}` (family: how the random graph draws its
 * second arguments, cases/random-graph.ts); prints one JSON line, a ScalingChild (the suite adds
 * the round and the place in it).
 */
import type { RandomArgs } from "./cases/random-graph.js";
import { scalarPlan } from "./cases/scalar-plan.js";
import { interleave } from "./measure.js";
import type { ScalingRun } from "./results.js";
import { timing } from "./timing.js";

const args = JSON.parse(process.argv[2] ?? "{}") as { nodes: number; family: RandomArgs; reps: number; batchMs: number; warmupMs: number };
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("scaling-child needs node --expose-gc");

const held = (): number => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

const base = held();
const baseRss = process.memoryUsage().rss;
const { plan, compileMs, builder } = scalarPlan(args.nodes, undefined, args.family);
plan.forward();
plan.gradient();
const planBytes = held() - base;
// The plan's own typed arrays (its code and its arena), apart from whatever else it keeps alive.
let arrayBytes = plan.arena.buffer.byteLength; // all of its memory, used or not
for (const v of Object.values(plan.code)) if (ArrayBuffer.isView(v)) arrayBytes += v.byteLength;

const m = await interleave(
  [
    { name: "forward", run: () => plan.forward() },
    { name: "gradient", run: () => plan.gradient() },
  ],
  args,
);
const forward = timing(m.get("forward")!);
const gradient = timing(m.get("gradient")!);
const totalMs = forward.ms + gradient.ms;
const peakRss = process.resourceUsage().maxRSS * 1024 - baseRss;
/** What one child reports: a ScalingRun without its place in the rounds. */
export type ScalingChild = Omit<ScalingRun, "round" | "slot">;
const row: ScalingChild = {
  compileMs,
  forward,
  gradient,
  totalMs,
  nsPerNode: (totalMs * 1e6) / args.nodes,
  planBytesPerNode: planBytes / args.nodes,
  planArrayBytesPerNode: arrayBytes / args.nodes,
  planArrayBytes: arrayBytes,
  peakRssBytesPerNode: peakRss / args.nodes,
  builder,
};
process.stdout.write(JSON.stringify(row) + "\n");
