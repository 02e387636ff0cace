/**
 * Random smooth functions with closed-form gradients, for property tests of the finite-difference
 * oracle (test support: independent of every graph and of the reference).
 *
 * f(x) = Σ terms over n ≤ 4 variables, each term one of
 *   monomial   c · Π x_j^{p_j}            (total degree ≤ 4)
 *   wave       c · sin(w·x + φ)
 *   growth     c · exp(w·x)
 *   bump       c / (1 + (w·x)²)
 *   softplus   c · log(1 + exp(w·x))
 * with |c| ≤ 3 and the frequencies w scaled by 1/max(1, ‖x‖∞), so values stay moderate when the
 * point is large. The point's magnitude varies over 10⁻², 1 and 10 so that the step scaling
 * max(1, |x_i|) is exercised.
 */
import fc from "fast-check";

/** A function, a point, and the exact gradient formula evaluated in float64. */
export interface SmoothProblem {
  readonly x: Float64Array;
  readonly f: (x: Float64Array) => number;
  readonly gradient: (x: Float64Array) => Float64Array;
  /** A readable formula, for failure messages. */
  readonly formula: string;
}

type Term =
  | { kind: "monomial"; c: number; p: number[] }
  | { kind: "wave" | "growth" | "bump" | "softplus"; c: number; w: number[]; phase: number };

/**
 * Uniform reals on [lo, hi] through integers: fc.double favours extremes (subnormals, ±max), which
 * make functions of no interest here (every derivative ~1e-300).
 */
function real(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 1 << 30 }).map((k) => lo + ((hi - lo) * k) / (1 << 30));
}

const coef = real(-3, 3).filter((c) => Math.abs(c) > 1e-3);

function termArb(n: number, reach: number): fc.Arbitrary<Term> {
  const w = fc.array(real(-3, 3), { minLength: n, maxLength: n }).map((ws) => ws.map((v) => v / reach));
  const monomial = fc
    .record({ c: coef, p: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }) })
    .filter(({ p }) => p.reduce((a, b) => a + b, 0) <= 4)
    .map(({ c, p }): Term => ({ kind: "monomial", c, p }));
  const other = fc
    .record({
      kind: fc.constantFrom("wave" as const, "growth" as const, "bump" as const, "softplus" as const),
      c: coef,
      w,
      phase: real(-3, 3),
    })
    .map((t): Term => t);
  return fc.oneof(monomial, other);
}

function dot(w: readonly number[], x: Float64Array): number {
  return w.reduce((s, wi, i) => s + wi * x[i]!, 0);
}

function value(t: Term, x: Float64Array): number {
  if (t.kind === "monomial") return t.p.reduce((s, p, i) => s * x[i]! ** p, t.c);
  const z = dot(t.w, x);
  switch (t.kind) {
    case "wave":
      return t.c * Math.sin(z + t.phase);
    case "growth":
      return t.c * Math.exp(z);
    case "bump":
      return t.c / (1 + z * z);
    case "softplus":
      return t.c * Math.log1p(Math.exp(z));
  }
}

/** ∂term/∂x_i in closed form. */
function partial(t: Term, x: Float64Array, i: number): number {
  if (t.kind === "monomial") {
    const pi = t.p[i]!;
    if (pi === 0) return 0;
    return t.p.reduce((s, p, j) => s * (j === i ? pi * x[j]! ** (p - 1) : x[j]! ** p), t.c);
  }
  const z = dot(t.w, x);
  const wi = t.w[i]!;
  switch (t.kind) {
    case "wave":
      return t.c * Math.cos(z + t.phase) * wi;
    case "growth":
      return t.c * Math.exp(z) * wi;
    case "bump":
      return (-2 * t.c * z * wi) / (1 + z * z) ** 2;
    case "softplus":
      return (t.c * wi) / (1 + Math.exp(-z));
  }
}

function show(t: Term): string {
  const c = t.c.toPrecision(4);
  if (t.kind === "monomial") return `${c}·${t.p.map((p, i) => `x${i}^${p}`).join("·")}`;
  const z = t.w.map((w, i) => `${w.toPrecision(4)}·x${i}`).join("+");
  return t.kind === "wave" ? `${c}·sin(${z}+${t.phase.toPrecision(4)})` : `${c}·${t.kind}(${z})`;
}

/** An arbitrary {@link SmoothProblem} with 1..4 variables and 1..5 terms. */
export function randomSmoothFunction(): fc.Arbitrary<SmoothProblem> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 4 }),
      magnitude: fc.constantFrom(1e-2, 1, 10),
    })
    .chain(({ n, magnitude }) =>
      fc
        .array(real(-1, 1), { minLength: n, maxLength: n })
        .map((u) => Float64Array.from(u, (v) => 2 * v * magnitude))
        .chain((x) => {
          const reach = Math.max(1, ...Array.from(x, Math.abs));
          return fc.array(termArb(n, reach), { minLength: 1, maxLength: 5 }).map(
            (terms): SmoothProblem => ({
              x,
              f: (y) => terms.reduce((s, t) => s + value(t, y), 0),
              gradient: (y) => Float64Array.from({ length: n }, (_, i) => terms.reduce((s, t) => s + partial(t, y, i), 0)),
              formula: terms.map(show).join(" + "),
            }),
          );
        }),
    );
}
