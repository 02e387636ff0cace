// Empirical validation of the tolerance model (spec: tol.validation): on random smooth graphs the
// reference's binary64 gradient and value lie within the allowance of the exact ones, computed by an
// independent 50-digit dual-number evaluator; an error of 1e-4·b is always caught; a simulated
// float32 backend lies within the float32 allowance (spec: tol.precision). Prints the distribution of
// error / (u·b).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../../conformance/arbitraries/smooth-graph.js";
import type { GraphCase, RawNode } from "../../reference/case.js";
import { elements, evaluate, gradient, parseNumber, parseTensor, readGraph, shapeOf } from "../../reference/index.js";
import { decimalContext, exact, type Decimal } from "../decimal.js";
import { errorScale, type ErrorScale } from "./error-scale.js";
import { PRECISION, type PrecisionClass } from "./precision-class.js";
import { tolerance } from "./tolerance.js";
import { withinAllowance } from "./within-allowance.js";

// ─── TEST HELPER, not an oracle ────────────────────────────────────────────────────────────────
// Forward-mode dual numbers over an arithmetic `Field`: in 50-digit decimals it is the truth these
// tests judge by (exact derivative rules, no linearization, no back substitution, nothing shared
// with reference/); in float32 it is a miniature float32 backend. Superseded as truth by the
// high-precision oracle (oracles/hp-gradient.ts) once that lands.
/** The arithmetic a dual-number evaluation runs in. */
interface Field<R> {
  from(x: number): R;
  add(a: R, b: R): R;
  sub(a: R, b: R): R;
  mul(a: R, b: R): R;
  div(a: R, b: R): R;
  exp(a: R): R;
  ln(a: R): R;
  sin(a: R): R;
  cos(a: R): R;
  tanh(a: R): R;
  sqrt(a: R): R;
  /** a^p for a constant exponent p (a > 0, or p an integer). */
  pow(a: R, p: number): R;
  /** |a| > |b|, for pivoting. */
  absGreater(a: R, b: R): boolean;
  positive(a: R): boolean;
}

function decimalField(digits = 50): Field<Decimal> {
  const D = decimalContext(digits);
  return {
    from: (x) => exact(D, x),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.div(b),
    exp: (a) => a.exp(),
    ln: (a) => a.ln(),
    sin: (a) => a.sin(),
    cos: (a) => a.cos(),
    tanh: (a) => a.tanh(),
    sqrt: (a) => a.sqrt(),
    pow: (a, p) => (Number.isInteger(p) ? a.pow(p) : a.ln().times(exact(D, p)).exp()),
    absGreater: (a, b) => a.abs().gt(b.abs()),
    positive: (a) => a.gt(0),
  };
}

/** binary32: every result rounded to the nearest float32 (library functions in binary64, then rounded). */
const float32Field: Field<number> = {
  from: Math.fround,
  add: (a, b) => Math.fround(a + b),
  sub: (a, b) => Math.fround(a - b),
  mul: (a, b) => Math.fround(a * b),
  div: (a, b) => Math.fround(a / b),
  exp: (a) => Math.fround(Math.exp(a)),
  ln: (a) => Math.fround(Math.log(a)),
  sin: (a) => Math.fround(Math.sin(a)),
  cos: (a) => Math.fround(Math.cos(a)),
  tanh: (a) => Math.fround(Math.tanh(a)),
  sqrt: (a) => Math.fround(Math.sqrt(a)),
  pow: (a, p) => Math.fround(Math.pow(a, p)),
  absGreater: (a, b) => Math.abs(a) > Math.abs(b),
  positive: (a) => a > 0,
};

type Shape = readonly [] | readonly [number, number];
/** A tensor of dual numbers: values `v` (row-major) and, per element, its derivatives along every input element. */
interface Dual<R> {
  readonly shape: Shape;
  readonly v: readonly R[];
  readonly d: readonly (readonly R[])[];
}

