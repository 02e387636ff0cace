/**
 * Measures the float64 finite-difference oracle: false alarms (FAIL on a correct derivative),
 * INCONCLUSIVE rates, detection rates, Taylor slopes and speed. Not a test (no timing assertions):
 * run `npx tsx oracles/fd/measure-false-alarms.ts [problems]` and read the table.
 */
import fc from "fast-check";
import { checkDirectional } from "./check-directional.js";
import { checkPartial } from "./check-partial.js";
import type { FdVerdict } from "./fd-verdict.js";
import { randomSmoothFunction } from "./random-smooth-function.js";
import { seededRandom } from "./seeded-random.js";
import { taylorTest } from "./taylor-test.js";

const N = Number(process.argv[2] ?? 3000);
const problems = fc.sample(randomSmoothFunction(), { numRuns: N, seed: 20240603 });

type Tally = Record<FdVerdict, number>;
const tally = (): Tally => ({ PASS: 0, FAIL: 0, INCONCLUSIVE: 0 });
const rows: Record<string, Tally & { n: number }> = {};
function count(label: string, v: FdVerdict): void {
  const t = (rows[label] ??= { ...tally(), n: 0 });
  t[v]++;
  t.n++;
}

let seed = 1;
for (const p of problems) {
  const g = p.gradient(p.x);
  for (let i = 0; i < p.x.length; i++) {
    const unit = Math.max(1, Math.abs(g[i]!));
    count("smooth, true g, scale max(1,|g|)", checkPartial(p.f, p.x, i, g[i]!, unit).verdict);
    count("smooth, true g, scale 0 (FD error only)", checkPartial(p.f, p.x, i, g[i]!, 0).verdict);
    for (const d of [1e-4, 1e-6, 1e-7, 1e-8]) {
      count(`smooth, g_i + ${d}·max(1,|g_i|)`, checkPartial(p.f, p.x, i, g[i]! + d * unit, unit).verdict);
    }
    for (const amp of [1e-12, 1e-9, 1e-6, 1e-3]) {
      const rnd = seededRandom(seed++);
      const noisy = (x: Float64Array) => p.f(x) + amp * rnd();
      count(`noise ${amp}·U[0,1), true g, scale max(1,|g|)`, checkPartial(noisy, p.x, i, g[i]!, unit).verdict);
      const rnd2 = seededRandom(seed++);
      const noisy2 = (x: Float64Array) => p.f(x) + amp * rnd2();
      count(`noise ${amp}·U[0,1), true g, scale 0`, checkPartial(noisy2, p.x, i, g[i]!, 0).verdict);
    }
  }
}

// Kinks: relu(x − c) + sin(x) with the kink at distance δ from x (both sides), every subgradient at 0.
for (const delta of [0, 1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 3e-2]) {
  for (const side of [1, -1]) {
    for (const x0 of [0.3, -2, 7]) {
      const c = x0 - side * delta;
      const f = (x: Float64Array) => Math.max(x[0]! - c, 0) + Math.sin(x[0]!);
      const claims = delta === 0 ? [0, 0.25, 0.5, 1] : [side > 0 ? 1 : 0];
      for (const k of claims) {
        const v = checkPartial(f, Float64Array.of(x0), 0, k + Math.cos(x0), 1).verdict;
        count(`relu kink at distance ${delta === 0 ? "0 (claims 0..1)" : delta.toExponential(0)}`, v);
      }
    }
  }
}
// Domain edges: log and sqrt at x = 10^−k with their exact derivatives; scale = |derivative|.
for (let k = 1; k <= 14; k++) {
  const x = 10 ** -k;
  const log = (y: Float64Array) => {
    if (!(y[0]! > 0)) throw new Error("E_DOMAIN");
    return Math.log(y[0]!);
  };
  const sqrt = (y: Float64Array) => Math.sqrt(y[0]!);
  const label = k <= 8 ? "domain edge at 1e-1..1e-8" : "domain edge at 1e-9..1e-14";
  count(`${label} (log)`, checkPartial(log, Float64Array.of(x), 0, 1 / x, 1 / x).verdict);
  count(`${label} (sqrt)`, checkPartial(sqrt, Float64Array.of(x), 0, 0.5 / Math.sqrt(x), 0.5 / Math.sqrt(x)).verdict);
}

