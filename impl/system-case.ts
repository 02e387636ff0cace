/**
 * System cases compiled into kernels: each edge's operator becomes adjoint-direction operator code
 * for the shape of its `to` unknown, the edges are grouped by `to` (CSR), and back substitution
 * scatters ȳ_to through each edge into ȳ_from, last unknown first, in one arena.
 * Validation follows the reference's order so that the same case gives the same error code.
 *
 * Conventions: `a` an unknown's index; an edge goes from `from` to `to` (L[to][from]).
 *
 * @see spec/04-system.md#system.case
 * @see spec/04-system.md#system.solution
 */
import { child } from "../reference/number.js";
import {
  fail, formatShape, locate, parseOperator, parseShape, parseTensor, sameShape, shapeOf, SpecError,
  type Shape, type SystemCase, type Tensor,
} from "../reference/index.js";
import { OperatorCode, sizeOf } from "./operator-code.js";
import { runOperator } from "./operator-run.js";
import { readTensor, writeTensor } from "./tensor-io.js";

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

    // ȳ slots first, then constants and scratch as the edges are compiled.
    const offsets: number[] = [];
    let top = 0;
    for (const S of shapes) {
      offsets.push(top);
      top += sizeOf(S);
    }
    const code = new OperatorCode(top);
    let deferred: SpecError | undefined;
    const compiled = edges.map((e, i) => {
      const at = `/system/edges/${i}`;
      const from = find(e.from, `${at}/from`);
      const to = find(e.to, `${at}/to`);
      if (from === to) fail("E_CYCLE", `edge from ${JSON.stringify(e.from)} to itself`, { pointer: at });
      if (from > to) fail("E_ORDER", `edge from ${JSON.stringify(e.from)} to the earlier unknown ${JSON.stringify(e.to)}`, { pointer: `${at}/from` });
      const operator = parseOperator(e.operator, `${at}/operator`);
      const S = shapes[from] as Shape;
      const T = shapes[to] as Shape;
      // spec/04-system.md#system.shapes: the operator maps S_from into S_to (checked on throwaway code) …
      const image = locate({ pointer: `${at}/operator` }, () => new OperatorCode(0).compile(operator, S, false).T);
      if (!sameShape(image, T)) {
        fail("E_SHAPE", `the operator maps ${formatShape(S)} to ${formatShape(image)}, but the edge goes to ${formatShape(T)}`, { pointer: `${at}/operator` });
      }
      // … and its adjoint maps S_to back to S_from, a fault raised after every other check (the reference checks it after the rhs, reference/system-case.ts).
      // Stryker disable next-line UnaryOperator: equivalent — node stays −1 only when the adjoint check deferred a fault, which is raised before any edge runs
      let node = -1;
      try {
        const adj = code.compile(operator, T, true);
        if (!sameShape(adj.T, S)) fail("E_SHAPE", `the adjoint maps ${formatShape(T)} to ${formatShape(adj.T)}, not to ${formatShape(S)}`);
        node = adj.node;
      } catch (err) {
        // Stryker disable next-line all: equivalent — compile and the check throw only SpecErrors (fail())
        if (!(err instanceof SpecError)) throw err;
        deferred ??= err.within({ pointer: `${at}/operator` });
      }
      return { from, to, node };
    });
    const b = shapes.map((S, i): Tensor | undefined => {
      const id = (unknowns[i] as { id: string }).id;
      const raw = Object.hasOwn(rhs, id) ? rhs[id] : undefined;
      if (raw === undefined) return undefined;
      const t = parseTensor(raw, child("/system/rhs", id));
      if (!sameShape(shapeOf(t), S)) {
        fail("E_SHAPE", `rhs of ${JSON.stringify(id)} is ${formatShape(shapeOf(t))}, the unknown is ${formatShape(S)}`, { pointer: child("/system/rhs", id) });
      }
      return t;
    });
    for (const id of Object.keys(rhs)) find(id, child("/system/rhs", id));
    if (deferred !== undefined) throw deferred;

    // CSR of the edges by `to`, in file order within a row (repeated edges add up in that order).
    const N = shapes.length;
    const start = new Int32Array(N + 1);
    for (const e of compiled) start[e.to + 1]!++;
    for (let a = 0; a < N; a++) start[a + 1] = start[a + 1]! + start[a]!;
    const fill = start.slice(0, N);
    const order = new Int32Array(compiled.length);
    compiled.forEach((e, i) => (order[fill[e.to]!++] = i));

    const x = new Float64Array(code.top);
    code.load(x);
    b.forEach((t, a) => t !== undefined && writeTensor(x, offsets[a]!, t));
    // ȳ_to is final once every later unknown has been scattered: visit unknowns last to first.
    for (let to = N - 1; to >= 0; to--) {
      for (let p = start[to]!; p < start[to + 1]!; p++) {
        const e = compiled[order[p]!]!;
        runOperator(code, x, e.node, offsets[to]!, offsets[e.from]!);
      }
    }
    return { solution: Object.fromEntries(unknowns.map((u, a) => [u.id, readTensor(x, offsets[a]!, shapes[a] as Shape)])) };
  });
}
