/**
 * What the MLP sweep asks of each contender: given the same n×n inputs A, B, C, compute the
 * gradient of L(A, B) = ⟨tanh(AB), C⟩ with respect to A and B, and hand it back as JS numbers
 * (so a lazy or asynchronous library cannot be timed before it has really finished).
 */
import type { TanhLossInputs } from "../cases/mlp.js";

export type Gradients = readonly [ArrayLike<number>, ArrayLike<number>];

export interface Prepared {
  /** Untimed, before each batch (e.g. select the library's global backend). */
  enter(): Promise<void> | void;
  /** One timed gradient: ∂L/∂A and ∂L/∂B, row-major. */
  run(): Gradients;
  /** Frees what `prepare` allocated. */
  dispose(): void;
}

export interface Peer {
  /** As printed in the table, e.g. "tfjs-wasm". */
  readonly name: string;
  /** Package and version, e.g. "@tensorflow/tfjs 4.22.0". */
  readonly version: string;
  readonly precision: "float32" | "float64";
  /** The relative error allowed against impl's gradient (max |Δ| / max |impl|). */
  readonly tolerance: number;
  /** How it is run (backend, jit, SIMD, threads). */
  readonly notes: string;
  /** Moves the inputs into the library (untimed) and returns the timed gradient. */
  prepare(x: TanhLossInputs): Promise<Prepared>;
}
