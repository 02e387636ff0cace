/**
 * Loads @tensorflow/tfjs once, on its pure-JS `cpu` backend (float32), as bench/peers/tfjs.ts does:
 * the `@tensorflow/tfjs` bundle (the ESM deep imports of tfjs-core fail under Node) and
 * `enableProdMode()`, which skips tfjs's debug checks and keeps its "install tfjs-node" banner
 * out of our report. The wasm backend is not used: `cpu` is the reference kernels of tfjs.
 */
type Tf = typeof import("@tensorflow/tfjs");

let loading: Promise<Tf> | undefined;

export function loadTfjs(): Promise<Tf> {
  loading ??= (async () => {
    const tf = await import("@tensorflow/tfjs");
    tf.enableProdMode();
    if (!(await tf.setBackend("cpu"))) throw new Error("tfjs: the cpu backend did not initialize");
    return tf;
  })();
  return loading;
}

export type { Tf };
