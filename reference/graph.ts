/**
 * Reading a graph case into a program: unknowns in order (inputs, constants, nodes), each node's
 * arguments as indices of earlier unknowns. Every structural fault gets its code and pointer.
 *
 * Conventions: `k` indexes unknowns; `pointer` is relative to the case.
 *
 * @see spec/04-system.md#system.unknowns
 */
import type { GraphCase, RawNamedValue } from "./case.js";
import { fail, quote } from "./errors.js";
import { child, parseFiniteNumber, parseTensor } from "./number.js";
import { isPrimitive, RULES, type Attributes, type PrimitiveName } from "./primitives.js";
import type { Tensor } from "./tensor.js";

export interface Source {
  readonly id: string;
  readonly kind: "input" | "constant";
  readonly value: Tensor;
}

export interface ProgramNode {
  readonly id: string;
  readonly op: PrimitiveName;
  readonly args: readonly number[];
  readonly attributes: Attributes;
  readonly pointer: string;
}

export interface Program {
  /** The ids of all unknowns: sources first, then nodes. */
  readonly ids: readonly string[];
  readonly sources: readonly Source[];
  readonly nodes: readonly ProgramNode[];
  readonly output: number;
  /** Indices of the inputs the gradient is taken with respect to. */
  readonly wrt: readonly number[];
  readonly cotangent?: Tensor;
}

export function readGraph(c: GraphCase): Program {
  const g = c.graph;
  const index = new Map<string, number>();
  const declare = (id: string, pointer: string): void => {
    if (index.has(id)) fail("E_DUPLICATE_ID", `id ${quote(id)} is declared twice`, { pointer });
    index.set(id, index.size);
  };
  const readSources = (list: readonly RawNamedValue[], kind: Source["kind"], at: string): Source[] =>
    list.map((s, i) => {
      declare(s.id, child(child(at, i), "id"));
      return { id: s.id, kind, value: parseTensor(s.value, child(child(at, i), "value")) };
    });
  const sources = [
    ...readSources(g.inputs, "input", "/graph/inputs"),
    ...readSources(g.constants ?? [], "constant", "/graph/constants"),
  ];
  g.nodes.forEach((n, i) => declare(n.id, `/graph/nodes/${i}/id`));

  const nodes = g.nodes.map((n, i): ProgramNode => {
    const pointer = `/graph/nodes/${i}`;
    // Stryker disable next-line ObjectLiteral: equivalent — every use spreads it and sets its own pointer; node only feeds the message text, never compared (spec: error.message)
    const where = { pointer, node: n.id };
    if (!isPrimitive(n.op)) fail("E_UNKNOWN_OP", `unknown primitive ${quote(n.op)}`, { ...where, pointer: `${pointer}/op` });
    const rule = RULES[n.op];
    if (n.args.length !== rule.arity) {
      fail("E_ARITY", `${n.op} takes ${rule.arity} argument(s), got ${n.args.length}`, { ...where, pointer: `${pointer}/args` });
    }
    const self = index.get(n.id) as number;
    const args = n.args.map((a, j) => {
      const k = index.get(a);
      const at = { ...where, pointer: `${pointer}/args/${j}` };
      if (k === undefined) return fail("E_UNKNOWN_ID", `argument ${quote(a)} names nothing`, at);
      if (k === self) return fail("E_CYCLE", `node ${quote(n.id)} uses itself`, at);
      // A later node is E_ORDER even when it closes a cycle: files are never sorted.
      // Stryker disable next-line EqualityOperator: equivalent — k === self was answered E_CYCLE one line above
      if (k > self) return fail("E_ORDER", `argument ${quote(a)} is defined later; nodes must be in topological order`, at);
      return k;
    });
    return { id: n.id, op: n.op, args, attributes: readAttributes(n, rule.attributes, pointer), pointer };
  });

  const lookup = (id: string, pointer: string, what: string): number =>
    index.get(id) ?? fail("E_UNKNOWN_ID", `${what} ${quote(id)} names nothing`, { pointer });
  const output = lookup(g.output, "/graph/output", "output");
  const inputs = sources.length - (g.constants?.length ?? 0);
  const wrt = (c.wrt ?? g.inputs.map((s) => s.id)).map((id, i) => {
    const k = lookup(id, `/wrt/${i}`, "wrt");
    if (k >= inputs) fail("E_UNKNOWN_ID", `wrt ${quote(id)} is not an input`, { pointer: `/wrt/${i}` });
    if (c.wrt !== undefined && c.wrt.indexOf(id) !== i) fail("E_DUPLICATE_ID", `wrt names ${quote(id)} twice`, { pointer: `/wrt/${i}` });
    return k;
  });
  const cotangent = c.cotangent === undefined ? undefined : parseTensor(c.cotangent, "/cotangent");
  // Stryker disable next-line ConditionalExpression: equivalent — { cotangent: undefined } reads as no cotangent: every reader tests program.cotangent === undefined
  return { ids: [...index.keys()], sources, nodes, output, wrt, ...(cotangent !== undefined ? { cotangent } : {}) };
}

function readAttributes(n: GraphCase["graph"]["nodes"][number], allowed: readonly string[], pointer: string): Attributes {
  const present = Object.keys(n).filter((key) => !["id", "op", "args"].includes(key));
  for (const key of present) {
    if (!allowed.includes(key)) fail("E_ATTRIBUTE", `${n.op} takes no attribute ${quote(key)}`, { pointer: `${pointer}/${key}`, node: n.id });
  }
  for (const key of allowed) {
    if (!present.includes(key)) fail("E_ATTRIBUTE", `${n.op} needs the attribute ${quote(key)}`, { pointer, node: n.id });
  }
  return n.exponent === undefined ? {} : { exponent: parseFiniteNumber(n.exponent, `${pointer}/exponent`, "the exponent") };
}
