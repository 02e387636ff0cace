/**
 * The blocked gemm over WebAssembly memory (GotoBLAS/BLIS loop nest): for each nc-wide column block
 * and kc-deep slice, B is packed into NR-wide panels; for each mc-tall row block A is packed into
 * MR-tall panels (times α); the block of C is copied into the workspace, the SIMD macro-kernel
 * (wasm-gemm-module.ts) updates it tile by tile, and it is copied back.
 * Packing makes every operand stream contiguous whatever op(A), op(B) are, so NN, TN and NT share
 * one kernel; the ragged border (m mod MR rows, n mod NR columns) is done by a scalar loop here.
 *
 * Results are bitwise those of the JavaScript kernels (kernels-matmul.ts), which the differential
 * tests check: each C_ij sees the same products added in the same order —
 *   NN, TN: `C_ij += (α·A_ip)·B_pj` for p increasing; slicing k into kc-deep pieces keeps that order
 *           (C_ij is stored after one slice and reloaded by the next);
 *   NT:     `s = Σ_p A_ip·B_jp` from 0, then `C_ij += α·s`; so this variant never slices k (kc = k).
 *
 * Copying C neither rounds nor reorders anything (plain stores of the same doubles).
 *
 * Conventions: `x` is the arena (any Float64Array); A(i, p) = x[a + i·ai + p·ap],
 * B(p, j) = x[b + p·bp + j·bj], C is row-major m×n at `c`. Workspace addresses passed to the
 * kernel are byte addresses (8 × the workspace index).
 */
import { gemmNN, gemmNT, gemmTN, type Matmul } from "./kernels-matmul.js";
import { forgetGemmModule, gemmModule, instantiate, MR, NR, type MacroKernels } from "./wasm-gemm-module.js";

/**
 * Slice depth and the workspace's capacities (doubles): Ã stays in L2, a B̃ panel in L1, and C̃ holds
 * the mc×nc block of C the macro-kernel updates (copied in from the arena and back out).
 */
const KC = 256;
// Stryker disable next-line ArithmeticOperator: performance only — a smaller capacity makes the blocks smaller or leaves run() no block at all (mcMax or ncMax 0), so the JavaScript kernels do the product: bitwise the same results
const ACAP = 32 * 1024;
// Stryker disable next-line ArithmeticOperator: performance only — a smaller capacity makes the blocks smaller or leaves run() no block at all (mcMax or ncMax 0), so the JavaScript kernels do the product: bitwise the same results
const BCAP = 128 * 1024;
// Stryker disable next-line ArithmeticOperator: performance only — a smaller capacity makes the blocks smaller or leaves run() no block at all (mcMax or ncMax 0), so the JavaScript kernels do the product: bitwise the same results
const CCAP = 64 * 1024;
/** The workspace's layout: Ã at 0, B̃ after it, C̃ after that (all 16-byte aligned). */
const PA = 0, PB = ACAP, PC = ACAP + BCAP;
const WORKSPACE_PAGES = Math.ceil((8 * (ACAP + BCAP + CCAP)) / 65536);
/**
 * Below this m·n·k the JavaScript kernels win (packing and the calls cost more than they save):
 * measured crossover at n ≈ 8–10 for square products (wasm 4.6 vs JS 3.4 GFLOP/s at n = 12).
 */
export const WASM_MIN_VOLUME = 1000;

/**
 * The wasm gemm over any arena: one per process ({@link wasmMatmul}), with one `WebAssembly.Memory`
 * holding only the packed operands and the C block being updated (1.75 MB, made and touched once),
 * so a plan costs no wasm set-up: its arena is a plain Float64Array.
 */
export class WasmMatmul implements Matmul {
  private readonly k: MacroKernels;
  /** The workspace: [Ã | B̃ | C̃]. */
  private readonly w: Float64Array;

  constructor() {
    const memory = new WebAssembly.Memory({ initial: WORKSPACE_PAGES, maximum: WORKSPACE_PAGES });
    this.k = instantiate(gemmModule()!, memory);
    this.w = new Float64Array(memory.buffer);
  }

