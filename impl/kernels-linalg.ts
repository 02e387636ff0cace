/**
 * The linear-algebra family: Gaussian elimination with partial pivoting on Float64Array scratch
 * (the same operations, in the same order, as spec/03-primitives.md#prim.gepp and the reference, so
 * inv and logdet and their domain faults agree bit for bit), and the edges of inv and logdet.
 *
 * Conventions: `n` is the side; offsets into the arena `x`: `a` the argument A, `c` the node's value,
 * `u` and `r` two n×n scratch blocks, `src`/`dst` the incoming and accumulated adjoint or tangent.
 *
 * @see spec/03-primitives.md#prim.gepp
 */
import { gemmNN, gemmNT, gemmTN } from "./kernels-matmul.js";

/** Outcome of {@link eliminate}: ≥ 0 is the column of a zero pivot (singular); −1 or −2 is det's sign +1 or −1. */
export type Elimination = number;
export const signOf = (e: Elimination): number => (e === -1 ? 1 : -1);

/**
 * Eliminates U (n×n at u, overwritten) and applies the same row operations to R (n×cols at r).
 * Returns the first zero pivot's column, or the sign of the row permutation as −1 (+1) / −2 (−1).
 *
 * @see spec/03-primitives.md#prim.gepp
 */
export function eliminate(x: Float64Array, n: number, u: number, r: number, cols: number): Elimination {
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(x[u + i * n + k]!) > Math.abs(x[u + p * n + k]!)) p = i;
    if (x[u + p * n + k] === 0) return k;
    if (p !== k) {
      swapRows(x, u + k * n, u + p * n, n);
      swapRows(x, r + k * cols, r + p * cols, cols);
      sign = -sign;
    }
    const uk = u + k * n;
    const rk = r + k * cols;
    for (let i = k + 1; i < n; i++) {
      const ui = u + i * n;
      const ri = r + i * cols;
      const f = x[ui + k]! / x[uk + k]!;
      for (let j = k; j < n; j++) x[ui + j] = x[ui + j]! - f * x[uk + j]!;
      for (let j = 0; j < cols; j++) x[ri + j] = x[ri + j]! - f * x[rk + j]!;
    }
  }
  return sign === 1 ? -1 : -2;
}

/** Whether any of the `len` elements at `a` is NaN. */
function hasNaN(x: Float64Array, a: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (x[a + k] !== x[a + k]) return true;
  return false;
}

function swapRows(x: Float64Array, p: number, q: number, len: number): void {
  for (let j = 0; j < len; j++) {
    const t = x[p + j]!;
    x[p + j] = x[q + j]!;
    x[q + j] = t;
  }
}

/**
 * C = A⁻¹ (n×n at c) by elimination on [A | I] and back substitution in place (row i of the result
 * needs only row i of the eliminated right side and the rows below it). `u` is scratch.
 * Returns the elimination's outcome (≥ 0: singular).  @see spec/03-primitives.md#prim.inv.forward
 */
export function inverseInto(x: Float64Array, n: number, a: number, c: number, u: number): Elimination {
  if (hasNaN(x, a, n * n)) { // every element NaN, never a zero pivot  @see spec/03-primitives.md#nan.linalg
    x.fill(NaN, c, c + n * n);
    return -1;
  }
  x.copyWithin(u, a, a + n * n);
  // Stryker disable next-line EqualityOperator: equivalent (i <= n, j <= n) — the extra writes are zeros at C's row n, past C: a later value, the slot region or scratch (each written before read) or past the arena; within C, row i + 1's j = 0 write follows
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x[c + i * n + j] = i === j ? 1 : 0;
  const e = eliminate(x, n, u, c, n);
  // Stryker disable next-line EqualityOperator: equivalent (e > 0) — for e = 0 back substitution only fills C, and e is still returned: forwardSweep raises inv's fault, and logdetEdge runs only on matrices whose logdet met no zero pivot (the same operations on U)
  if (e >= 0) return e;
  // Stryker disable next-line ArithmeticOperator: equivalent (n + 1) — the extra row i = n writes n elements past C (a later value, the slot region or scratch, each written before read, or past the arena); rows below n never read it (k < n)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = 0; j < n; j++) {
      let s = x[c + i * n + j]!;
      for (let k = i + 1; k < n; k++) s -= x[u + i * n + k]! * x[c + k * n + j]!;
      x[c + i * n + j] = s / x[u + i * n + i]!;
    }
  }
  return e;
}

