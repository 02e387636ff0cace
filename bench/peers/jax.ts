/**
 * jax-js (float64) on its `wasm` device, with the gradient `jit`-compiled: jit(grad(L, argnums
 * [0, 1])). Its `cpu` device is a slow interpreter meant for debugging, so it is not timed.
 *
 * - Node 20 has no `Float16Array`; jax-js references it at import time, so we shim it (a dummy
 *   class: nothing here uses float16) before a dynamic import.
 * - jax-js counts references and every call consumes its arguments: inputs are passed as `.ref`,
 *   and `dataSync()` consumes the gradient arrays it reads (no dispose after it).
 * - Its wasm device would use threads only with Web Workers, which Node lacks: one thread, like
 *   the others (the JSON's cpu/wall says so).
 */
import type { TanhLossInputs } from "../cases/mlp.js";
import { packageVersion } from "./package-info.js";
import type { Gradients, Peer, Prepared } from "./peer.js";

type Jax = typeof import("@jax-js/jax");

let loading: Promise<Jax> | undefined;

async function load(): Promise<Jax> {
  loading ??= (async () => {
    const g = globalThis as { Float16Array?: unknown };
    g.Float16Array ??= class {};
    const jax = await import("@jax-js/jax");
    const devices = await jax.init("wasm");
    if (!devices.includes("wasm")) throw new Error(`jax-js: no wasm device (got ${devices.join(", ")})`);
    jax.defaultDevice("wasm");
    return jax;
  })();
  return loading;
}

export const jaxWasm: Peer = {
  name: "jax-js-wasm",
  version: `@jax-js/jax ${packageVersion("@jax-js/jax")}`,
  precision: "float64",
  // Its wasm device computes tanh to about 1e-8 relative.
  tolerance: 1e-6,
  notes: "float64, wasm device, jit(grad(L))",
  prepare: async (x: TanhLossInputs): Promise<Prepared> => {
    const jax = await load();
    const np = jax.numpy;
    const { n } = x;
    const A = np.array(x.A).reshape([n, n]);
    const B = np.array(x.B).reshape([n, n]);
    const C = np.array(x.C).reshape([n, n]);
    const loss = (a: InstanceType<Jax["numpy"]["Array"]>, b: InstanceType<Jax["numpy"]["Array"]>, c: InstanceType<Jax["numpy"]["Array"]>) =>
      np.sum(np.tanh(np.matmul(a, b)).mul(c));
    const gradient = jax.jit(jax.grad(loss, { argnums: [0, 1] }));
    return {
      enter: () => {},
      run: (): Gradients => {
        const [gA, gB] = gradient(A.ref, B.ref, C.ref);
        return [gA.dataSync(), gB.dataSync()];
      },
      dispose: () => {
        A.dispose();
        B.dispose();
        C.dispose();
        gradient.dispose();
      },
    };
  },
};