/** The output value and the gradient (row-major per input) of a scalar-output graph, by forward-mode dual numbers. */
function dualGradient<R>(c: GraphCase, F: Field<R>): { value: R; gradient: Record<string, R[]> } {
  const zero = F.from(0);
  const one = F.from(1);
  const inputs = c.graph.inputs.map((s) => parseTensor(s.value));
  const sizes = inputs.map((t) => (typeof t === "number" ? 1 : t.length * (t[0]?.length ?? 0)));
  const P = sizes.reduce((n, s) => n + s, 0);
  const zeros = (): R[] => Array.from({ length: P }, () => zero);
  const addv = (a: readonly R[], b: readonly R[]): R[] => a.map((x, p) => F.add(x, b[p] as R));
  const scalev = (s: R, a: readonly R[]): R[] => a.map((x) => F.mul(s, x));
  const dims = (a: Dual<R>): [number, number] => (a.shape.length === 0 ? [1, 1] : [a.shape[0], a.shape[1]]);

  const env = new Map<string, Dual<R>>();
  let offset = 0;
  const seed = (t: number | readonly (readonly number[])[], tangent: boolean): Dual<R> => {
    const shape: Shape = typeof t === "number" ? [] : [t.length, t[0]?.length ?? 0];
    const v = (typeof t === "number" ? [t] : t.flat()).map(F.from);
    const d = v.map((_, e) => Array.from({ length: P }, (_, p) => (tangent && p === offset + e ? one : zero)));
    if (tangent) offset += v.length;
    return { shape, v, d };
  };
  c.graph.inputs.forEach((s, i) => env.set(s.id, seed(inputs[i] as number | number[][], true)));
  for (const s of c.graph.constants ?? []) env.set(s.id, seed(parseTensor(s.value) as number | number[][], false));

  const unary = (a: Dual<R>, h: (x: R) => R, dh: (x: R, y: R) => R): Dual<R> => {
    const v = a.v.map(h);
    return { shape: a.shape, v, d: a.d.map((de, e) => scalev(dh(a.v[e] as R, v[e] as R), de)) };
  };
  const binary = (a: Dual<R>, b: Dual<R>, h: (x: R, y: R) => R, da: (x: R, y: R) => R, db: (x: R, y: R) => R): Dual<R> => ({
    shape: a.shape,
    v: a.v.map((x, e) => h(x, b.v[e] as R)),
    d: a.d.map((de, e) => {
      const [x, y] = [a.v[e] as R, b.v[e] as R];
      return addv(scalev(da(x, y), de), scalev(db(x, y), b.d[e] as R[]));
    }),
  });
  const matmul = (a: Dual<R>, b: Dual<R>): Dual<R> => {
    const [m, k] = dims(a);
    const [, n] = dims(b);
    const v: R[] = [];
    const d: R[][] = [];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = zero;
        let ds = zeros();
        for (let q = 0; q < k; q++) {
          const [x, y] = [a.v[i * k + q] as R, b.v[q * n + j] as R];
          s = F.add(s, F.mul(x, y));
          ds = addv(ds, addv(scalev(y, a.d[i * k + q] as R[]), scalev(x, b.d[q * n + j] as R[])));
        }
        v.push(s);
        d.push(ds);
      }
    return { shape: [m, n], v, d };
  };
  const transpose = (a: Dual<R>): Dual<R> => {
    if (a.shape.length === 0) return a;
    const [m, n] = dims(a);
    const idx = Array.from({ length: m * n }, (_, e) => (e % m) * n + Math.floor(e / m));
    return { shape: [n, m], v: idx.map((e) => a.v[e] as R), d: idx.map((e) => a.d[e] as R[]) };
  };
  const total = (a: Dual<R>, pick: (e: number) => boolean): Dual<R> => ({
    shape: [],
    v: [a.v.reduce((s, x, e) => (pick(e) ? F.add(s, x) : s), zero)],
    d: [a.d.reduce((s, de, e) => (pick(e) ? addv(s, de) : s), zeros())],
  });
  /** Gauss–Jordan with partial pivoting: A⁻¹ and ln det A (det > 0 by construction of the graphs). */
  const invert = (a: Dual<R>): { inv: R[]; logdet: R } => {
    const [n] = dims(a);
    const M = Array.from({ length: n }, (_, i) => [...a.v.slice(i * n, i * n + n), ...Array.from({ length: n }, (_, j) => (i === j ? one : zero))]);
    let det = one;
    for (let k = 0; k < n; k++) {
      let p = k;
      for (let i = k + 1; i < n; i++) if (F.absGreater(M[i]?.[k] as R, M[p]?.[k] as R)) p = i;
      if (p !== k) {
        [M[k], M[p]] = [M[p] as R[], M[k] as R[]];
        det = F.sub(zero, det);
      }
      const row = M[k] as R[];
      const pivot = row[k] as R;
      det = F.mul(det, pivot);
      for (let j = 0; j < 2 * n; j++) row[j] = F.div(row[j] as R, pivot);
      M.forEach((r, i) => {
        if (i === k) return;
        const f = r[k] as R;
        for (let j = 0; j < 2 * n; j++) r[j] = F.sub(r[j] as R, F.mul(f, row[j] as R));
      });
    }
    return { inv: M.flatMap((r) => r.slice(n)), logdet: F.ln(det) };
  };
  const neg = (x: R): R => F.sub(zero, x);

  const ops: Record<string, (a: readonly Dual<R>[], p: number) => Dual<R>> = {
    add: ([a, b]) => binary(a!, b!, F.add, () => one, () => one),
    sub: ([a, b]) => binary(a!, b!, F.sub, () => one, () => neg(one)),
    mul: ([a, b]) => binary(a!, b!, F.mul, (_x, y) => y, (x) => x),
    div: ([a, b]) => binary(a!, b!, F.div, (_x, y) => F.div(one, y), (x, y) => neg(F.div(x, F.mul(y, y)))),
    neg: ([a]) => unary(a!, neg, () => neg(one)),
    scale: ([s, X]) => {
      const [sv, sd] = [s!.v[0] as R, s!.d[0] as R[]];
      return { shape: X!.shape, v: X!.v.map((x) => F.mul(sv, x)), d: X!.d.map((de, e) => addv(scalev(sv, de), scalev(X!.v[e] as R, sd))) };
    },
    matmul: ([a, b]) => matmul(a!, b!),
    transpose: ([a]) => transpose(a!),
    sum: ([a]) => total(a!, () => true),
    dot: ([a, b]) => total(binary(a!, b!, F.mul, (_x, y) => y, (x) => x), () => true),
    trace: ([a]) => total(a!, (e) => e % (dims(a!)[0] + 1) === 0),
    exp: ([a]) => unary(a!, F.exp, (_x, y) => y),
    log: ([a]) => unary(a!, F.ln, (x) => F.div(one, x)),
    sin: ([a]) => unary(a!, F.sin, F.cos),
    cos: ([a]) => unary(a!, F.cos, (x) => neg(F.sin(x))),
    tanh: ([a]) => unary(a!, F.tanh, (_x, y) => F.sub(one, F.mul(y, y))),
    sigmoid: ([a]) => unary(a!, (x) => F.div(one, F.add(one, F.exp(neg(x)))), (_x, y) => F.mul(y, F.sub(one, y))),
    sqrt: ([a]) => unary(a!, F.sqrt, (_x, y) => F.div(one, F.add(y, y))),
    square: ([a]) => unary(a!, (x) => F.mul(x, x), (x) => F.add(x, x)),
    relu: ([a]) => unary(a!, (x) => (F.positive(x) ? x : zero), (x) => (F.positive(x) ? one : zero)),
    pow: ([a], p) => unary(a!, (x) => (p === 0 ? one : F.pow(x, p)), (x) => (p === 0 ? zero : F.mul(F.from(p), F.pow(x, p - 1)))),
    inv: ([a]) => {
      const [n] = dims(a!);
      const Y: Dual<R> = { shape: [n, n], v: invert(a!).inv, d: [] };
      const dY = a!.d.map(() => zeros());
      // dY = −Y dA Y, one tangent direction at a time.
      for (let p = 0; p < P; p++)
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = zero;
            for (let q = 0; q < n; q++)
              for (let r = 0; r < n; r++) s = F.add(s, F.mul(F.mul(Y.v[i * n + q] as R, a!.d[q * n + r]?.[p] as R), Y.v[r * n + j] as R));
            (dY[i * n + j] as R[])[p] = neg(s);
          }
      return { shape: [n, n], v: Y.v, d: dY };
    },
    logdet: ([a]) => {
      const [n] = dims(a!);
      const { inv, logdet } = invert(a!);
      // d log det A = ⟨A⁻ᵀ, dA⟩ = Σ_ij (A⁻¹)_ji dA_ij
      return { shape: [], v: [logdet], d: [a!.d.reduce((s, de, e) => addv(s, scalev(inv[(e % n) * n + Math.floor(e / n)] as R, de)), zeros())] };
    },
  };
  for (const node of c.graph.nodes) {
    const f = ops[node.op];
    if (f === undefined) throw new Error(`dual: no rule for ${node.op}`);
    env.set(node.id, f(node.args.map((a) => env.get(a) as Dual<R>), node.exponent === undefined ? NaN : parseNumber(node.exponent)));
  }
  const out = env.get(c.graph.output) as Dual<R>;
  if (out.shape.length !== 0) throw new Error("dual: scalar outputs only");
  const g = F.from(c.cotangent === undefined ? 1 : parseNumber(c.cotangent as number));
  const grad = (out.d[0] as R[]).map((x) => F.mul(x, g));
  let at = 0;
  const gradient = Object.fromEntries(c.graph.inputs.map((s, i) => [s.id, grad.slice(at, (at += sizes[i] as number))]));
  return { value: out.v[0] as R, gradient };
}

