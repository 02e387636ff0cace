/**
 * Test helpers: does impl agree with the reference on a case? Both are run; they must fail with the
 * same spec error code, or both answer — values compared with {@link closeTensor} under an
 * allowance the caller takes from an independent source (the error-bound model of chapter 7, or 0
 * where the arithmetic is exact).
 *
 * Why not bitwise: impl accumulates every edge's contribution straight into ȳ_j (`ȳ_j += 𝓛ᵀ•ȳ_i`,
 * matmul's Σ_k into the destination, repeated arguments one after the other), while the reference
 * forms each term first and then adds it (`ȳ_j + (Σ_k …)`, `ȳ_j + (𝓛₁ᵀ•ȳ + 𝓛₂ᵀ•ȳ)`). Same terms,
 * same order of the visits, different rounding of the partial sums: each result is within the
 * model's allowance of the exact one (spec/07-tolerance.md#tol.exact), so the two are within twice it.
 * Forward values use the same operations in the same order and are compared exactly.
 */
import type { Tensor } from "../../reference/index.js";
import { SpecError } from "../../reference/index.js";

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string; readonly message: string };

/** Runs `f`, turning a spec error into its code; anything else thrown is re-thrown (a bug). */
export function outcome<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof SpecError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

const at = (t: Tensor, i: number, j: number): number => (typeof t === "number" ? t : (t[i]?.[j] ?? NaN));

/**
 * Where `actual` and `expected` differ by more than `allow` (a number, or a tensor of per-element
 * allowances; NaN: no allowance, only equality): a description of the worst element, or undefined.
 * NaN matches NaN, ±0 match, infinities match only themselves.
 */
export function closeTensor(actual: Tensor, expected: Tensor, allow: Tensor | number): string | undefined {
  if (typeof actual !== typeof expected) return `shape: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`;
  const rows = typeof expected === "number" ? 1 : expected.length;
  const cols = typeof expected === "number" ? 1 : (expected[0]?.length ?? 0);
  if (typeof actual !== "number" && (actual.length !== rows || (actual[0]?.length ?? 0) !== cols)) return "shape mismatch";
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const a = at(actual, i, j);
      const e = at(expected, i, j);
      if (a === e || (Number.isNaN(a) && Number.isNaN(e))) continue;
      const tol = typeof allow === "number" ? allow : at(allow, i, j);
      if (!(Number.isFinite(a) && Number.isFinite(e) && Math.abs(a - e) <= tol)) {
        return `[${i}][${j}]: impl ${a}, reference ${e}, allowed ${tol}`;
      }
    }
  }
  return undefined;
}

/** Twice an allowance tensor: the distance two results each within it of the exact one may have. */
export function twice(t: Tensor): Tensor {
  return typeof t === "number" ? 2 * t : t.map((row) => row.map((v) => 2 * v));
}