// Hard functions, at 200 points in [−3, 3] each, with their exact derivatives (where the function
// has one): FAIL here would be a false alarm.
const fr = Math.fround;
const points = Array.from({ length: 200 }, (_, k) => -3 + 6 * ((k * 0.6180339887) % 1));
const hard: [string, (x: Float64Array) => number, (x: number) => number, number][] = [
  ["hard: float32 sin(x)", (x) => fr(Math.sin(fr(x[0]!))), Math.cos, 1],
  ["hard: sin(1e3·x)", (x) => Math.sin(1e3 * x[0]!), (x) => 1e3 * Math.cos(1e3 * x), 1],
  ["hard: sin(1e6·x)", (x) => Math.sin(1e6 * x[0]!), (x) => 1e6 * Math.cos(1e6 * x), 1],
  ["hard: sin(1e9·x)", (x) => Math.sin(1e9 * x[0]!), (x) => 1e9 * Math.cos(1e9 * x), 1],
  ["hard: x + 1e-6·floor(1e4·x) (staircase)", (x) => x[0]! + 1e-6 * Math.floor(1e4 * x[0]!), () => 1, 1],
  ["hard: x + 1e-12·floor(1e9·x) (fine staircase)", (x) => x[0]! + 1e-12 * Math.floor(1e9 * x[0]!), () => 1, 1],
  ["hard: sin rounded to a 1e-9 grid", (x) => Math.round(Math.sin(x[0]!) * 1e9) / 1e9, Math.cos, 1],
  ["hard: x²·sin(1/x) at |x| < 3e-3", (x) => x[0]! ** 2 * Math.sin(1 / x[0]!), (x) => 2 * x * Math.sin(1 / x) - Math.cos(1 / x), 1e-3],
  ["hard: 1e8 + sin(x) (cancellation)", (x) => 1e8 + Math.sin(x[0]!), Math.cos, 1],
  ["hard: x³ at |x| < 3e6", (x) => x[0]! ** 3, (x) => 3 * x * x, 1e6],
];
for (const [label, f, d, stretch] of hard) {
  for (const p of points) {
    const x = p * stretch;
    count(label, checkPartial(f, Float64Array.of(x), 0, d(x), Math.max(1, Math.abs(d(x)))).verdict);
  }
}

// Directional checks and Taylor slopes along a random direction.
const slopesRight: number[] = [];
const slopesWrong: number[] = [];
problems.forEach((p, j) => {
  const rnd = seededRandom(1000 + j);
  const v = Float64Array.from(p.x, () => 2 * rnd() - 1);
  const g = p.gradient(p.x);
  const unit = Float64Array.from(g, (gi) => Math.max(1, Math.abs(gi)));
  count("directional, true g", checkDirectional(p.f, p.x, g, v, unit).verdict);
  const bad = Float64Array.from(g);
  const i = j % g.length;
  bad[i] = bad[i]! + 1e-4 * unit[i]!;
  count("directional, one element + 1e-4·max(1,|g_i|)", checkDirectional(p.f, p.x, bad, v, unit).verdict);
  const right = taylorTest(p.f, p.x, g, v);
  if (right.fitted >= 2) slopesRight.push(right.slope);
  const wrong = taylorTest(p.f, p.x, bad, v);
  if (wrong.fitted >= 2) slopesWrong.push(wrong.slope);
});

console.log(`problems: ${N} (seed 20240603)`);
console.table(
  Object.fromEntries(
    Object.entries(rows).map(([k, t]) => [
      k,
      { n: t.n, PASS: t.PASS, FAIL: t.FAIL, INCONCLUSIVE: t.INCONCLUSIVE, "FAIL %": ((100 * t.FAIL) / t.n).toFixed(2) },
    ]),
  ),
);
const stats = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!.toFixed(3);
  return `n=${s.length} min ${s[0]!.toFixed(3)} p1 ${q(0.01)} median ${q(0.5)} p99 ${q(0.99)} max ${s[s.length - 1]!.toFixed(3)}`;
};
console.log("Taylor slope, right gradient:", stats(slopesRight));
console.log("Taylor slope, one element + 1e-4·max(1,|g_i|):", stats(slopesWrong));

// Speed: checkPartial on sin(x0)·exp(x1).
const se = (x: Float64Array) => Math.sin(x[0]!) * Math.exp(x[1]!);
const x = Float64Array.of(0.7, 0.3);
const t0 = performance.now();
let reps = 0;
while (performance.now() - t0 < 1000) {
  checkPartial(se, x, 0, 1, 1);
  reps++;
}
console.log(`checkPartial on sin·exp: ${(reps / ((performance.now() - t0) / 1000)).toFixed(0)} checks/s (55 evaluations each)`);
