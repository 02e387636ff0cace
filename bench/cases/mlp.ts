/**
 * The matmul-heavy benchmark functions, as graph cases.
 *
 * - `tanhLoss`: L(A, B) = ⟨tanh(AB), C⟩ with n×n A, B (wrt both) and a constant C — the function
 *   every peer computes in the sweep. The weighted sum by C (rather than a plain sum) keeps the
 *   cotangent of tanh(AB) from being all ones. Flops: forward 2n³ (AB), backward 2·2n³ (ȲBᵀ, AᵀȲ).
 * - `mlpCase`: a deeper MLP, H_k = tanh(W_k H_{k−1}) for k = 1..layers, L = ⟨H_layers, C⟩, with the
 *   weights as inputs and the data H_0 and C as constants (so the first layer needs no H̄_0).
 *
 * Inputs are scaled so that AB's entries are O(1): tanh is neither linear nor saturated.
 */
import type { GraphCase } from "../../reference/index.js";
import { rng, toRows, uniform } from "../rng.js";

export interface TanhLossInputs {
  readonly n: number;
  /** Row-major n×n. */
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly C: Float64Array;
}

/** Deterministic inputs for the n×n tanh loss. */
export function tanhLossInputs(n: number, seed = 1): TanhLossInputs {
  const r = rng(seed * 7919 + n);
  const s = Math.sqrt(3 / n);
  return { n, A: uniform(r, n * n, -1, 1), B: uniform(r, n * n, -s, s), C: uniform(r, n * n, -1, 1) };
}

/** L(A, B) = ⟨tanh(AB), C⟩ as a graph case (inputs A, B; constant C). */
export function tanhLossCase(x: TanhLossInputs): GraphCase {
  const { n } = x;
  return {
    id: `bench.tanh-loss.n${n}`,
    description: `<tanh(AB), C> with ${n}x${n} A, B`,
    kind: "graph",
    graph: {
      inputs: [{ id: "A", value: toRows(x.A, n, n) }, { id: "B", value: toRows(x.B, n, n) }],
      constants: [{ id: "C", value: toRows(x.C, n, n) }],
      nodes: [
        { id: "P", op: "matmul", args: ["A", "B"] },
        { id: "T", op: "tanh", args: ["P"] },
        { id: "L", op: "dot", args: ["T", "C"] },
      ],
      output: "L",
    },
  };
}

/** Flops of one forward pass and of one backward pass of the tanh loss (matmuls only). */
export const tanhLossFlops = (n: number): { forward: number; backward: number } => ({ forward: 2 * n ** 3, backward: 4 * n ** 3 });

/** A `layers`-deep tanh MLP of n×n weights; data and C are constants. */
export function mlpCase(n: number, layers: number, seed = 2): GraphCase {
  const r = rng(seed * 104729 + n * 31 + layers);
  const s = Math.sqrt(3 / n);
  const inputs = Array.from({ length: layers }, (_, k) => ({ id: `W${k + 1}`, value: toRows(uniform(r, n * n, -s, s), n, n) }));
  const nodes = [];
  let h = "H0";
  for (let k = 1; k <= layers; k++) {
    nodes.push({ id: `Z${k}`, op: "matmul", args: [`W${k}`, h] }, { id: `H${k}`, op: "tanh", args: [`Z${k}`] });
    h = `H${k}`;
  }
  nodes.push({ id: "L", op: "dot", args: [h, "C"] });
  return {
    id: `bench.mlp${layers}.n${n}`,
    description: `${layers}-layer tanh MLP, ${n}x${n} weights`,
    kind: "graph",
    graph: {
      inputs,
      constants: [{ id: "H0", value: toRows(uniform(r, n * n, -1, 1), n, n) }, { id: "C", value: toRows(uniform(r, n * n, -1, 1), n, n) }],
      nodes,
      output: "L",
    },
  };
}

/** Flops of {@link mlpCase}: each layer's forward matmul 2n³; backward W̄_k 2n³ each and H̄_k 2n³ for k ≥ 2. */
export const mlpFlops = (n: number, layers: number): { forward: number; backward: number } => ({
  forward: 2 * layers * n ** 3,
  backward: (4 * layers - 2) * n ** 3,
});
