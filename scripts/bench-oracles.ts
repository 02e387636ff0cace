/**
 * Measures the high-precision oracles (a script, not a test: it prints figures, asserts nothing).
 *
 *  1. Directional checks per second (oracles/hp-directional.ts) on 10-node graphs of 3×3 matrices:
 *     a fixed representative graph (two matrix products, five transcendental elementwise maps)
 *     and random smooth graphs of exactly 10 nodes with 3×3 inputs; with the largest error
 *     estimate relative to |⟨∇f, v⟩| (over nonzero derivatives) — the target is ≥ 100 checks/s with
 *     estimates ≤ 1e-20 relative.
 *  2. The time of the full per-element high-precision gradient (oracles/hp-gradient.ts) of every
 *     corpus graph case (cases expecting an error stop at their fault).
 *
 * Wall time and process CPU time are both printed: the machine may be shared.
 *
 * Run: npx tsx scripts/bench-oracles.ts [--checks N] [--precision P]
 */
import fc from "fast-check";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import { loadCaseFiles } from "../conformance/load/index.js";
import type { GraphCase } from "../reference/case.js";
import { SpecError } from "../reference/errors.js";
import { delements } from "../oracles/dtensor.js";
import { directionalDerivative } from "../oracles/hp-directional.js";
import { highPrecisionGradient } from "../oracles/hp-gradient.js";

const arg = (name: string): number | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
};
const checks = arg("checks") ?? 200;
const precision = arg("precision");
const options = precision === undefined ? {} : { precision };

/** A deterministic pseudo-random 3×3 matrix with entries in [−1, 1]. */
function matrix(seed: number): number[][] {
  let s = seed;
  const next = (): number => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  return [0, 1, 2].map(() => [0, 1, 2].map(() => Math.round(next() * 1e6) / 1e6));
}

/** Ten nodes over 3×3 matrices: two matrix products, five transcendental maps, a reduction. */
const representative: GraphCase = {
  id: "bench.ten-nodes",
  description: "10 nodes of 3×3 matrices",
  kind: "graph",
  graph: {
    inputs: [{ id: "A", value: matrix(1) }, { id: "B", value: matrix(2) }],
    nodes: [
      { id: "n1", op: "matmul", args: ["A", "B"] },
      { id: "n2", op: "tanh", args: ["n1"] },
      { id: "n3", op: "mul", args: ["n2", "A"] },
      { id: "n4", op: "exp", args: ["n3"] },
      { id: "n5", op: "sin", args: ["B"] },
      { id: "n6", op: "add", args: ["n4", "n5"] },
      { id: "n7", op: "sigmoid", args: ["n6"] },
      { id: "n8", op: "matmul", args: ["n7", "n2"] },
      { id: "n9", op: "log", args: ["n4"] },
      { id: "n10", op: "dot", args: ["n8", "n9"] },
    ],
    output: "n10",
  },
};

/** Runs `f` and returns [wall seconds, CPU seconds]. */
function timed(f: () => void): [number, number] {
  const [t, c] = [performance.now(), process.cpuUsage()];
  f();
  const cpu = process.cpuUsage(c);
  return [(performance.now() - t) / 1000, (cpu.user + cpu.system) / 1e6];
}

function benchDirectional(name: string, cases: readonly GraphCase[]): void {
  let worst = 0;
  let zeros = 0;
  let worstAbsolute = 0;
  let evaluations = 0;
  const [wall, cpu] = timed(() => {
    for (let i = 0; i < checks; i++) {
      const c = cases[i % cases.length] as GraphCase;
      const v = Object.fromEntries(c.graph.inputs.map((x, j) => [x.id, typeof x.value === "number" ? 0.5 - j : matrix(100 + i + j)]));
      const r = directionalDerivative(c, v, options);
      evaluations += r.evaluations;
      // A derivative that vanishes (an input at 0 entering only through x², say) has no relative error.
      if (r.derivative.abs().lt(1e-30)) {
        zeros++;
        worstAbsolute = Math.max(worstAbsolute, r.error.toNumber());
      } else worst = Math.max(worst, r.error.div(r.derivative.abs()).toNumber());
    }
  });
  console.log(
    `${name}: ${checks} directional checks (${(evaluations / checks).toFixed(1)} evaluations each) in ${wall.toFixed(2)} s ` +
      `(${cpu.toFixed(2)} s CPU, GC threads included) = ${(checks / wall).toFixed(0)} checks/s; ` +
      `largest error estimate ${worst.toExponential(1)} of |⟨∇f, v⟩|` +
      (zeros > 0 ? `; ${zeros} derivatives below 1e-30 (∇f vanishing along v), largest absolute error ${worstAbsolute.toExponential(1)}` : ""),
  );
}

console.log(`precision: ${precision ?? "the default"}`);
benchDirectional("representative 10-node 3×3 graph", [representative]);
const random = fc.sample(
  smoothGraphCase({ maxSteps: 6 }).filter((c) => c.graph.nodes.length === 10 && (c.graph.inputs[0]?.value as number[][]).length === 3),
  { seed: 7, numRuns: 20 },
);
benchDirectional(`random smooth 10-node 3×3 graphs (${random.length} of them, in turn)`, random);

const { cases } = loadCaseFiles([new URL("../conformance/cases", import.meta.url).pathname]);
const graphs = cases.map((l) => l.case).filter((c): c is GraphCase => c.kind === "graph");
let elements = 0;
let faults = 0;
let slowest = { id: "", seconds: 0 };
const [wall, cpu] = timed(() => {
  for (const c of graphs) {
    const [seconds] = timed(() => {
      try {
        const r = highPrecisionGradient(c, options);
        elements += Object.values(r.gradient).reduce((n, g) => n + delements(g).length, 0);
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        faults++;
      }
    });
    if (seconds > slowest.seconds) slowest = { id: c.id, seconds };
  }
});
console.log(
  `corpus: full per-element high-precision gradient of all ${graphs.length} graph cases (${graphs.length - faults} differentiated, ` +
    `${elements} elements; ${faults} stop at their expected fault) in ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU ` +
    `(slowest: ${slowest.id}, ${slowest.seconds.toFixed(2)} s)`,
);
