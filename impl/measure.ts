/**
 * The figures quoted in impl/README.md, side by side in one run (the benchmark proper, with peers,
 * is `bench/`). Not a test: timings are never asserted. Each figure is the best of several
 * repetitions after a warm-up; scalar graphs run in a child process each, so their memory is
 * measured from a clean heap.
 *
 *   npx tsx impl/measure.ts            all sections
 *   npx tsx impl/measure.ts gemm|mlp|scalar|matrix
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PrimitiveName } from "../reference/index.js";
import { newArena } from "./arena.js";
import { GraphBuilder } from "./graph-builder.js";
import type { GraphPlan } from "./graph-plan.js";
import { gemmNN, gemmNT, gemmTN } from "./kernels-matmul.js";
import { gemmModule, instantiate, MR, NR } from "./wasm-gemm-module.js";

/** Best time in ms of `f` over `reps` repetitions of `inner` calls. */
function best(f: () => void, inner: number, reps = 7): number {
  f(); // warm-up (and wasm tier-up)
  let t = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let q = 0; q < inner; q++) f();
    t = Math.min(t, (performance.now() - t0) / inner);
  }
  return t;
}

const gflops = (flops: number, ms: number): string => (flops / ms / 1e6).toFixed(2);
let seed = 1;
const rnd = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

function gemm(): void {
  console.log("gemm C += op(A)·op(B), n×n, GFLOP/s (JavaScript | WebAssembly SIMD)");
  const js = { nn: gemmNN, tn: gemmTN, nt: gemmNT } as const;
  for (const n of [128, 256, 512]) {
    const w = newArena(3 * n * n, true);
    const y = new Float64Array(3 * n * n);
    for (let t = 0; t < y.length; t++) w.x[t] = y[t] = rnd() - 0.5;
    const row = (["nn", "tn", "nt"] as const).map((k) => {
      const inner = Math.max(1, Math.round(1e8 / n ** 3));
      const tj = best(() => js[k](y, n, n, n, 1, 0, n * n, 2 * n * n), inner);
      const tw = best(() => w.mm[k](w.x, n, n, n, 1, 0, n * n, 2 * n * n), inner);
      return `${k} ${gflops(2 * n ** 3, tj)} | ${gflops(2 * n ** 3, tw)}`;
    });
    console.log(`  n=${n}: ${row.join("   ")}`);
  }
  // The in-cache ceiling of the wasm kernel: the macro-kernel alone on packed panels that fit L2.
  const mem = new WebAssembly.Memory({ initial: 64 });
  const k = instantiate(gemmModule()!, mem);
  const mc = 64, nc = 128, kc = 256;
  const t = best(() => k.macroC(mc, nc, kc, 0, 8 * mc * kc, 8 * (mc + nc) * kc, 8 * nc, 1), 20);
  console.log(`  macro-kernel alone (${MR}×${NR} f64x2 tile, packed ${mc}×${kc} · ${kc}×${nc}, in cache): ${gflops(2 * mc * nc * kc, t)} GFLOP/s`);
}

/** The MLP gradient of the issue: loss = sum(tanh(A·B)), gradient w.r.t. A and B. */
function mlp(): void {
  console.log("MLP sum(tanh(AB)), n×n float64: forward, reverse (gradient after forward), GFLOP/s of both = 3·2n³ flops");
  for (const n of [32, 64, 128, 256, 512]) {
    for (const choice of ["js", "wasm"] as const) {
      const b = new GraphBuilder();
      const A = b.input(Float64Array.from({ length: n * n }, () => (rnd() - 0.5) / Math.sqrt(n)), [n, n]);
      const B = b.input(Float64Array.from({ length: n * n }, () => (rnd() - 0.5) / Math.sqrt(n)), [n, n]);
      const plan = b.compile(b.node("sum", b.node("tanh", b.node("matmul", A, B))), { matmul: choice });
      const inner = Math.max(1, Math.round(3e7 / n ** 3));
      const tf = best(() => plan.forward(), inner);
      const tb = best(() => plan.gradient(), inner);
      console.log(`  n=${n} ${choice.padEnd(4)}: forward ${tf.toFixed(2)} ms, reverse ${tb.toFixed(2)} ms, reverse/forward ${(tb / tf).toFixed(2)}, (forward+reverse)/forward ${((tf + tb) / tf).toFixed(2)}, ${gflops(6 * n ** 3, tf + tb)} GFLOP/s`);
    }
  }
}

/**
 * A random scalar DAG: node i = op(args among the 1000 unknowns before it, or one of 100 inputs),
 * ops add, mul, sub, sin, tanh, cos; every node is live (the loss adds up the nodes nobody uses).
 */
