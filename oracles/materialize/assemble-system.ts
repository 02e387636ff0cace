/**
 * The dense vec'd matrix I − L of a system case, in decimals: unknown k occupies rows and columns
 * offset[k] … offset[k] + size(S_k) − 1; block (to, from) holds −Σ (matrices of the edges from → to),
 * the diagonal blocks are identities; and the stacked vec of the right-hand side.
 *
 * Validity is checked from the spec's rules, not from the reference: unique ids (E_DUPLICATE_ID),
 * edges naming unknowns (E_UNKNOWN_ID), no self-edge (E_CYCLE), from before to (E_ORDER), each edge
 * operator mapping S_from to S_to with an adjoint mapping S_to back to S_from (E_SHAPE), rhs entries
 * naming unknowns (E_UNKNOWN_ID) and having their shapes (E_SHAPE).
 *
 * @see spec/04-system.md#system.case
 * @see spec/04-system.md#system.shapes
 * @see spec/04-system.md#system.matrix
 */
import type { SystemCase } from "../../reference/case.js";
import { fail, locate, pointerToken } from "../../reference/errors.js";
import type { Decimal, DecimalContext } from "../decimal.js";
import { delements, dshape, type DShape } from "../dtensor.js";
import { absOperator } from "./abs-operator.js";
import { adjointDomain } from "./adjoint-domain.js";
import { identityMatrix, type DenseMatrix } from "./dense-matrix.js";
import { materialize } from "./materialize.js";
import { readOperator } from "./read-operator.js";
import { readTensor, type ReadOptions } from "./read-tensor.js";
import { requireShape, sameShape, shapeSize, showShape } from "./shape.js";

export interface AssembleOptions extends ReadOptions {
  /** Build I − |L| instead, every edge operator replaced by {@link absOperator} (default false). */
  readonly magnitudes?: boolean;
}

export interface DenseSystem {
  /** Unknown ids, in order. */
  readonly ids: readonly string[];
  readonly shapes: readonly DShape[];
  /** Where each unknown's vec starts in the stacked vector. */
  readonly offsets: readonly number[];
  /** I − L (or I − |L|), (Σ sizes) × (Σ sizes). */
  readonly matrix: DenseMatrix;
  /** The stacked vec of the right-hand side (zero where absent). */
  readonly rhs: readonly Decimal[];
}

export function assembleSystem(c: SystemCase, D: DecimalContext, options: AssembleOptions = {}): DenseSystem {
  return locate({ caseId: c.id }, () => {
    const { unknowns, edges, rhs = {} } = c.system;
    const index = new Map<string, number>();
    const shapes = unknowns.map((u, k): DShape => {
      if (index.has(u.id)) fail("E_DUPLICATE_ID", `unknown ${JSON.stringify(u.id)} is declared twice`, { pointer: `/system/unknowns/${k}/id` });
      index.set(u.id, k);
      return u.shape;
    });
    const offsets = shapes.map((_, k) => shapes.slice(0, k).reduce((s, t) => s + shapeSize(t), 0));
    const total = shapes.reduce((s, t) => s + shapeSize(t), 0);
    const find = (id: string, pointer: string): number =>
      index.get(id) ?? fail("E_UNKNOWN_ID", `${JSON.stringify(id)} is not an unknown`, { pointer });

    const matrix = identityMatrix(D, total).map((row) => [...row]);
    edges.forEach((e, i) => {
      const at = `/system/edges/${i}`;
      const from = find(e.from, `${at}/from`);
      const to = find(e.to, `${at}/to`);
      if (from === to) fail("E_CYCLE", `edge from ${JSON.stringify(e.from)} to itself`, { pointer: at });
      if (from > to) fail("E_ORDER", `edge from ${JSON.stringify(e.from)} to the earlier unknown ${JSON.stringify(e.to)}`, { pointer: `${at}/from` });
      const read = readOperator(D, e.operator, options, `${at}/operator`);
      const op = options.magnitudes === true ? absOperator(read) : read;
      const Sf = shapes[from] as DShape;
      const St = shapes[to] as DShape;
      const M = locate({ pointer: `${at}/operator` }, () => {
        const m = materialize(D, op, Sf);
        requireShape(m.codomain, St, `the image of ${showShape(Sf)} (the edge goes to ${showShape(St)})`);
        requireShape(adjointDomain(op, St), Sf, `the image of the operator's adjoint at ${showShape(St)}`);
        return m.matrix;
      });
      // Block (to, from) of I − L is −Σ L_edge; parallel edges add up (system.repeated-argument).
      M.forEach((mrow, r) => {
        const row = matrix[(offsets[to] as number) + r] as Decimal[];
        mrow.forEach((x, q) => {
          const col = (offsets[from] as number) + q;
          row[col] = (row[col] as Decimal).minus(x);
        });
      });
    });

    for (const id of Object.keys(rhs)) find(id, `/system/rhs/${pointerToken(id)}`);
    const b = shapes.flatMap((s, k) => {
      const id = (unknowns[k] as { id: string }).id;
      const raw = Object.hasOwn(rhs, id) ? rhs[id] : undefined;
      if (raw === undefined) return Array.from({ length: shapeSize(s) }, () => new D(0));
      const pointer = `/system/rhs/${pointerToken(id)}`;
      const t = readTensor(D, raw, options, pointer);
      if (!sameShape(dshape(t), s)) fail("E_SHAPE", `rhs of ${JSON.stringify(id)} is ${showShape(dshape(t))}, the unknown is ${showShape(s)}`, { pointer });
      return options.magnitudes === true ? delements(t).map((x) => x.abs()) : delements(t);
    });
    return { ids: unknowns.map((u) => u.id), shapes, offsets, matrix, rhs: b };
  });
}
