/**
 * Small broken backends: the reference's own parts (broken-parts.ts) reassembled with one bug
 * each — a wrong adjoint rule, a wrong or missing linearization, a wrong solver step, a forward
 * mode that disagrees with reverse mode. Each is caught by the properties named in the tests
 * (broken-graphs.test.ts, broken-operators.test.ts) and by the default run (catalog.ts). Used by
 * the tests and the self-test only.
 */
import { reference, type Tensor } from "../../../reference/index.js";
import * as O from "../../../reference/operator.js";
import * as T from "../../../reference/tensor.js";
import type { BackendLike } from "../backend-like.js";
import { adjointWith, backendWith, onNodes, withoutArgument } from "./broken-parts.js";
import { offByOneSolve, overwritingSolve } from "./broken-solvers.js";

/** The in-process catalog, by name. */
export const BROKEN = {
  /** ℛ(A)ᵀ• = ℛ(A): the transpose forgotten. */
  rightNoTranspose: backendWith("right-no-transpose", { adjoint: adjointWith((a) => (a.op === "right" ? a : undefined)) }),
  /** (o1∘…∘ok)ᵀ• = o1ᵀ•∘…∘okᵀ•: not reversed. */
  composeNotReversed: backendWith("compose-not-reversed", { adjoint: adjointWith((a, self) => (a.op === "compose" ? O.compose(...a.of.map(self)) : undefined)) }),
  /** sub linearized as 𝓘 · 𝓘. */
  subSignError: backendWith("sub-sign-error", { edge: onNodes("sub", (e) => ({ ...e, operator: O.identity })) }),
  /** tanh' = 1 − tanh. */
  tanhWrong: backendWith("tanh-wrong", { edge: onNodes("tanh", (e, _args, y) => ({ ...e, operator: O.hadamard(T.map(y, (c) => 1 - c)) })) }),
  /** dot and outer swapped in the adjoint rule. */
  dotOuterMixed: backendWith("dot-outer-mixed", { adjoint: adjointWith((a) => (a.op === "dot" || a.op === "outer" ? a : undefined)) }),
  /** relu'(0) = 1. */
  reluKinkOne: backendWith("relu-kink-one", { edge: onNodes("relu", (e, [x]) => ({ ...e, operator: O.hadamard(T.map(x as Tensor, (v) => (v >= 0 ? 1 : 0))) })) }),
  /** scale(c)ᵀ• = 𝓘. */
  scaleAdjointIdentity: backendWith("scale-adjoint-identity", { adjoint: adjointWith((a) => (a.op === "scale" ? O.identity : undefined)) }),
  /** ℋ(M)ᵀ• = ℋ(Mᵀ). */
  hadamardTransposed: backendWith("hadamard-transposed", { adjoint: adjointWith((a) => (a.op === "hadamard" ? O.hadamard(T.transpose(a.matrix)) : undefined)) }),
  /** Fan-out overwritten instead of accumulated in the solver. */
  fanOutOverwritten: backendWith("fan-out-overwritten", { solve: overwritingSolve }),
  /** The reverse sweep off by one: back substitution skips each unknown's nearest consumer. */
  reverseSweepOffByOne: backendWith("reverse-sweep-off-by-one", { solve: offByOneSolve }),
  /** A dropped edge: mul(a, b) linearized as if b were a constant (the edge to b missing). */
  mulDroppedEdge: backendWith("mul-dropped-edge", { edges: withoutArgument("mul", 1) }),
  /** Forward mode only: tanh' = 1 − tanh in jvp; reverse mode is right. */
  jvpTanhWrong: backendWith("jvp-tanh-wrong", { forwardEdge: onNodes("tanh", (e, _args, y) => ({ ...e, operator: O.hadamard(T.map(y, (c) => 1 - c)) })) }),
  /**
   * Forward mode only: jvp answers for the graph's last node, as if the output were always last
   * (it is in every graph graphCase() makes); reverse mode is right.
   */
  jvpLastNode: lastNodeJvp(backendWith("jvp-last-node", {})),
  /** 𝓞ᵀ• keeps domain and codomain instead of exchanging them. */
  zeroNotExchanged: backendWith("zero-not-exchanged", { adjoint: adjointWith((a) => (a.op === "zero" ? a : undefined)) }),
  /** matmul's two linearizations swapped. */
  matmulSwapped: backendWith("matmul-swapped", { edge: onNodes("matmul", (e, [A, B]) => ({ ...e, operator: e.operator.op === "right" ? O.left(A as Tensor) : O.right(B as Tensor) })) }),
  /**
   * A blocked kernel's bug, seen only in large products: ℒ(A)'s entries past the 256th column are
   * dropped (the last slice of the inner dimension forgotten), so B̄ = AᵀȲ loses its rows ≥ 256 —
   * and jvp its A·Ḃ terms past them — while every product with fewer than 257 columns is right.
   */
  matmulSliceDropped: backendWith("matmul-slice-dropped", {
    edge: onNodes("matmul", (e, [A]) => (e.operator.op === "left" ? { ...e, operator: O.left((A as number[][]).map((row) => row.map((v, j) => (j >= 256 ? 0 : v)))) } : e)),
  }),
} as const;

/** `b` with a jvp that evaluates the graph's last node as the output. */
function lastNodeJvp(b: BackendLike): BackendLike {
  return { ...b, jvp: (c, tangent) => b.jvp?.({ ...c, graph: { ...c.graph, output: c.graph.nodes.at(-1)?.id ?? c.graph.output } }, tangent) };
}

export type BrokenName = keyof typeof BROKEN;

export { reference };