  nn(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void {
    if (!this.run(x, m, n, k, alpha, a, k, 1, b, n, 1, c, false)) gemmNN(x, m, n, k, alpha, a, b, c);
  }

  tn(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void {
    if (!this.run(x, m, n, k, alpha, a, 1, m, b, n, 1, c, false)) gemmTN(x, m, n, k, alpha, a, b, c);
  }

  nt(x: Float64Array, m: number, n: number, k: number, alpha: number, a: number, b: number, c: number): void {
    if (!this.run(x, m, n, k, alpha, a, k, 1, b, 1, k, c, true)) gemmNT(x, m, n, k, alpha, a, b, c);
  }

  /** The blocked product; false (nothing done) where the JavaScript kernel should run instead. */
  private run(
    x: Float64Array, m: number, n: number, k: number, alpha: number,
    a: number, ai: number, ap: number, b: number, bp: number, bj: number, c: number, zero: boolean,
  ): boolean {
    // Stryker disable next-line all: performance only — this guard picks the faster path: returning false hands the product to the JavaScript kernels (bitwise the same results), and going on is right at every size (m0 or n0 is 0 and the borders below do every element; k = 0 leaves C as it is)
    if (m * n * k < WASM_MIN_VOLUME || m < MR || n < NR || k === 0) return false;
    const m0 = m - (m % MR), n0 = n - (n % NR);
    // Stryker disable next-line MethodExpression: performance only — a slice as deep as k (or deeper) keeps each C_ij's additions in increasing p, the order the file comment requires, and mcMax, ncMax shrink to fit it
    const kcMax = zero ? k : Math.min(k, KC);
    const ncMax = Math.min(n0, Math.floor(BCAP / (kcMax * NR)) * NR, Math.floor(CCAP / (MR * NR)) * NR);
    const mcMax = Math.min(m0, Math.floor(ACAP / (kcMax * MR)) * MR, Math.floor(CCAP / (ncMax * MR)) * MR);
    if (mcMax < MR || ncMax < NR) return false; // NT with a very long k: no slicing allowed
    const macro = zero ? this.k.macroZ : this.k.macroC;
    const scale = zero ? 1 : alpha; // α goes into Ã for NN/TN (as the JS kernels multiply it into A_ip)
    for (let jc = 0; jc < n0; jc += ncMax) {
      const nc = Math.min(ncMax, n0 - jc);
      for (let pc = 0; pc < k; pc += kcMax) {
        const kc = Math.min(kcMax, k - pc);
        this.packB(x, kc, nc, b + pc * bp + jc * bj, bp, bj);
        for (let ic = 0; ic < m0; ic += mcMax) {
          const mc = Math.min(mcMax, m0 - ic);
          this.packA(x, mc, kc, a + ic * ai + pc * ap, ai, ap, scale);
          const cb = c + ic * n + jc;
          this.copyC(x, mc, nc, cb, n, true);
          macro(mc, nc, kc, 8 * PA, 8 * PB, 8 * PC, 8 * nc, alpha);
          this.copyC(x, mc, nc, cb, n, false);
        }
      }
    }
    border(x, m0, m, 0, n, k, alpha, a, ai, ap, b, bp, bj, c, n, zero);
    border(x, 0, m0, n0, n, k, alpha, a, ai, ap, b, bp, bj, c, n, zero);
    return true;
  }

  /** Ã: mc/MR panels of kc steps × MR rows, each element α·A(i, p). */
  private packA(x: Float64Array, mc: number, kc: number, a: number, ai: number, ap: number, alpha: number): void {
    const w = this.w;
    let o = PA;
    for (let ir = 0; ir < mc; ir += MR) {
      for (let r = 0; r < MR; r++) {
        const row = a + (ir + r) * ai;
        for (let p = 0; p < kc; p++) w[o + p * MR + r] = alpha * x[row + p * ap]!;
      }
      o += kc * MR;
    }
  }

  /** B̃: nc/NR panels of kc steps × NR columns. */
  private packB(x: Float64Array, kc: number, nc: number, b: number, bp: number, bj: number): void {
    const w = this.w;
    let o = PB;
    for (let jr = 0; jr < nc; jr += NR) {
      for (let h = 0; h < NR; h++) {
        const col = b + (jr + h) * bj;
        for (let p = 0; p < kc; p++) w[o + p * NR + h] = x[col + p * bp]!;
      }
      o += kc * NR;
    }
  }

  /** C̃ (mc×nc, row stride nc) ← the arena's block at `c` (row stride ldc) when `into`, else back. */
  private copyC(x: Float64Array, mc: number, nc: number, c: number, ldc: number, into: boolean): void {
    const w = this.w;
    for (let i = 0; i < mc; i++) {
      const s = c + i * ldc, d = PC + i * nc;
      if (into) for (let j = 0; j < nc; j++) w[d + j] = x[s + j]!;
      else for (let j = 0; j < nc; j++) x[s + j] = w[d + j]!;
    }
  }
}

/** C[i0..i1, j0..j1] by scalar loops in the kernels' order (see the file comment). */
function border(
  x: Float64Array, i0: number, i1: number, j0: number, j1: number, k: number, alpha: number,
  a: number, ai: number, ap: number, b: number, bp: number, bj: number, c: number, ldc: number, zero: boolean,
): void {
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      const o = c + i * ldc + j;
      let s = zero ? 0 : x[o]!;
      if (zero) for (let p = 0; p < k; p++) s += x[a + i * ai + p * ap]! * x[b + p * bp + j * bj]!;
      else for (let p = 0; p < k; p++) s += alpha * x[a + i * ai + p * ap]! * x[b + p * bp + j * bj]!;
      x[o] = zero ? x[o]! + alpha * s : s;
    }
  }
}

/** Whether the wasm kernels can run here (WebAssembly with SIMD). */
export const wasmAvailable = (): boolean => gemmModule() !== null;

let shared: WasmMatmul | undefined;

/** The process's wasm gemm (made on first use; callers check {@link wasmAvailable} first). */
export const wasmMatmul = (): WasmMatmul => (shared ??= new WasmMatmul());

// Stryker disable all: a hook of the mutation suite, which conform never calls
/** Forgets the process's wasm gemm and its module (for the mutation suite: see {@link forgetGemmModule}). */
export function forgetWasmGemm(): void {
  shared = undefined;
  forgetGemmModule();
}
// Stryker restore all

