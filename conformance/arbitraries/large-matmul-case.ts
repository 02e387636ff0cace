/**
 * Random graph cases built around large matrix products, with their exact value and gradient in
 * closed form. Fast backends switch to blocked (and SIMD) kernels once a product is big enough —
 * impl/ at m·n·k ≥ 1000, with 4×4 register tiles, k sliced 256 deep and row and column blocks sized
 * to fit its packing buffers — and the other graph arbitraries keep matrices at 3×3, so
 * without these cases a bug in the blocked code would slip through the suite. The sizes are drawn
 * from regimes that straddle those edges (ragged borders, k just past a slice, more than one row or
 * column block in every product reverse mode forms: A·B, Ȳ·Bᵀ and Aᵀ·Ȳ).
 *
 * Every element is an integer in [−4, 4] (a seeded generator, so a 600-column matrix costs one
 * integer to draw and shrinking works on the sizes and the seed). Every exact sum stays far below
 * 2²⁴ in magnitude (checked in {@link closedForm}), so any evaluation order in binary64 or binary32
 * forms it exactly: the expected values are exact, not merely within rounding.
 *
 * The shapes of the graph (`variant`), with cotangent G of Y's shape:
 *   single        Y = A·B              Ā = G·Bᵀ,  B̄ = Aᵀ·G
 *   shared-left   Y = A·B + A·D        Ā = G·Bᵀ + G·Dᵀ (two products accumulate into Ā), B̄ = D̄ = Aᵀ·G
 *   shared-right  Y = A·B + C·B        B̄ = Aᵀ·G + Cᵀ·G (into B̄),  Ā = C̄ = G·Bᵀ
 *   chain         P = A·B, Y = P·E     P̄ = G·Eᵀ, Ā = P̄·Bᵀ, B̄ = Aᵀ·P̄, Ē = Pᵀ·G (operands that are nodes)
 *
 * @see spec/03-primitives.md#prim.matmul.linearize
 */
import fc from "fast-check";
import type { GraphCase } from "../../reference/case.js";

export type LargeMatmulVariant = "single" | "shared-left" | "shared-right" | "chain";
export const LARGE_MATMUL_VARIANTS: readonly LargeMatmulVariant[] = ["single", "shared-left", "shared-right", "chain"];

/** Inclusive ranges for the rows m of A, its columns k (B's rows) and B's columns n. */
interface Regime {
  readonly name: string;
  readonly m: readonly [number, number];
  readonly k: readonly [number, number];
  readonly n: readonly [number, number];
}

/**
 * Why each regime (impl/gemm-wasm.ts's blocking, which other fast backends resemble): `small`
 * crosses the volume threshold (10·10·10 = 1000) and the 4-wide tiles from below; `panels` has
 * ragged borders on both sides; `deep` slices A·B's inner dimension k around 256; `tall` does the
 * same for Aᵀ·Ȳ, whose inner dimension is m, and gives A·B several row blocks (more than 128 rows at
 * a 256-deep slice); `wide` gives Ȳ·Bᵀ — never sliced along its inner dimension n, so at n ≈ 2000
 * its blocks are at most 16 rows by 64 columns — more than one of each, and A·B more than one
 * column block; `very-wide` takes Ȳ·Bᵀ's inner dimension past 8192, where one unsliced panel no
 * longer fits a blocked kernel's workspace (impl hands such a product to its plain kernels) —
 * the kind of limit a GPU backend meets at its largest texture side.
 */
export const REGIMES: readonly Regime[] = [
  { name: "small", m: [1, 12], k: [1, 12], n: [1, 12] },
  { name: "panels", m: [3, 40], k: [3, 40], n: [3, 40] },
  { name: "deep", m: [4, 24], k: [250, 270], n: [4, 24] },
  { name: "tall", m: [250, 270], k: [250, 270], n: [3, 9] },
  { name: "wide", m: [14, 24], k: [60, 80], n: [1990, 2100] },
  { name: "very-wide", m: [4, 9], k: [4, 9], n: [8150, 8250] },
];

export interface LargeMatmulValue {
  readonly c: GraphCase;
  readonly regime: string;
  readonly variant: LargeMatmulVariant;
}

/** A matrix of integers in [−4, 4] from a seeded linear congruential generator (never all zero). */
export function integerMatrix(rows: number, cols: number, seed: number): number[][] {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 16) % 9 - 4;
  };
  const m = Array.from({ length: rows }, () => Array.from({ length: cols }, next));
  if (m.every((row) => row.every((v) => v === 0))) (m[0] as number[])[0] = 1;
  return m;
}

const within = ([lo, hi]: readonly [number, number]): fc.Arbitrary<number> => fc.integer({ min: lo, max: hi });

