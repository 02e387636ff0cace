/**
 * Matrix-product kernels over one Float64Array arena: `C += α·op(A)·op(B)`, accumulating straight
 * into the destination (no temporaries). They implement every operator of the `left`/`right`/`kron`
 * family and matmul's edges:
 *
 *   ℒ(A)X = AX, ℛ(A)X = XA                          → gemmNN
 *   ℒ(A)ᵀ•Y = AᵀY   (op.left.adjoint)              → gemmTN
 *   ℛ(A)ᵀ•Y = YAᵀ   (op.right.adjoint)             → gemmNT
 *
 * Conventions: matrices are row-major at offsets `a`, `b`, `c` of `x`; `C` is m×n and the inner
 * dimension is k. α is ±1 in practice (exact), applied to A's element.
 *
 * Loop orders are cache-friendly for row-major data: NN and TN run i-p-j (the innermost loop walks a
 * row of B and a row of C contiguously), NT computes row-by-row dot products four columns at a time.
 * NN and TN unroll p by four but keep the additions into C_ij in increasing p, so the forward matmul
 * C = 0 + Σ_p A_ip B_pj rounds exactly as the reference's (spec/03-primitives.md#prim.matmul.forward).
 *
 * @see spec/02-operators.md#op.left.apply
 * @see spec/02-operators.md#op.right.apply
 */

/** C[m×n] += α·A[m×k]·B[k×n]. */
export function gemmNN(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void {
  const k4 = k - (k % 4);
  for (let i = 0; i < m; i++) {
    const ci = c + i * n;
    const ai = a + i * k;
    let p = 0;
    // Stryker disable next-line ConditionalExpression: equivalent (false) — skipping the unrolled loop leaves every p to the remainder loop below, which adds the same products to C in the same order: bitwise the same (the unrolling is for speed)
    for (; p < k4; p += 4) {
      const a0 = alpha * x[ai + p]!, a1 = alpha * x[ai + p + 1]!, a2 = alpha * x[ai + p + 2]!, a3 = alpha * x[ai + p + 3]!;
      const b0 = b + p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        let s = x[ci + j]!;
        s += a0 * x[b0 + j]!;
        s += a1 * x[b1 + j]!;
        s += a2 * x[b2 + j]!;
        s += a3 * x[b3 + j]!;
        x[ci + j] = s;
      }
    }
    for (; p < k; p++) {
      const ap = alpha * x[ai + p]!;
      const bp = b + p * n;
      for (let j = 0; j < n; j++) x[ci + j] = x[ci + j]! + ap * x[bp + j]!;
    }
  }
}

/** C[m×n] += α·Aᵀ·B with A stored k×m and B k×n. */
export function gemmTN(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void {
  const k4 = k - (k % 4);
  for (let i = 0; i < m; i++) {
    const ci = c + i * n;
    let p = 0;
    // Stryker disable next-line ConditionalExpression: equivalent (false) — skipping the unrolled loop leaves every p to the remainder loop below, which adds the same products to C in the same order: bitwise the same (the unrolling is for speed)
    for (; p < k4; p += 4) {
      const a0 = alpha * x[a + p * m + i]!, a1 = alpha * x[a + (p + 1) * m + i]!;
      const a2 = alpha * x[a + (p + 2) * m + i]!, a3 = alpha * x[a + (p + 3) * m + i]!;
      const b0 = b + p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        let s = x[ci + j]!;
        s += a0 * x[b0 + j]!;
        s += a1 * x[b1 + j]!;
        s += a2 * x[b2 + j]!;
        s += a3 * x[b3 + j]!;
        x[ci + j] = s;
      }
    }
    for (; p < k; p++) {
      const ap = alpha * x[a + p * m + i]!;
      const bp = b + p * n;
      for (let j = 0; j < n; j++) x[ci + j] = x[ci + j]! + ap * x[bp + j]!;
    }
  }
}

/** C[m×n] += α·A·Bᵀ with A stored m×k and B n×k: dot products of rows. */
export function gemmNT(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void {
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i++) {
    const ai = a + i * k;
    const ci = c + i * n;
    let j = 0;
    // Stryker disable next-line ConditionalExpression: equivalent (false) — skipping the four-column loop leaves every j to the one-column loop below, which forms the same dot product in the same order and adds α·s the same way: bitwise the same
    for (; j < n4; j += 4) {
      const b0 = b + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < k; p++) {
        const ap = x[ai + p]!;
        s0 += ap * x[b0 + p]!;
        s1 += ap * x[b1 + p]!;
        s2 += ap * x[b2 + p]!;
        s3 += ap * x[b3 + p]!;
      }
      x[ci + j] = x[ci + j]! + alpha * s0;
      x[ci + j + 1] = x[ci + j + 1]! + alpha * s1;
      x[ci + j + 2] = x[ci + j + 2]! + alpha * s2;
      x[ci + j + 3] = x[ci + j + 3]! + alpha * s3;
    }
    for (; j < n; j++) {
      const bj = b + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += x[ai + p]! * x[bj + p]!;
      x[ci + j] = x[ci + j]! + alpha * s;
    }
  }
}

/**
 * The three products as one interface, so a plan can hold either these JavaScript kernels or the
 * blocked WebAssembly ones (gemm-wasm.ts), which give bitwise the same results.
 */
export interface Matmul {
  /** C[m×n] += α·A·B. */
  nn(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void;
  /** C[m×n] += α·Aᵀ·B, A stored k×m. */
  tn(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void;
  /** C[m×n] += α·A·Bᵀ, B stored n×k. */
  nt(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void;
}

export const jsMatmul: Matmul = { nn: gemmNN, tn: gemmTN, nt: gemmNT };
