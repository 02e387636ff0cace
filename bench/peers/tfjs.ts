/**
 * TensorFlow.js (float32 only) with its pure-JS `cpu` backend and its WebAssembly `wasm` backend.
 * tfjs-node cannot be installed here (its install downloads a native binary).
 *
 * - Loaded lazily, once: importing tfjs costs a second or two, and a bench without the peer
 *   suite should not pay it.
 * - `enableProdMode()`: skips tfjs's debug checks (what a production user runs) and silences its
 *   "install tfjs-node" banner, which would otherwise land in our output.
 * - The wasm backend looks for its .wasm files next to the page; in Node we point it at the
 *   package's own dist/ folder (a file path; nothing is downloaded).
 * - The wasm backend's Emscripten glue adds process-wide `uncaughtException` and
 *   `unhandledRejection` handlers that rethrow, and Node then prints the glue's whole minified
 *   source with any unrelated error: we remove the handlers it added once it has loaded.
 * - tfjs has one global backend: each contender selects its own in `enter` (untimed), and its
 *   tensors are created under that backend, so no data moves between backends while timed.
 */
import path from "node:path";
import type { TanhLossInputs } from "../cases/mlp.js";
import { packageDir, packageVersion } from "./package-info.js";
import type { Gradients, Peer, Prepared } from "./peer.js";

type Tf = typeof import("@tensorflow/tfjs");

let loading: Promise<{ tf: Tf; simd: boolean; threads: boolean }> | undefined;

async function load(): Promise<{ tf: Tf; simd: boolean; threads: boolean }> {
  loading ??= (async () => {
    const tf = await import("@tensorflow/tfjs");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    tf.enableProdMode();
    wasm.setWasmPaths(path.join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist") + path.sep);
    const before = new Set([...process.listeners("uncaughtException"), ...process.listeners("unhandledRejection")]);
    const ok = await tf.setBackend("wasm");
    for (const l of process.listeners("uncaughtException")) if (!before.has(l)) process.removeListener("uncaughtException", l);
    for (const l of process.listeners("unhandledRejection")) if (!before.has(l)) process.removeListener("unhandledRejection", l);
    if (!ok) throw new Error("tfjs: the wasm backend did not initialize");
    const simd = Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"));
    const threads = Boolean(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"));
    return { tf, simd, threads };
  })();
  return loading;
}

function tfjsPeer(backend: "cpu" | "wasm"): Peer {
  return {
    name: `tfjs-${backend}`,
    version: `@tensorflow/tfjs ${packageVersion("@tensorflow/tfjs")}${backend === "wasm" ? `, tfjs-backend-wasm ${packageVersion("@tensorflow/tfjs-backend-wasm")}` : ""}`,
    precision: "float32",
    // float32 against float64: n-term dot products and tanh in single precision.
    tolerance: 1e-3,
    notes: backend === "cpu" ? "float32, pure-JS kernels, tf.grads" : "float32, WebAssembly kernels (XNNPACK), tf.grads",
    prepare: async (x: TanhLossInputs): Promise<Prepared> => {
      const { tf } = await load();
      const enter = async (): Promise<void> => {
        if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} failed`);
      };
      await enter();
      const { n } = x;
      const A = tf.tensor2d(Float32Array.from(x.A), [n, n]);
      const B = tf.tensor2d(Float32Array.from(x.B), [n, n]);
      const C = tf.tensor2d(Float32Array.from(x.C), [n, n]);
      const grads = tf.grads((a, b) => tf.sum(tf.mul(tf.tanh(tf.matMul(a as import("@tensorflow/tfjs").Tensor2D, b as import("@tensorflow/tfjs").Tensor2D)), C)));
      return {
        enter,
        run: (): Gradients => {
          const [gA, gB] = grads([A, B]);
          const out: Gradients = [gA!.dataSync(), gB!.dataSync()];
          gA!.dispose();
          gB!.dispose();
          return out;
        },
        dispose: () => tf.dispose([A, B, C]),
      };
    },
  };
}

export const tfjsCpu = tfjsPeer("cpu");
export const tfjsWasm = tfjsPeer("wasm");

/** The wasm backend's build as detected at run time (for the report). */
export async function tfjsWasmFeatures(): Promise<{ simd: boolean; threads: boolean }> {
  const { simd, threads } = await load();
  return { simd, threads };
}
