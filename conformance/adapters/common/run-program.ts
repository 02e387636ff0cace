/**
 * Runs a graph case's program (read by the reference's `readGraph`, so ids, order, arity and
 * attributes are already validated) through a peer library's ops, node by node in file order.
 * With `check`, each node's argument shapes and — read back from the peer — its argument values
 * are validated first, so a spec fault gets its code and node instead of a broadcast or a NaN.
 * Without it (inside the peer's own differentiation, where values may be tracers) the ops just run.
 *
 * Peer-neutral: `T` is the peer's tensor type.
 *
 * @see spec/03-primitives.md#prim.graph.evaluation
 */
import { locate, type PrimitiveName, type Program, type Shape, type Tensor } from "../../../reference/index.js";
import { checkDomain, resultShape } from "./check-node.js";

export interface PeerOps<T> {
  /** The peer's op for a primitive (composed from several peer ops where it has none). */
  readonly prim: (op: PrimitiveName, args: readonly T[], p: { readonly exponent?: number }) => T;
  /** The shape of a peer tensor in the spec's terms. */
  readonly shape: (x: T) => Shape;
  /** The peer tensor's elements as JS numbers (synchronous; only called with `check`). */
  readonly read: (x: T) => Tensor;
  /** A handle for one more use (jax-js consumes its arguments: `x.ref`; tfjs: `x` itself). */
  readonly use: (x: T) => T;
}

/** Every unknown's peer value, sources first; the caller owns them all. */
export function runProgram<T>(program: Program, ops: PeerOps<T>, sources: readonly T[], check: boolean): T[] {
  const values = [...sources];
  for (const n of program.nodes) {
    const args = n.args.map((k) => values[k] as T);
    if (check) {
      locate({ pointer: n.pointer, node: n.id }, () => {
        resultShape(n.op, args.map(ops.shape));
        checkDomain(n.op, args.map(ops.read), n.attributes);
      });
    }
    values.push(ops.prim(n.op, args.map(ops.use), n.attributes));
  }
  return values;
}