/** The same graph with every input and node summed into the output, so that every one of them is live. */
function everythingLive(c: GraphCase): GraphCase {
  const program = readGraph(c);
  const values = evaluate(program);
  const inputs = c.graph.inputs.length;
  const first = program.sources.length;
  const nodes: RawNode[] = [...c.graph.nodes];
  const terms = program.ids.flatMap((id, k) => {
    if (k >= inputs && k < first) return []; // constants
    if (shapeOf(values[k] as number).length === 0) return [id];
    nodes.push({ id: `live.sum.${id}`, op: "sum", args: [id] });
    return [`live.sum.${id}`];
  });
  const output = terms.slice(1).reduce((acc, t, i) => {
    nodes.push({ id: `live.add.${i}`, op: "add", args: [acc, t] });
    return `live.add.${i}`;
  }, terms[0] as string);
  return { ...c, graph: { ...c.graph, nodes, output } };
}
// ─── end of test helper ────────────────────────────────────────────────────────────────────────

interface Observation {
  readonly error: number;
  readonly b: number;
  readonly allowance: number;
  readonly actual: number;
  readonly truth: Decimal;
}

const W = decimalContext(60);
/**
 * The 50-digit truth's own resolution: decimal.js keeps an input's exact binary expansion (up to
 * ~70 digits) but rounds every result to 50, so x + (−x) can leave 1e-51. Errors are measured
 * above this floor; it is ~10⁻²⁴ of the smallest allowance met here.
 */
