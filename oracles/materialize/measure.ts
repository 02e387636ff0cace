/**
 * Figures for the materialization oracle, printed (not asserted: tests make no timing claims).
 * Run: npx tsx oracles/materialize/measure.ts [runs = 1000]
 *
 * 1. the corpus: worst relative gap of the dense results to every operator and system `expect`;
 * 2. random systems: how close the reference's binary64 back substitution comes to the bound d
 *    (back-substitution-bound.ts), in units of d and of u·b;
 * 3. the cost of a dense solve for a few sizes.
 */
import fc from "fast-check";
import { expectsError, type SystemCase } from "../../reference/case.js";
import { solve } from "../../reference/index.js";
import { decimalContext, exact, type Decimal } from "../decimal.js";
import { delements, type DTensor } from "../dtensor.js";
import { backSubstitutionBound } from "./back-substitution-bound.js";
import { operatorCases, systemCases } from "./corpus.js";
import { denseSolve } from "./dense-system.js";
import { operatorCaseDense } from "./operator-case.js";
import { randomSystemCase } from "./random-system-case.js";
import { readExpected } from "./testing.js";

const D = decimalContext(40);
const runs = Number(process.argv[2] ?? 1000);

function relGap(a: DTensor, e: DTensor): number {
  const es = delements(e);
  return delements(a).reduce((w, x, k) => {
    const ek = es[k] as Decimal;
    const g = x.minus(ek).abs();
    return Math.max(w, ek.isZero() ? g.toNumber() : g.div(ek.abs()).toNumber());
  }, 0);
}

// 1. Corpus.
let worstOp = 0;
let nOp = 0;
for (const c of operatorCases()) {
  if (c.expect === undefined || expectsError(c.expect)) continue;
  const r = operatorCaseDense(c, D);
  if (c.expect.apply !== undefined) worstOp = Math.max(worstOp, relGap(r.apply, readExpected(D, c.expect.apply)));
  if (c.expect.adjoint !== undefined) worstOp = Math.max(worstOp, relGap(r.adjoint as DTensor, readExpected(D, c.expect.adjoint)));
  nOp++;
}
let worstSys = 0;
let nSys = 0;
for (const c of systemCases()) {
  if (c.expect === undefined || expectsError(c.expect)) continue;
  const r = denseSolve(c, D);
  for (const [id, raw] of Object.entries(c.expect.solution)) worstSys = Math.max(worstSys, relGap(r.solution[id] as DTensor, readExpected(D, raw)));
  nSys++;
}
console.log(`corpus: ${nOp} operator cases, worst relative gap ${worstOp.toExponential(2)}; ${nSys} system cases, worst ${worstSys.toExponential(2)}`);

// 2. Random systems vs the reference.
const u = 2 ** -53;
const ratios: number[] = [];
const inU: number[] = [];
let exactlyEqual = 0;
let elements = 0;
const sizes: number[] = [];
let t = performance.now();
for (const c of fc.sample(randomSystemCase(), { numRuns: runs, seed: 2024 })) {
  const ref = solve(c).solution;
  const dense = denseSolve(c, D).solution;
  const { bound, scale } = backSubstitutionBound(c, D);
  // The dense solve's own error (normwise, see dense-vs-reference.test.ts): 1e-30·max b.
  const eps = Object.values(scale).flatMap(delements).reduce((m, x) => (x.gt(m) ? x : m), new D(0)).times("1e-30");
  let worst = 0;
  let worstU = 0;
  let n = 0;
  for (const id of Object.keys(dense)) {
    const ys = delements(dense[id] as DTensor);
    const ds = delements(bound[id] as DTensor);
    const bs = delements(scale[id] as DTensor);
    const rs = [ref[id]].flat(2) as number[];
    ys.forEach((y, k) => {
      n++;
      const err = exact(D, rs[k] as number).minus(y).abs();
      if (err.lte(eps)) exactlyEqual++;
      else {
        worst = Math.max(worst, err.div((ds[k] as Decimal).plus(eps)).toNumber());
        worstU = Math.max(worstU, err.div((bs[k] as Decimal).times(u).plus(eps)).toNumber());
      }
    });
  }
  elements += n;
  sizes.push(n);
  ratios.push(worst);
  inU.push(worstU);
}
const ms = performance.now() - t;
const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
console.log(
  `random systems: ${runs} (vec sizes median ${q(sizes, 0.5)}, max ${Math.max(...sizes)}), ${elements} elements, ${exactlyEqual} equal to 1e-30·max b; ` +
    `worst |ŷ−y|/d per system: median ${q(ratios, 0.5).toExponential(2)}, p99 ${q(ratios, 0.99).toExponential(2)}, max ${Math.max(...ratios).toExponential(2)}; ` +
    `in units of u·b: median ${q(inU, 0.5).toFixed(2)}, max ${Math.max(...inU).toFixed(2)}; ${(ms / runs).toFixed(1)} ms per system (reference + dense + bound)`,
);

// 3. Cost of a dense solve: a chain of k unknowns of s×s matrices with kron edges and a skip edge.
function chain(k: number, s: number): SystemCase {
  const m = (v: number): number[][] => Array.from({ length: s }, (_, i) => Array.from({ length: s }, (_, j) => ((i + 2 * j + v) % 5) / 4 - 0.5));
  const ids = Array.from({ length: k }, (_, i) => `x${i}`);
  return {
    id: "chain",
    description: "",
    kind: "system",
    system: {
      unknowns: ids.map((id) => ({ id, shape: [s, s] })),
      edges: ids.slice(1).flatMap((to, i) => [
        { from: ids[i] as string, to, operator: { op: "kron" as const, a: m(i), b: m(i + 1) } },
        ...(i > 0 ? [{ from: ids[i - 1] as string, to, operator: { op: "hadamard" as const, matrix: m(i + 2) } }] : []),
      ]),
      rhs: { [ids[k - 1] as string]: m(0) },
    },
  };
}
for (const [k, s] of [[4, 2], [10, 3], [10, 5]] as const) {
  const c = chain(k, s);
  const reps = k * s * s > 100 ? 1 : 5;
  t = performance.now();
  for (let r = 0; r < reps; r++) denseSolve(c, D);
  console.log(`dense solve, ${k} unknowns of ${s}×${s} (vec size ${k * s * s}): ${((performance.now() - t) / reps).toFixed(0)} ms`);
}
