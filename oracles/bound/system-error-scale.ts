/**
 * The error-bound scale of a system case: b = the solution of the same system with every operator
 * and the right-hand side replaced by their absolute values, (I − |L|)ᵀ• b = |rhs| — the path-weight
 * magnitudes — and the rounding depth of its longest path. The operators are data, exact in
 * binary64, so there is no forward-value term.
 *
 * @see spec/07-tolerance.md#tol.other-kinds
 */
import type { SystemCase } from "../../reference/case.js";
import { parseOperator, parseTensor, solve, type Tensor } from "../../reference/index.js";
import { map } from "../../reference/tensor.js";
import { absOperator } from "./abs-operator.js";
import { operatorCount } from "./operator-count.js";

export interface SystemErrorScale {
  /** b for every unknown. */
  readonly solution: Readonly<Record<string, Tensor>>;
  /** D: the most roundings along one path (edges: their operator's count; unknowns: edges out + 1). */
  readonly depth: number;
}

/** @see spec/07-tolerance.md#tol.other-kinds */
export function systemErrorScale(c: SystemCase): SystemErrorScale {
  const edges = c.system.edges.map((e, i) => ({ ...e, operator: absOperator(parseOperator(e.operator, `/system/edges/${i}/operator`)) }));
  const rhs = Object.fromEntries(Object.entries(c.system.rhs ?? {}).map(([id, t]) => [id, map(parseTensor(t), Math.abs)]));
  const { solution } = solve({ ...c, system: { ...c.system, edges, rhs } });
  // Back substitution visits unknowns last to first; the longest path from each one onwards.
  const ids = c.system.unknowns.map((u) => u.id);
  const best = new Map<string, number>();
  for (const id of [...ids].reverse()) {
    const out = edges.filter((e) => e.from === id);
    const further = out.map((e) => operatorCount(e.operator) + (best.get(e.to) ?? 0));
    best.set(id, out.length + 1 + Math.max(0, ...further));
  }
  return { solution, depth: Math.max(0, ...best.values()) };
}
