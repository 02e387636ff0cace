/**
 * Loads @jax-js/jax once, on its `cpu` device (float64), as bench/peers/jax.ts loads it for the
 * bench but with the other device: the `wasm` device computes tanh, exp and log only to about
 * 1e-8 relative, which is not a float64 backend; `cpu` is jax-js's exact interpreter.
 *
 * Node 20 has no `Float16Array` and jax-js references it at import time: a dummy class (nothing
 * here uses float16) before the dynamic import.
 */
type Jax = typeof import("@jax-js/jax");

let loading: Promise<Jax> | undefined;

export function loadJax(): Promise<Jax> {
  loading ??= (async () => {
    const g = globalThis as { Float16Array?: unknown };
    g.Float16Array ??= class {};
    const jax = await import("@jax-js/jax");
    const devices = await jax.init("wasm", "cpu");
    if (!devices.includes("cpu")) throw new Error(`jax-js: no cpu device (got ${devices.join(", ")})`);
    jax.defaultDevice("cpu");
    return jax;
  })();
  return loading;
}

export type { Jax };
