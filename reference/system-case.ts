/**
 * System cases: a triangular system given directly by its unknowns, edges and right-hand side.
 * The solution is ȳ_a = rhs_a + Σ over edges a→b of operatorᵀ•(ȳ_b).
 *
 * @see spec/04-system.md#system.case
 */
import type { SystemCase } from "./case.js";
import { fail, locate } from "./errors.js";
import { operatorAlgebra } from "./algebra.js";
import { child, parseShape, parseTensor } from "./number.js";
import type { Operator } from "./operator.js";
import { adjoint } from "./operator-adjoint.js";
import { apply } from "./operator-apply.js";
import { parseOperator } from "./operator-parse.js";
import { solveTriangular } from "./solve.js";
import { systemMatrix, type Edge } from "./system.js";
import * as T from "./tensor.js";
import type { Shape, Tensor } from "./tensor.js";

export interface SolveResult {
  readonly solution: Readonly<Record<string, Tensor>>;
}

export function solve(c: SystemCase): SolveResult {
  return locate({ caseId: c.id }, () => {
    const { unknowns, edges, rhs = {} } = c.system;
    const index = new Map<string, number>();
    const shapes = unknowns.map((u, i): Shape => {
      if (index.has(u.id)) fail("E_DUPLICATE_ID", `unknown ${JSON.stringify(u.id)} is declared twice`, { pointer: `/system/unknowns/${i}/id` });
      index.set(u.id, i);
      return parseShape(u.shape, `/system/unknowns/${i}/shape`);
    });
    const find = (id: string, pointer: string): number =>
      index.get(id) ?? fail("E_UNKNOWN_ID", `${JSON.stringify(id)} is not an unknown`, { pointer });
    const L = edges.map((e, i): Edge => {
      const at = `/system/edges/${i}`;
      const from = find(e.from, `${at}/from`);
      const to = find(e.to, `${at}/to`);
      if (from === to) fail("E_CYCLE", `edge from ${JSON.stringify(e.from)} to itself`, { pointer: at });
      // Stryker disable next-line EqualityOperator: equivalent — from === to was answered E_CYCLE one line above
      if (from > to) fail("E_ORDER", `edge from ${JSON.stringify(e.from)} to the earlier unknown ${JSON.stringify(e.to)}`, { pointer: `${at}/from` });
      const operator = parseOperator(e.operator, `${at}/operator`);
      requireFit(operator, shapes[from] as Shape, shapes[to] as Shape, `${at}/operator`);
      return { from, to, operator };
    });
    const b = shapes.map((s, i): Tensor => {
      const id = (unknowns[i] as { id: string }).id;
      const raw = Object.hasOwn(rhs, id) ? rhs[id] : undefined;
      if (raw === undefined) return T.zeros(s);
      const t = parseTensor(raw, child("/system/rhs", id));
      if (!T.sameShape(T.shapeOf(t), s)) {
        fail("E_SHAPE", `rhs of ${JSON.stringify(id)} is ${T.formatShape(T.shapeOf(t))}, the unknown is ${T.formatShape(s)}`, { pointer: child("/system/rhs", id) });
      }
      return t;
    });
    for (const id of Object.keys(rhs)) find(id, child("/system/rhs", id));
    // Every edge's adjoint must map S_to back into S_from (a zero stating only its codomain may
    // not): checked last, where the solve would first meet it, and reported at the edge's operator.
    L.forEach((e, i) => {
      const pointer = `/system/edges/${i}/operator`;
      // Stryker disable next-line StringLiteral: message text — "adjoint" only names the operator in the message (spec: error.message)
      requireFit(adjoint(e.operator), shapes[e.to] as Shape, shapes[e.from] as Shape, pointer, "adjoint");
    });
    const y = solveTriangular(systemMatrix(shapes, L), b, operatorAlgebra, true);
    return { solution: Object.fromEntries(unknowns.map((u, i) => [u.id, y[i] as Tensor])) };
  });
}

/**
 * An edge's operator must map the `from` unknown's space into the `to` unknown's space, and its
 * adjoint the `to` space back into the `from` space (spec/04-system.md#system.shapes).
 */
function requireFit(A: Operator, from: Shape, to: Shape, pointer: string, what = "operator"): void {
  const image = locate({ pointer }, () => T.shapeOf(apply(A, T.zeros(from))));
  if (!T.sameShape(image, to)) {
    fail("E_SHAPE", `the ${what} maps ${T.formatShape(from)} to ${T.formatShape(image)}, but the edge needs ${T.formatShape(to)}`, { pointer });
  }
}
