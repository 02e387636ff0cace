/**
 * Linear operators as data: the vocabulary of edge weights.
 *
 * Conventions: `A`, `B` matrices; `M` a Hadamard mask; `G` a gradient-like tensor paired by ⟨·,·⟩;
 * `X` the point an operator acts on. Operators are plain immutable data so that they can be printed
 * the way the paper prints them, written into JSON cases and materialized by oracles.
 *
 * @see spec/02-operators.md
 */
import type { Shape, Tensor } from "./tensor.js";

export type Operator =
  | { readonly op: "identity" }
  | { readonly op: "zero"; readonly domain?: Shape; readonly codomain?: Shape }
  | { readonly op: "scale"; readonly by: number }
  | { readonly op: "left"; readonly matrix: Tensor }
  | { readonly op: "right"; readonly matrix: Tensor }
  | { readonly op: "hadamard"; readonly matrix: Tensor }
  | { readonly op: "kron"; readonly a: Tensor; readonly b: Tensor }
  | { readonly op: "dot"; readonly matrix: Tensor }
  | { readonly op: "outer"; readonly matrix: Tensor }
  | { readonly op: "transpose" }
  | { readonly op: "compose"; readonly of: readonly Operator[] }
  | { readonly op: "sum"; readonly of: readonly Operator[] }
  | { readonly op: "adjoint"; readonly of: Operator };

export type OperatorKind = Operator["op"];

/** Every operator kind, in the spec's order. */
export const OPERATOR_KINDS = [
  "identity",
  "zero",
  "scale",
  "left",
  "right",
  "hadamard",
  "kron",
  "dot",
  "outer",
  "transpose",
  "compose",
  "sum",
  "adjoint",
] as const satisfies readonly OperatorKind[];

// Constructors named as in the paper: ℒ(A) = left(A), ℛ(A) = right(A), ℋ(M) = hadamard(M), …
export const identity: Operator = { op: "identity" };
export const zero = (domain: Shape, codomain: Shape): Operator => ({ op: "zero", domain, codomain });
export const scale = (by: number): Operator => ({ op: "scale", by });
export const left = (matrix: Tensor): Operator => ({ op: "left", matrix });
export const right = (matrix: Tensor): Operator => ({ op: "right", matrix });
export const hadamard = (matrix: Tensor): Operator => ({ op: "hadamard", matrix });
export const kron = (a: Tensor, b: Tensor): Operator => ({ op: "kron", a, b });
export const dot = (matrix: Tensor): Operator => ({ op: "dot", matrix });
export const outer = (matrix: Tensor): Operator => ({ op: "outer", matrix });
export const transpose: Operator = { op: "transpose" };
export const compose = (...of: Operator[]): Operator => ({ op: "compose", of });
export const sum = (...of: Operator[]): Operator => ({ op: "sum", of });
export const adjointOf = (of: Operator): Operator => ({ op: "adjoint", of });
