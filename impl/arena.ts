/**
 * The arena a plan runs in, and the matmul kernels that go with it: always a plain Float64Array;
 * where the plan has a product big enough for the WebAssembly kernels to pay, its kernels are the
 * process's one {@link wasmMatmul} (which packs from the arena into its own wasm memory), otherwise
 * the JavaScript ones. A plan therefore costs no WebAssembly set-up (no Memory, no Instance).
 */
import { wasmAvailable, wasmMatmul } from "./gemm-wasm.js";
import { jsMatmul, type Matmul } from "./kernels-matmul.js";

/** "auto": wasm when available and some product is big enough; "js"/"wasm" force one (tests, benchmarks). */
export type MatmulChoice = "auto" | "js" | "wasm";

export interface Arena {
  readonly x: Float64Array;
  readonly mm: Matmul;
}

/** An arena of `size` doubles (zeroed); `wasm` says whether its products use the wasm kernels. */
export function newArena(size: number, wasm: boolean): Arena {
  return { x: new Float64Array(size), mm: wasm ? wasmMatmul() : jsMatmul };
}

// Stryker disable all: performance only — useWasm picks between the WebAssembly and JavaScript kernels, which give bitwise the same products (gemm-wasm.ts, impl/gemm-wasm.test.ts); conform always passes "auto"
/** Resolves a choice: "wasm" throws where WebAssembly SIMD is missing (a test must not pass vacuously). */
export function useWasm(choice: MatmulChoice, bigProduct: boolean): boolean {
  if (choice === "js") return false;
  if (choice === "wasm") {
    if (!wasmAvailable()) throw new Error("internal: WebAssembly SIMD is not available here");
    return true;
  }
  return bigProduct && wasmAvailable();
}
// Stryker restore all