/** The case for one regime, variant, sizes and seed. */
export function largeMatmulCase(regime: Regime, variant: LargeMatmulVariant, m: number, k: number, n: number, p: number, seed: number): GraphCase {
  const A = integerMatrix(m, k, seed);
  const B = integerMatrix(k, n, seed + 1);
  const inputs = [{ id: "A", value: A }, { id: "B", value: B }];
  const nodes: { id: string; op: string; args: string[] }[] = [];
  let output = "Y";
  let G: number[][];
  switch (variant) {
    case "single":
      nodes.push({ id: "Y", op: "matmul", args: ["A", "B"] });
      G = integerMatrix(m, n, seed + 2);
      break;
    case "shared-left":
      inputs.push({ id: "D", value: integerMatrix(k, n, seed + 3) });
      nodes.push({ id: "AB", op: "matmul", args: ["A", "B"] }, { id: "AD", op: "matmul", args: ["A", "D"] }, { id: "Y", op: "add", args: ["AB", "AD"] });
      G = integerMatrix(m, n, seed + 2);
      break;
    case "shared-right":
      inputs.push({ id: "C", value: integerMatrix(m, k, seed + 3) });
      nodes.push({ id: "AB", op: "matmul", args: ["A", "B"] }, { id: "CB", op: "matmul", args: ["C", "B"] }, { id: "Y", op: "add", args: ["AB", "CB"] });
      G = integerMatrix(m, n, seed + 2);
      break;
    case "chain":
      inputs.push({ id: "E", value: integerMatrix(n, p, seed + 3) });
      nodes.push({ id: "P", op: "matmul", args: ["A", "B"] }, { id: "Y", op: "matmul", args: ["P", "E"] });
      G = integerMatrix(m, p, seed + 2);
      output = "Y";
      break;
  }
  return {
    id: `random.large-matmul.${regime.name}.${variant}`,
    description: `${variant} products of a ${m}×${k} by a ${k}×${n} matrix (regime ${regime.name}), integers in [−4, 4], with an integer cotangent`,
    kind: "graph",
    graph: { inputs, nodes, output } as GraphCase["graph"],
    cotangent: G,
  };
}

/** Random large-product cases: a regime, a variant, sizes within the regime and a seed. */
export function largeMatmulCaseArbitrary(): fc.Arbitrary<LargeMatmulValue> {
  return fc
    .tuple(fc.nat({ max: REGIMES.length - 1 }), fc.constantFrom(...LARGE_MATMUL_VARIANTS))
    .chain(([r, variant]) => {
      const regime = REGIMES[r] as Regime;
      return fc
        .record({ m: within(regime.m), k: within(regime.k), n: within(regime.n), p: fc.integer({ min: 1, max: 6 }), seed: fc.nat() })
        .map(({ m, k, n, p, seed }): LargeMatmulValue => ({ c: largeMatmulCase(regime, variant, m, k, n, p, seed), regime: regime.name, variant }));
    });
}

// ---- the closed form -------------------------------------------------------------------------

type Matrix = readonly (readonly number[])[];

/** X·Y, and Σ|X||Y| alongside to check that every partial sum is exact. */
function product(X: Matrix, Y: Matrix): { value: number[][]; magnitude: number } {
  const rows = X.length, inner = Y.length, cols = (Y[0] as readonly number[]).length;
  let magnitude = 0;
  const value = Array.from({ length: rows }, (_, i) => {
    const out = new Float64Array(cols), mag = new Float64Array(cols);
    const xi = X[i] as readonly number[];
    for (let q = 0; q < inner; q++) {
      const a = xi[q] as number;
      if (a === 0) continue;
      const yq = Y[q] as readonly number[];
      for (let j = 0; j < cols; j++) {
        out[j] = (out[j] as number) + a * (yq[j] as number);
        mag[j] = (mag[j] as number) + Math.abs(a * (yq[j] as number));
      }
    }
    for (const v of mag) magnitude = Math.max(magnitude, v);
    return Array.from(out);
  });
  return { value, magnitude };
}

const transpose = (X: Matrix): number[][] => (X[0] as readonly number[]).map((_, j) => X.map((row) => row[j] as number));
const sum = (X: Matrix, Y: Matrix): number[][] => X.map((row, i) => row.map((v, j) => v + ((Y[i] as readonly number[])[j] as number)));

/** Every exact sum below this in magnitude is formed exactly in binary32 and binary64 whatever the order. */
export const EXACT_LIMIT = 2 ** 24;

/**
 * The exact value and gradient of a {@link largeMatmulCase} (for every input), by the closed forms
 * in the file comment over plain integers; throws if some sum (or the sum of two products) could reach 2²⁴ (a regime too big).
 */
export function closedForm(c: GraphCase): { value: number[][]; gradient: Record<string, number[][]> } {
  const input = (id: string): Matrix => c.graph.inputs.find((x) => x.id === id)?.value as Matrix;
  const G = c.cotangent as Matrix;
  let largest = 0;
  const mul = (X: Matrix, Y: Matrix): number[][] => {
    const r = product(X, Y);
    largest = Math.max(largest, r.magnitude);
    return r.value;
  };
  const A = input("A"), B = input("B"), Bt = transpose(B), At = transpose(A);
  let out: { value: number[][]; gradient: Record<string, number[][]> };
  if (c.graph.nodes.length === 1) {
    out = { value: mul(A, B), gradient: { A: mul(G, Bt), B: mul(At, G) } };
  } else if (c.graph.inputs.some((x) => x.id === "D")) {
    const D = input("D");
    const AtG = mul(At, G);
    out = { value: sum(mul(A, B), mul(A, D)), gradient: { A: sum(mul(G, Bt), mul(G, transpose(D))), B: AtG, D: AtG } };
  } else if (c.graph.inputs.some((x) => x.id === "C")) {
    const C = input("C");
    const GBt = mul(G, Bt);
    out = { value: sum(mul(A, B), mul(C, B)), gradient: { A: GBt, C: GBt, B: sum(mul(At, G), mul(transpose(C), G)) } };
  } else {
    const E = input("E");
    const P = mul(A, B);
    const Pbar = mul(G, transpose(E));
    out = { value: mul(P, E), gradient: { A: mul(Pbar, Bt), B: mul(At, Pbar), E: mul(transpose(P), G) } };
  }
  if (2 * largest >= EXACT_LIMIT) throw new Error(`internal: a large-matmul case whose sums reach ${largest} (≥ 2²⁴) is not exact in binary32`);
  return out;
}
