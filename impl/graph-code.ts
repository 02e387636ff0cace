/**
 * The compiled form of a graph: typed arrays only, no operator objects and no strings on the hot
 * path. Unknowns are numbered as in spec/04-system.md#system.unknowns (inputs, constants, nodes);
 * node `i` is unknown `nsrc + i`.
 *
 * The arena is one Float64Array: [ values | adjoint slots | tangent slots | scratch ]. Values are
 * never reused (reverse mode reads most of them: edge operators are built from forward values);
 * adjoint and tangent slots are reused by liveness (slots.ts).
 *
 * The edges of L used by reverse mode are stored as CSR over nodes — row i holds the edges
 * L_ij for the arguments j of node i, i.e. column i of (I − L)ᵀ• — each edge with a kernel tag
 * (tags.ts) and whether it is the first to touch ȳ_j in the sweep (then ȳ_j's slot, possibly
 * holding a previous occupant's numbers, is zeroed first).
 *
 * @see spec/04-system.md#system.reverse
 */
import type { SpecError } from "../reference/index.js";

export interface GraphCode {
  /** The id of unknown k, for messages and results (made on demand, not stored). */
  readonly idOf: (k: number) => string;
  /** Number of sources (inputs then constants) and of inputs. */
  readonly nsrc: number;
  readonly ninputs: number;
  /** Nodes compiled: all of them, or those before the first shape fault. */
  readonly nnodes: number;
  /** A shape fault found while compiling, raised when evaluation reaches node `at`. */
  readonly fault: { readonly at: number; readonly error: SpecError } | undefined;
  /** Every unknown is a scalar: value k is x[k], and the scalar sweeps run (sweeps-scalar.ts). */
  readonly scalar: boolean;
  /** In a scalar graph, ȳ_k's slot is adjBase + k wherever reverse mode needs it (else −1). */
  readonly adjBase: number;

  // Per unknown k. A scalar has rows = cols = 0 and size 1.
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly size: Int32Array;
  readonly valOff: Int32Array;
  /** Offset of ȳ_k's slot, −1 where reverse mode needs no adjoint (not live, or no wrt input below it). */
  readonly adjOff: Int32Array;
  /** Offset of ẋ_k's slot, −1 where forward mode needs none (k not an ancestor of the output). */
  readonly tanOff: Int32Array;

  // Per node i.
  readonly op: Uint8Array;
  readonly arg0: Int32Array;
  /** −1 for unary primitives. */
  readonly arg1: Int32Array;
  /** pow's exponent; 0 elsewhere; empty when there is no pow. op, arg0, arg1, attr may be longer than nnodes (shared with the program). */
  readonly attr: Float64Array;

  // Reverse mode: CSR of the used edges, row i = node i.
  readonly revStart: Int32Array;
  readonly revFrom: Int32Array;
  readonly revTag: Uint8Array;
  readonly revInit: Uint8Array;
  /** Forward mode: the nodes to evaluate, in order (the output's ancestors); their edges are all of their arguments. */
  readonly tanNodes: Int32Array;

  readonly output: number;
  /** wrt inputs in the case's order. */
  readonly wrt: readonly number[];
  /** Three n×n scratch blocks for inv and logdet (n the largest side among them). */
  readonly scratch: readonly [number, number, number];
  readonly arenaSize: number;
}
