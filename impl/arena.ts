/**
 * The arena a plan runs in, and the matmul kernels that go with it. Where the plan has a product
 * big enough for the WebAssembly kernels to pay, the arena is a Float64Array over a
 * `WebAssembly.Memory` (followed by the kernels' packing buffers), so the kernels read and write the
 * plan's values and adjoints in place, with no copies in or out; otherwise it is a plain
 * Float64Array and the JavaScript kernels run.
 */
import { PACK_DOUBLES, WasmMatmul, wasmAvailable } from "./gemm-wasm.js";
import { jsMatmul, type Matmul } from "./kernels-matmul.js";

/** "auto": wasm when available and some product is big enough; "js"/"wasm" force one (tests, benchmarks). */
export type MatmulChoice = "auto" | "js" | "wasm";

export interface Arena {
  readonly x: Float64Array;
  readonly mm: Matmul;
}

const PAGE = 65536;

/** An arena of `size` doubles (zeroed); `wasm` says whether to put it in WebAssembly memory. */
export function newArena(size: number, wasm: boolean): Arena {
  const pack = size + 1; // room to align the packing buffers to 16 bytes
  const pages = Math.ceil((8 * (pack + PACK_DOUBLES)) / PAGE);
  // wasm32 addresses 4 GiB at most: a bigger plan keeps a plain arena and the JavaScript kernels.
  if (!wasm || pages > 65536) return { x: new Float64Array(size), mm: jsMatmul };
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { x: new Float64Array(size), mm: jsMatmul }; // the engine refused the reservation
  }
  const x = new Float64Array(memory.buffer, 0, size);
  return { x, mm: new WasmMatmul(memory, x, pack) };
}

/** Resolves a choice: "wasm" throws where WebAssembly SIMD is missing (a test must not pass vacuously). */
export function useWasm(choice: MatmulChoice, bigProduct: boolean): boolean {
  if (choice === "js") return false;
  if (choice === "wasm") {
    if (!wasmAvailable()) throw new Error("internal: WebAssembly SIMD is not available here");
    return true;
  }
  return bigProduct && wasmAvailable();
}
