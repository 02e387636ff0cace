/**
 * The bound on declared shapes that JSON Schema cannot express: a shape a case declares rather
 * than writes out (a `zero`'s domain and codomain, a system unknown's shape) has at most 2²⁴
 * elements. The schema bounds each dimension (`maximum`); this bounds their product, before any
 * backend is asked to allocate it.
 *
 * Conventions as in find-ragged-row.ts: pointers are relative to the case, the walk visits the
 * places in the order spec/05-cases.md lists them, operators of unknown kind are skipped.
 *
 * @see spec/06-conformance.md#load.declared-shape
 */
import type { Case, RawOperator, RawShape } from "../../reference/case.js";
import { declaredShapeProblem } from "../../reference/number.js";

/** A declared shape over the bound: its pointer (or its dimension's) and why. */
export interface LargeShape {
  readonly pointer: string;
  readonly detail: string;
}

/** The first declared shape over the bound in a case that passed the schema, or undefined. */
export function findLargeShape(c: Case): LargeShape | undefined {
  switch (c.kind) {
    case "graph":
      return undefined; // a graph declares no shape: every tensor in it is written out
    case "system":
      return first([
        ...c.system.unknowns.map((u, i) => () => inShape(u.shape, `/system/unknowns/${i}/shape`)),
        ...c.system.edges.map((edge, i) => () => inOperator(edge.operator, `/system/edges/${i}/operator`)),
      ]);
    case "operator":
      return inOperator(c.operator, "/operator");
  }
}

type Check = () => LargeShape | undefined;

function first(checks: readonly Check[]): LargeShape | undefined {
  for (const check of checks) {
    const found = check();
    if (found !== undefined) return found;
  }
  return undefined;
}

function inShape(s: RawShape | undefined, at: string): LargeShape | undefined {
  const problem = s === undefined ? undefined : declaredShapeProblem(s);
  return problem === undefined ? undefined : { pointer: at + problem.pointer, detail: problem.detail };
}

function inOperator(o: RawOperator, at: string): LargeShape | undefined {
  switch (o.op) {
    case "zero":
      return first([() => inShape(o.domain, `${at}/domain`), () => inShape(o.codomain, `${at}/codomain`)]);
    case "compose":
    case "sum":
      return first(o.of.map((p, i) => () => inOperator(p, `${at}/of/${i}`)));
    case "adjoint":
      return inOperator(o.of, `${at}/of`);
    default:
      return undefined;
  }
}