/**
 * log det A = Σ_k ln|U_kk| with the sign from the pivots and the permutation; NaN marks a
 * singular matrix or a determinant that is not positive (E_DOMAIN for the caller), with the
 * reason in `why` — unless `why.nan`: A has a NaN element and NaN is the value (nan.linalg).  @see spec/03-primitives.md#prim.logdet.forward
 */
export function logdetOf(x: Float64Array, n: number, a: number, u: number, why: { singularAt: number; nan: boolean }): number {
  why.nan = hasNaN(x, a, n * n); // NaN is the value, not a fault  @see spec/03-primitives.md#nan.linalg
  // Stryker disable next-line ConditionalExpression: equivalent (false) — with a NaN element eliminate either stops at a zero pivot (NaN returned) or carries the NaN into a pivot (comparisons with NaN are false, 0·NaN = NaN), so the result is NaN either way, and why.nan stays true
  if (why.nan) return NaN;
  x.copyWithin(u, a, a + n * n);
  const e = eliminate(x, n, u, u, 0);
  why.singularAt = e;
  if (e >= 0) return NaN;
  let s = signOf(e);
  let logAbs = 0;
  for (let k = 0; k < n; k++) {
    const v = x[u + k * n + k]!;
    // Stryker disable next-line EqualityOperator: equivalent (v <= 0) — after an elimination without a zero pivot every U_kk ≠ 0
    if (v < 0) s = -s;
    logAbs += Math.log(Math.abs(v));
  }
  // Stryker disable next-line EqualityOperator: equivalent (s >= 0) — s is ±1
  return s > 0 ? logAbs : NaN;
}

/**
 * inv's edge −ℒ(C)∘ℛ(C). Forward: dst += −C(Ẋ C). Adjoint (law.reversal): ℛ(Cᵀ)∘ℒ(Cᵀ)∘scale(−1),
 * dst += −(Cᵀ Ȳ)Cᵀ. `t` is an n×n scratch block.  @see spec/03-primitives.md#prim.inv.linearize
 */
export function invEdge(x: Float64Array, adjoint: boolean, n: number, c: number, src: number, dst: number, t: number): void {
  x.fill(0, t, t + n * n);
  if (adjoint) {
    gemmTN(x, n, n, n, 1, c, src, t);
    gemmNT(x, n, n, n, -1, t, c, dst);
  } else {
    gemmNN(x, n, n, n, 1, src, c, t);
    gemmNN(x, n, n, n, -1, c, t, dst);
  }
}

/**
 * logdet's edge (A⁻ᵀ)ᵀ•. Forward: dst += ⟨A⁻ᵀ, Ẋ⟩; adjoint (op.dot.adjoint): dst += c̄·A⁻ᵀ. A⁻¹ is
 * recomputed into scratch `r` (with `u`), as the reference's linearization computes it.
 * @see spec/03-primitives.md#prim.logdet.linearize
 */
export function logdetEdge(x: Float64Array, adjoint: boolean, n: number, a: number, src: number, dst: number, u: number, r: number): void {
  inverseInto(x, n, a, r, u);
  if (adjoint) {
    const cbar = x[src]!;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x[dst + i * n + j] = x[dst + i * n + j]! + cbar * x[r + j * n + i]!;
  } else {
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += x[r + j * n + i]! * x[src + i * n + j]!;
    x[dst] = x[dst]! + s;
  }
}
