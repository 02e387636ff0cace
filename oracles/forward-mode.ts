/**
 * Forward mode, and the dot-product test between forward and reverse mode.
 *
 * `forwardMode` solves (I − L) ẋ = S ṗ by forward substitution with the reference's generic solver,
 * linearization and operators: a consistency check, not an independent truth. `dotProductTest`
 * pairs it with the reference's reverse mode: ⟨w, J v⟩ (forward) against ⟨Jᵀ• w, v⟩ (reverse),
 * which agree in exact arithmetic for every w, v (spec: law.forward-reverse). Both sides use the
 * same linearization, so the forward values' rounding cancels between them; only the two solves'
 * rounding separates them, which `scale` measures.
 *
 * Conventions: `v` maps input ids to tangents (missing inputs: zero); `w` is the output cotangent.
 * Meant for finite linearizations: forward mode multiplies an infinite edge (sqrt at 0) by a zero
 * tangent into NaN where reverse mode may not, as IEEE arithmetic dictates for each order.
 * Forward mode keeps every edge; reverse mode drops the dead ones (spec: system.live).
 *
 * @see spec/04-system.md#system.forward
 * @see spec/02-operators.md#law.forward-reverse
 */
import type { GraphCase, Tensor } from "../reference/index.js";
import { evaluate, gradient, linearize, operatorAlgebra, readGraph, sameShape, shapeOf, solveTriangular, systemMatrix } from "../reference/index.js";
import * as T from "../reference/tensor.js";
import { absOperator } from "./bound/abs-operator.js";

export interface ForwardModeResult {
  /** The output's forward value. */
  readonly value: Tensor;
  /** ẋ at the output: the directional derivative along the tangents. */
  readonly tangent: Tensor;
}

export interface DotProductTest {
  /** ⟨w, J v⟩ from forward substitution. */
  readonly lhs: number;
  /** ⟨Jᵀ• w, v⟩ = Σ_s ⟨ȳ_s, v_s⟩ from the reference's reverse mode. */
  readonly rhs: number;
  /** lhs − rhs. */
  readonly difference: number;
  /**
   * ⟨|w|, (I − |L|)⁻¹ S|v|⟩: the magnitude both sides are computed from (absolute operators,
   * spec: tol.abs-operator). A correct pair differs by a few u·D·scale (spec: tol.depth); a wrong
   * adjoint by far more.
   */
  readonly scale: number;
}

/** The tuple S ṗ: the given tangents at the inputs, zeros elsewhere; shapes checked. */
function sourceTangents(c: GraphCase, values: readonly Tensor[], ids: readonly string[], v: Readonly<Record<string, Tensor>>): Tensor[] {
  const inputs = c.graph.inputs.map((s) => s.id);
  for (const id of Object.keys(v)) if (!inputs.includes(id)) throw new RangeError(`tangent ${JSON.stringify(id)} is not an input of ${c.id}`);
  return values.map((x, k) => {
    const t = k < inputs.length ? v[ids[k] as string] : undefined;
    if (t === undefined) return T.zeros(shapeOf(x));
    if (!sameShape(shapeOf(t), shapeOf(x))) throw new RangeError(`the tangent of ${ids[k]} has the wrong shape`);
    return t;
  });
}

/** @see spec/04-system.md#system.forward */
export function forwardMode(c: GraphCase, tangent: Readonly<Record<string, Tensor>>): ForwardModeResult {
  const program = readGraph(c);
  const values = evaluate(program);
  const A = systemMatrix(values.map(shapeOf), linearize(program, values));
  const xdot = solveTriangular(A, sourceTangents(c, values, program.ids, tangent), operatorAlgebra);
  return { value: values[program.output] as Tensor, tangent: xdot[program.output] as Tensor };
}

/** @see spec/02-operators.md#law.forward-reverse */
export function dotProductTest(c: GraphCase, w: Tensor, v: Readonly<Record<string, Tensor>>): DotProductTest {
  const lhs = T.inner(w, forwardMode(c, v).tangent);
  const all = c.graph.inputs.map((s) => s.id);
  const reverse = gradient({ ...c, cotangent: w, wrt: all }).gradient;
  const rhs = all.reduce((s, id) => (v[id] === undefined ? s : s + T.inner(reverse[id] as Tensor, v[id] as Tensor)), 0);

  const program = readGraph(c);
  const values = evaluate(program);
  const edges = linearize(program, values).map((e) => ({ ...e, operator: absOperator(e.operator) }));
  const absV = Object.fromEntries(Object.entries(v).map(([id, t]) => [id, T.map(t, Math.abs)]));
  const xabs = solveTriangular(systemMatrix(values.map(shapeOf), edges), sourceTangents(c, values, program.ids, absV), operatorAlgebra);
  const scale = T.inner(T.map(w, Math.abs), xabs[program.output] as Tensor);
  return { lhs, rhs, difference: lhs - rhs, scale };
}
