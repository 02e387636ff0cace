/**
 * The one check on tensors that JSON Schema cannot express: all rows of a matrix have one length.
 *
 * Conventions: `at` is the JSON pointer (relative to the case) of the value being walked; the walk
 * visits every place a case holds a tensor, in the order the fields are listed in spec/05-cases.md.
 *
 * @see spec/01-values.md#value.tensor
 */
import type { Case, RawOperator, RawTensor } from "../../reference/case.js";
import { pointerToken } from "../../reference/errors.js";

/** A ragged matrix: the pointer of the first row whose length differs from row 0's, and why. */
export interface RaggedRow {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * Find the first ragged matrix in a case that passed the schema (inputs, constants, cotangent,
 * rhs, x, y, operator matrices and every expected tensor), or undefined if there is none.
 */
export function findRaggedRow(c: Case): RaggedRow | undefined {
  switch (c.kind) {
    case "graph": {
      const e = c.expect;
      return first([
        ...c.graph.inputs.map((v, i) => () => inTensor(v.value, `/graph/inputs/${i}/value`)),
        ...(c.graph.constants ?? []).map((v, i) => () => inTensor(v.value, `/graph/constants/${i}/value`)),
        () => inTensor(c.cotangent, "/cotangent"),
        () => (e !== undefined && "value" in e ? inTensor(e.value, "/expect/value") : undefined),
        () => (e !== undefined && "gradient" in e ? inMap(e.gradient, "/expect/gradient") : undefined),
      ]);
    }
    case "system": {
      const e = c.expect;
      return first([
        ...c.system.edges.map((edge, i) => () => inOperator(edge.operator, `/system/edges/${i}/operator`)),
        () => inMap(c.system.rhs, "/system/rhs"),
        () => (e !== undefined && "solution" in e ? inMap(e.solution, "/expect/solution") : undefined),
      ]);
    }
    case "operator": {
      const e = c.expect;
      return first([
        () => inOperator(c.operator, "/operator"),
        () => inTensor(c.x, "/x"),
        () => inTensor(c.y, "/y"),
        () => (e !== undefined && "apply" in e ? inTensor(e.apply, "/expect/apply") : undefined),
        () => (e !== undefined && "adjoint" in e ? inTensor(e.adjoint, "/expect/adjoint") : undefined),
      ]);
    }
  }
}

type Check = () => RaggedRow | undefined;

function first(checks: readonly Check[]): RaggedRow | undefined {
  for (const check of checks) {
    const found = check();
    if (found !== undefined) return found;
  }
  return undefined;
}

function inTensor(t: RawTensor | undefined, at: string): RaggedRow | undefined {
  if (!Array.isArray(t)) return undefined;
  const width = (t[0] as readonly unknown[]).length;
  const i = t.findIndex((row) => row.length !== width);
  if (i < 0) return undefined;
  const detail = `ragged matrix: row ${i} has length ${(t[i] as readonly unknown[]).length}, row 0 has length ${width}`;
  return { pointer: `${at}/${i}`, detail };
}

function inMap(m: Readonly<Record<string, RawTensor>> | undefined, at: string): RaggedRow | undefined {
  return first(Object.entries(m ?? {}).map(([id, t]) => () => inTensor(t, `${at}/${pointerToken(id)}`)));
}

/** Operators of unknown kind are skipped: their fields are not known to hold tensors. */
function inOperator(o: RawOperator, at: string): RaggedRow | undefined {
  switch (o.op) {
    case "left":
    case "right":
    case "hadamard":
    case "dot":
    case "outer":
      return inTensor(o.matrix, `${at}/matrix`);
    case "kron":
      return first([() => inTensor(o.a, `${at}/a`), () => inTensor(o.b, `${at}/b`)]);
    case "compose":
    case "sum":
      return first(o.of.map((p, i) => () => inOperator(p, `${at}/of/${i}`)));
    case "adjoint":
      return inOperator(o.of, `${at}/of`);
    default:
      return undefined;
  }
}
