/**
 * What the compiler reads: a program as typed arrays (primitive tags, argument unknowns), so a plan
 * can come from a JSON case (through the reference's reader and validator, {@link fromProgram}) or
 * from {@link GraphBuilder} without one object per node. Ids are produced on demand (messages,
 * results) instead of stored: a million node ids would cost more than the plan.
 *
 * Conventions: unknowns are numbered inputs, constants, nodes (spec/04-system.md#system.unknowns);
 * node i is unknown nsrc + i; a scalar source has rows = cols = 0.
 */
import { elements, shapeOf, type Program } from "../reference/index.js";
import { primitiveTag } from "./tags.js";

export interface CompactProgram {
  readonly nsrc: number;
  readonly ninputs: number;
  readonly srcRows: Int32Array;
  readonly srcCols: Int32Array;
  /** Row-major elements of source k. */
  readonly srcValue: (k: number) => ArrayLike<number>;
  readonly nnodes: number;
  /** Primitive tags (tags.ts). */
  readonly op: Uint8Array;
  /** Argument unknowns; arg1 is −1 for unary primitives. */
  readonly arg0: Int32Array;
  readonly arg1: Int32Array;
  /** pow's exponent by node; may be empty when there is no pow. */
  readonly attr: Float64Array;
  readonly output: number;
  readonly wrt: readonly number[];
  readonly idOf: (k: number) => string;
  /** JSON pointer of node i, for messages. */
  readonly pointerOf: (i: number) => string;
}

/** A program read and validated by the reference's reader, as typed arrays. */
export function fromProgram(p: Program): CompactProgram {
  const nsrc = p.sources.length;
  const nnodes = p.nodes.length;
  const srcRows = new Int32Array(nsrc);
  const srcCols = new Int32Array(nsrc);
  p.sources.forEach((s, k) => {
    const sh = shapeOf(s.value);
    srcRows[k] = sh.length === 0 ? 0 : sh[0];
    srcCols[k] = sh.length === 0 ? 0 : sh[1];
  });
  const op = new Uint8Array(nnodes);
  const arg0 = new Int32Array(nnodes);
  const arg1 = new Int32Array(nnodes);
  const attr = new Float64Array(nnodes);
  p.nodes.forEach((n, i) => {
    op[i] = primitiveTag(n.op);
    arg0[i] = n.args[0] as number;
    arg1[i] = n.args[1] ?? -1;
    attr[i] = n.attributes.exponent ?? 0;
  });
  // The closures capture only what they read: a plan keeps `idOf` (for messages and results), so it
  // must not hold the Program (its tensors and node objects, ~5× the plan) alive.
  const { sources, nodes } = p;
  return {
    nsrc, ninputs: sources.filter((s) => s.kind === "input").length, srcRows, srcCols,
    srcValue: (k) => elements(sources[k]!.value), nnodes, op, arg0, arg1, attr, output: p.output, wrt: [...p.wrt],
    idOf: compactIds(p.ids), pointerOf: (i) => nodes[i]!.pointer,
  };
}

/** `ids` as one string and an Int32Array of offsets (a few bytes per id instead of an object each). */
function compactIds(ids: readonly string[]): (k: number) => string {
  const all = ids.join("");
  const at = new Int32Array(ids.length + 1);
  for (let k = 0; k < ids.length; k++) at[k + 1] = at[k]! + ids[k]!.length;
  return (k) => all.slice(at[k], at[k + 1]);
}
