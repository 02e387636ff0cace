// The WebAssembly gemm against the JavaScript kernels and the reference's matmul. Both sides add
// the same products in the same order (gemm-wasm.ts), so they must agree bitwise (Object.is, so
// −0 and NaN count), for every shape class the blocking distinguishes: below the size threshold
// (JS fallback), exact multiples of the register tile, ragged borders, k sliced into several kc
// pieces (k > 256), NT's unsliced long k, a C block larger than the workspace's C̃, α = −1, and
// non-finite entries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorScale, tolerance } from "../oracles/bound/index.js";
import { reference, type GraphCase, type Tensor } from "../reference/index.js";
import { matmul, transpose } from "../reference/tensor.js";
import { newArena } from "./arena.js";
import { WasmMatmul } from "./gemm-wasm.js";
import { compile } from "./graph-plan.js";
import { gemmNN, gemmNT, gemmTN } from "./kernels-matmul.js";
import { closeTensor, twice } from "./testing/agreement.js";

const KINDS = { nn: gemmNN, tn: gemmTN, nt: gemmNT } as const;
type Kind = keyof typeof KINDS;

/** Deterministic data with a sprinkling of −0, ±∞ and NaN when `special`. */
function fill(x: Float64Array, seed: number, special: boolean): void {
  for (let t = 0; t < x.length; t++) {
    const v = Math.sin(seed + t * 1.37) * 4;
    x[t] = special && t % 97 === 5 ? [-0, Infinity, -Infinity, NaN][t % 4]! : v;
  }
}

/** Runs one product both ways on identical arenas; returns the first differing element, or −1. */
function firstDifference(kind: Kind, m: number, n: number, k: number, alpha: number, special: boolean): number {
  const a = 1, b = a + m * k + 1, c = b + k * n + 1; // odd offsets: unaligned operands
  const size = c + m * n + 2;
  const w = newArena(size, true);
  const js = new Float64Array(size);
  fill(w.x, m * 31 + n * 7 + k, special);
  js.set(w.x);
  w.mm[kind](w.x, m, n, k, alpha, a, b, c);
  KINDS[kind](js, m, n, k, alpha, a, b, c);
  for (let t = 0; t < size; t++) if (!Object.is(w.x[t], js[t])) return t;
  return -1;
}

const SHAPES: readonly [number, number, number][] = [
  [3, 3, 3], [4, 4, 256], [16, 16, 16], [17, 19, 23], [64, 8, 300], [8, 64, 513], [33, 37, 1], [130, 67, 129], [4, 4, 2000],
  [260, 300, 90], // C̃ (64 K doubles) bounds mc below m: two row blocks copied in and out
];

describe("wasm gemm = JavaScript gemm, bitwise", () => {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    it.each(SHAPES)(`${kind} %i×%i, k = %i`, (m, n, k) => {
      expect(firstDifference(kind, m, n, k, 1, false)).toBe(-1);
      expect(firstDifference(kind, m, n, k, -1, true)).toBe(-1);
    });
  }
  it("random shapes", () => {
    const side = fc.integer({ min: 1, max: 70 });
    fc.assert(
      fc.property(fc.constantFrom<Kind>("nn", "tn", "nt"), side, side, fc.integer({ min: 1, max: 600 }), fc.boolean(), (kind, m, n, k, neg) => {
        expect(firstDifference(kind, m, n, k, neg ? -1 : 1, !neg)).toBe(-1);
      }),
      { seed: 77, numRuns: 60 },
    );
  });
});

describe("wasm gemm = the reference's matmul, bitwise, from C = 0", () => {
  const toMatrix = (x: Float64Array, o: number, r: number, c: number): number[][] =>
    Array.from({ length: r }, (_, i) => Array.from(x.subarray(o + i * c, o + (i + 1) * c)));
  it.each([[20, 24, 300], [37, 41, 43]])("NN, TN and NT at %i×%i, k = %i", (m, n, k) => {
    for (const kind of ["nn", "tn", "nt"] as const) {
      const a = 0, b = m * k, c = b + k * n;
      const w = newArena(c + m * n, true);
      fill(w.x.subarray(0, c), k, false);
      w.mm[kind](w.x, m, n, k, 1, a, b, c);
      // A is stored m×k (nn, nt) or k×m (tn); B k×n (nn, tn) or n×k (nt).
      const A = kind === "tn" ? transpose(toMatrix(w.x, a, k, m)) : toMatrix(w.x, a, m, k);
      const B = kind === "nt" ? transpose(toMatrix(w.x, b, n, k)) : toMatrix(w.x, b, k, n);
      const want = matmul(A as number[][], B as number[][]);
      expect(toMatrix(w.x, c, m, n), kind).toEqual(want);
    }
  });
});

/** A chain of tanh(W·X) layers at side n, loss sum(X_L): big enough for the wasm kernels. */
function mlp(layers: number, n: number): GraphCase {
  const value = (s: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.sin(s + 3 * i + j) / Math.sqrt(n)));
  const inputs = [{ id: "X0", value: value(0) }, ...Array.from({ length: layers }, (_, l) => ({ id: `W${l}`, value: value(l + 1) }))];
  const nodes = Array.from({ length: layers }, (_, l) => [
    { id: `Z${l}`, op: "matmul", args: [`W${l}`, l === 0 ? "X0" : `X${l}`] },
    { id: `X${l + 1}`, op: "tanh", args: [`Z${l}`] },
  ]).flat();
  return { id: "mlp", description: "mlp", kind: "graph", graph: { inputs, nodes: [...nodes, { id: "loss", op: "sum", args: [`X${layers}`] }], output: "loss" } };
}

describe("a plan with the wasm kernels", () => {
  it.each([18, 33])("MLP at n = %i: wasm and JS plans agree bitwise, and with the reference within the bound", (n) => {
    const c = mlp(3, n);
    const w = compile(c, { matmul: "wasm" });
    const j = compile(c, { matmul: "js" });
    expect(w.mm).toBeInstanceOf(WasmMatmul);
    expect(Array.from(w.forward())).toEqual(Array.from(j.forward()));
    const gw = w.gradient().map((g) => Array.from(g));
    const gj = j.gradient().map((g) => Array.from(g));
    expect(gw).toEqual(gj);
    const r = reference.gradient(c);
    const allow = tolerance(errorScale(c)).gradient;
    w.code.wrt.forEach((k, q) => {
      const id = w.code.idOf(k);
      const got: Tensor = Array.from({ length: n }, (_, i) => gw[q]!.slice(i * n, (i + 1) * n));
      expect(closeTensor(got, r.gradient[id] as Tensor, twice(allow[id] as Tensor)), id).toBeUndefined();
    });
  });
});