const TRUTH_FLOOR = 1e-40;

/** Every value and gradient element of `actual` against the truth, with b and the allowance of `precision`. */
function observe(c: GraphCase, s: ErrorScale, actual: { value: number; gradient: Record<string, readonly number[]> }, truth: { value: Decimal; gradient: Record<string, Decimal[]> }, precision: PrecisionClass): Observation[] {
  const t = tolerance(s, precision);
  expect(t.outsideModel, c.graph.nodes.map((n) => n.op).join(" ")).toEqual([]); // smooth graphs: no kinks, no edges
  const scaleOf = (b: number, extra: number): number => (PRECISION[precision].roundsInputs ? b + extra : b);
  const one = (a: number, tr: Decimal, b: number, allowance: number): Observation => ({
    error: Math.max(0, exact(W, a).minus(tr).abs().toNumber() - TRUTH_FLOOR),
    b,
    allowance,
    actual: a,
    truth: tr,
  });
  return [
    one(actual.value, truth.value, scaleOf(s.value as number, s.inputRounding.value as number), t.value as number),
    ...Object.entries(actual.gradient).flatMap(([id, g]) => {
      const b = elements(s.gradient[id] as number);
      const extra = elements(s.inputRounding.gradient[id] as number);
      const allowance = elements(t.gradient[id] as number);
      const tr = truth.gradient[id] as Decimal[];
      return g.map((a, e) => one(a, tr[e] as Decimal, scaleOf(b[e] as number, extra[e] as number), allowance[e] as number));
    }),
  ];
}

const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

