/**
 * The oracles' own reading of a graph case: unknowns in order (inputs, constants, nodes), each
 * node's arguments as indices of earlier unknowns, pow's exponent as a binary64. It assumes the case
 * passed the loader's schema but still reports the content faults of a graph plainly.
 *
 * Conventions: `k` indexes unknowns (`ids[k]`); sources come first, so node `i` of the file is
 * unknown `sources + i`.
 *
 * @see spec/04-system.md#system.unknowns
 * @see spec/03-primitives.md#prim.graph
 */
import type { GraphCase, RawNamedValue } from "../../reference/case.js";
import { fail } from "../../reference/errors.js";
import { parseNumber, parseTensor } from "../../reference/number.js";
import { FORWARD, isPrimitiveOp, type PrimitiveOp } from "./primitive-forward.js";

/** A binary64 tensor as read from the case. */
export type NumTensor = number | readonly (readonly number[])[];

export interface ProgramNode {
  readonly id: string;
  readonly op: PrimitiveOp;
  /** Indices of the argument unknowns, in argument order (repeats allowed). */
  readonly args: readonly number[];
  readonly exponent?: number;
}

export interface GraphProgram {
  /** Every unknown's id: inputs, constants, nodes. */
  readonly ids: readonly string[];
  /** Input and constant values (binary64), unknowns 0 … sources − 1. */
  readonly sources: readonly NumTensor[];
  /** How many of the sources are inputs (they come first). */
  readonly inputs: number;
  readonly nodes: readonly ProgramNode[];
  /** Index of the output. */
  readonly output: number;
}

/**
 * Reads a graph case. Faults: `E_DUPLICATE_ID`, `E_UNKNOWN_OP`, `E_ARITY`, `E_ATTRIBUTE`, `E_VALUE`,
 * `E_UNKNOWN_ID`, `E_CYCLE` (a node naming itself), `E_ORDER` (a node naming a later node).
 *
 * @see spec/03-primitives.md#prim.graph.references
 * @see spec/03-primitives.md#prim.graph.attributes
 */
export function readGraphProgram(c: GraphCase): GraphProgram {
  const g = c.graph;
  const index = new Map<string, number>();
  const declare = (id: string, pointer: string): void => {
    if (index.has(id)) fail("E_DUPLICATE_ID", `id ${JSON.stringify(id)} is declared twice`, { pointer });
    index.set(id, index.size);
  };
  const sourcesOf = (list: readonly RawNamedValue[], at: string): NumTensor[] =>
    list.map((s, i) => {
      declare(s.id, `${at}/${i}/id`);
      return parseTensor(s.value, `${at}/${i}/value`);
    });
  const sources = [...sourcesOf(g.inputs, "/graph/inputs"), ...sourcesOf(g.constants ?? [], "/graph/constants")];
  g.nodes.forEach((n, i) => declare(n.id, `/graph/nodes/${i}/id`));

  const nodes = g.nodes.map((n, i): ProgramNode => {
    const pointer = `/graph/nodes/${i}`;
    const where = { pointer, node: n.id };
    if (!isPrimitiveOp(n.op)) return fail("E_UNKNOWN_OP", `unknown primitive ${JSON.stringify(n.op)}`, where);
    const rule = FORWARD[n.op];
    if (n.args.length !== rule.arity) fail("E_ARITY", `${n.op} takes ${rule.arity} argument(s), got ${n.args.length}`, where);
    const attributes = Object.keys(n).filter((key) => key !== "id" && key !== "op" && key !== "args");
    for (const key of attributes) if (!rule.attributes.includes(key)) fail("E_ATTRIBUTE", `${n.op} takes no attribute ${JSON.stringify(key)}`, where);
    for (const key of rule.attributes) if (!attributes.includes(key)) fail("E_ATTRIBUTE", `${n.op} needs the attribute ${JSON.stringify(key)}`, where);
    const self = sources.length + i;
    const args = n.args.map((a, j) => {
      const k = index.get(a);
      const at = { ...where, pointer: `${pointer}/args/${j}` };
      if (k === undefined) return fail("E_UNKNOWN_ID", `argument ${JSON.stringify(a)} names nothing`, at);
      if (k === self) return fail("E_CYCLE", `node ${JSON.stringify(n.id)} names itself`, at);
      if (k > self) return fail("E_ORDER", `argument ${JSON.stringify(a)} is a later node`, at);
      return k;
    });
    if (n.exponent === undefined) return { id: n.id, op: n.op, args };
    const exponent = parseNumber(n.exponent, `${pointer}/exponent`);
    if (!Number.isFinite(exponent)) fail("E_VALUE", `the exponent must be finite, got ${exponent}`, where);
    return { id: n.id, op: n.op, args, exponent };
  });

  const output = index.get(g.output) ?? fail("E_UNKNOWN_ID", `output ${JSON.stringify(g.output)} names nothing`, { pointer: "/graph/output" });
  return { ids: [...index.keys()], sources, inputs: g.inputs.length, nodes, output };
}