export function scalarGraph(N: number): GraphPlan {
  const b = new GraphBuilder();
  const inputs = Array.from({ length: 100 }, () => b.input(rnd() - 0.5));
  const ops: PrimitiveName[] = ["add", "mul", "sub", "sin", "tanh", "mul", "add", "cos"];
  const used = new Uint8Array(N);
  const pick = (i: number): number => {
    const t = Math.floor(rnd() * Math.min(1000, i + 100));
    if (t >= Math.min(1000, i)) return inputs[Math.floor(rnd() * 100)]!;
    used[i - 1 - t] = 1;
    return i - 1 - t;
  };
  for (let i = 0; i < N; i++) {
    const op = ops[Math.floor(rnd() * ops.length)]!;
    if (op === "add" || op === "mul" || op === "sub") b.node(op, pick(i), pick(i));
    else b.node(op, pick(i));
  }
  let loss = -1;
  for (let i = 0; i < N; i++) if (used[i] === 0) loss = loss < 0 ? i : b.node("add", loss, i);
  return b.compile(loss);
}

function scalarChild(N: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().arrayBuffers;
  const plan = scalarGraph(N);
  gc?.();
  const after = process.memoryUsage().arrayBuffers;
  const nodes = plan.code.nnodes;
  const inner = Math.max(1, Math.round(1e6 / nodes));
  const tf = best(() => plan.forward(), inner, 9);
  const tb = best(() => plan.gradient(), inner, 9);
  console.log(
    `  ${nodes} nodes: forward ${tf.toFixed(2)} ms, reverse ${tb.toFixed(2)} ms, forward+reverse ${(tf + tb).toFixed(2)} ms = ` +
    `${(((tf + tb) / nodes) * 1e6).toFixed(1)} ns/node, reverse/forward ${(tb / tf).toFixed(2)}, ` +
    `plan ${(plan.bytes / nodes).toFixed(1)} B/node, arrayBuffers ${((after - before) / nodes).toFixed(1)} B/node`,
  );
}

function scalar(): void {
  console.log("random scalar graphs (GraphBuilder), one child process each");
  const self = fileURLToPath(import.meta.url);
  for (const N of [1e4, 1e5, 1e6]) {
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "scalar-child", String(N)], { encoding: "utf8" });
    process.stdout.write(r.stdout + r.stderr);
  }
}

/** Random graphs of n×n matrices: add, mul, sub, tanh, sin, matmul over a window of 50. */
function matrix(): void {
  console.log("random matrix graphs (GraphBuilder)");
  for (const [N, n] of [[1000, 8], [10000, 8], [1000, 32], [10000, 2]] as const) {
    const b = new GraphBuilder();
    const inputs = Array.from({ length: 10 }, () => b.input(Float64Array.from({ length: n * n }, () => (rnd() - 0.5) / n), [n, n]));
    const ops: PrimitiveName[] = ["add", "mul", "tanh", "matmul", "sin", "sub", "matmul", "tanh"];
    const used = new Uint8Array(N);
    const pick = (i: number): number => {
      const t = Math.floor(rnd() * Math.min(50, i + 10));
      if (t >= Math.min(50, i)) return inputs[Math.floor(rnd() * 10)]!;
      used[i - 1 - t] = 1;
      return i - 1 - t;
    };
    for (let i = 0; i < N; i++) {
      const op = ops[Math.floor(rnd() * ops.length)]!;
      if (op === "tanh" || op === "sin") b.node(op, pick(i));
      else b.node(op, pick(i), pick(i));
    }
    let loss = -1;
    for (let i = 0; i < N; i++) if (used[i] === 0) loss = loss < 0 ? b.node("sum", i) : b.node("add", loss, b.node("sum", i));
    const plan = b.compile(loss);
    const inner = Math.max(1, Math.round(3e4 / N));
    const tf = best(() => plan.forward(), inner);
    const tb = best(() => plan.gradient(), inner);
    console.log(`  ${plan.code.nnodes} nodes of ${n}×${n}: forward ${tf.toFixed(2)} ms, reverse ${tb.toFixed(2)} ms, reverse/forward ${(tb / tf).toFixed(2)}`);
  }
}

const [what, arg] = process.argv.slice(2);
if (what === "scalar-child") scalarChild(Number(arg));
else {
  const all = what === undefined;
  if (all || what === "gemm") gemm();
  if (all || what === "mlp") mlp();
  if (all || what === "scalar") scalar();
  if (all || what === "matrix") matrix();
}