function summary(label: string, obs: readonly Observation[], u: number, depths: readonly number[]): string {
  const scaled = obs.filter((o) => o.b > 0).map((o) => o.error / (u * o.b));
  const used = obs.filter((o) => o.allowance > 0).map((o) => o.error / o.allowance);
  const inexact = scaled.filter((r) => r > 0);
  return (
    `${label}: ${obs.length} elements (${obs.filter((o) => o.b === 0).length} with b = 0, all exact; ` +
    `${scaled.filter((r) => r === 0).length} of the rest exact); error/(u·b): max ${quantile(scaled, 1).toFixed(3)}, ` +
    `p99 ${quantile(scaled, 0.99).toFixed(3)}, p90 ${quantile(scaled, 0.9).toFixed(3)} ` +
    `(over the ${inexact.length} inexact ones: p50 ${quantile(inexact, 0.5).toFixed(3)}, p99 ${quantile(inexact, 0.99).toFixed(3)}); ` +
    `error/allowance max ${quantile(used, 1).toExponential(2)}; ` +
    `D median ${quantile(depths, 0.5)}, max ${quantile(depths, 1)}`
  );
}

const GRAPHS = 1000;
const generated = fc.sample(smoothGraphCase(), { numRuns: GRAPHS, seed: 20240607 });
const live = fc.sample(smoothGraphCase({ maxSteps: 12 }), { numRuns: GRAPHS, seed: 97 }).map(everythingLive);

describe("the tolerance model against a 50-digit truth (spec: tol.validation)", () => {
  const truthField = decimalField(50);
  const float64 = (cases: readonly GraphCase[]) => {
    const obs: Observation[] = [];
    const depths: number[] = [];
    for (const c of cases) {
      const s = errorScale(c);
      depths.push(s.depth);
      const r = gradient(c);
      const actual = { value: r.value as number, gradient: Object.fromEntries(Object.entries(r.gradient).map(([id, g]) => [id, elements(g)])) };
      obs.push(...observe(c, s, actual, dualGradient(c, truthField), "float64"));
    }
    return { obs, depths };
  };

  for (const [label, cases] of [["generated graphs", generated], ["graphs with every node live", live]] as const) {
    it(`gives no false alarm on ${GRAPHS} ${label}, and catches an error of 1e-4·b`, () => {
      const { obs, depths } = float64(cases);
      console.info(summary(`float64 reference, ${label}`, obs, PRECISION.float64.u, depths));
      for (const o of obs) {
        expect(o.error, `allowance ${o.allowance}, b ${o.b}`).toBeLessThanOrEqual(o.allowance);
        if (o.b === 0) continue; // then the allowance is 0 and the check above demanded an exact result
        // The same judged as a harness would, against the truth rounded to binary64:
        expect(withinAllowance(o.actual, o.truth.toNumber(), o.allowance)).toBe(true);
        expect(withinAllowance(o.actual + 1e-4 * o.b, o.truth.toNumber(), o.allowance)).toBe(false);
      }
      expect(obs.filter((o) => o.b > 0).length).toBeGreaterThan(GRAPHS);
    });
  }

  it("holds for a simulated float32 backend under the float32 class, which the float64 class would reject", () => {
    const obs: Observation[] = [];
    const depths: number[] = [];
    let rejectedAt64 = 0;
    let inexact = 0;
    let outOfRange = 0;
    for (const c of live.slice(0, 400)) {
      const s = errorScale(c);
      // Magnitudes beyond binary32's range are outside the model for the class (spec: tol.precision).
      if (tolerance(s, "float32").outsideRange) {
        outOfRange++;
        continue;
      }
      depths.push(s.depth);
      const f32 = dualGradient(c, float32Field);
      const truth = dualGradient(c, truthField);
      const o32 = observe(c, s, f32, truth, "float32");
      obs.push(...o32);
      const t64 = observe(c, s, f32, truth, "float64");
      rejectedAt64 += t64.filter((o) => o.error > o.allowance).length;
      inexact += o32.filter((o) => o.error > 0).length;
    }
    console.info(summary(`float32 forward-mode backend (${outOfRange} graphs beyond binary32's range left out)`, obs, PRECISION.float32.u, depths));
    for (const o of obs) expect(o.error, `b ${o.b}`).toBeLessThanOrEqual(o.allowance);
    // Most of the float32 results that are not exact would fail the float64 class.
    expect(rejectedAt64).toBeGreaterThan(inexact / 2);
  });
});
