/**
 * The error-bound scale of a graph case: for every wrt input a non-negative tensor b such that a
 * correct backend's gradient differs from the exact one by at most a few u·D·b, where D is the
 * rounding depth. It is the magnitude of the computation, not of the result: where terms cancel
 * (y = x − x) the gradient is 0 but b is not.
 *
 *   b = b_lin + b_val,   (I − |L|)ᵀ• b_lin = |g|,   (I − |L|)ᵀ• b_val = Σ_edges |δ𝓛|ᵀ• b_lin,
 *
 * with |𝓛| the entrywise absolute edge operators (back substitution's own rounding, path by path)
 * and |δ𝓛| how each edge moves when the forward values it is built from carry their rounding
 * errors f, themselves bounded by forward substitution (I − |L|) f = m of each node's own rounding
 * magnitude m. A consistency scale, so it shares the reference's linearization and generic solver.
 *
 * @see spec/07-tolerance.md#tol.bound
 */
import type { GraphCase, Program, Tensor } from "../../reference/index.js";
import { adjoint, apply, cotangentOf, evaluate, linearize, live, operatorAlgebra, readGraph, solveTriangular, systemMatrix } from "../../reference/index.js";
import * as T from "../../reference/tensor.js";
import { absOperator } from "./abs-operator.js";
import { BOUND_RULES, type BoundInputs, type BoundRule } from "./bound-rules.js";

export interface ErrorScale {
  /** The magnitude of the output value's computation: its error is at most ~D·u times this. */
  readonly value: Tensor;
  /** b for every wrt input, with the binary64 inputs exact (spec: tol.bound). */
  readonly gradient: Readonly<Record<string, Tensor>>;
  /** b_lin alone: the path-weight magnitudes (I − |L|)⁻ᵀ•|g|, with no error in the forward values. */
  readonly linear: Readonly<Record<string, Tensor>>;
  /** What a backend that rounds the inputs and constants (float32) adds to `value` and to b. */
  readonly inputRounding: { readonly value: Tensor; readonly gradient: Readonly<Record<string, Tensor>> };
  /** D: the largest number of roundings along one path from a source to the output (spec: tol.depth). */
  readonly depth: number;
  /**
   * Live nodes with an argument near a kink or a domain edge (spec: tol.scope): `margin` is
   * min |x| / f over that argument's elements, its distance from the singular point in units of its
   * forward error magnitude (`marginRounded` with rounded inputs); Infinity where f = 0.
   */
  readonly fragile: readonly { readonly node: string; readonly margin: number; readonly marginRounded: number }[];
  /**
   * The largest magnitude the computation meets: max over live unknowns of |x|, f and b (value,
   * rounded-input and adjoint magnitudes). A class whose range it exceeds may overflow where the
   * exact computation does not (spec: tol.precision).
   */
  readonly largest: number;
}

const abs = (t: Tensor): Tensor => T.map(t, Math.abs);

/** @see spec/07-tolerance.md#tol.bound */
export function errorScale(c: GraphCase): ErrorScale {
  const program = readGraph(c);
  const values = evaluate(program);
  const first = program.sources.length;
  const o = program.output;
  const zeros = values.map((v) => T.zeros(T.shapeOf(v)));
  const reached = live(program);
  const all = linearize(program, values);
  const edges = all.filter((e) => reached.has(e.to)); // spec: system.live
  const A = systemMatrix(values.map(T.shapeOf), edges.map((e) => ({ ...e, operator: absOperator(e.operator) })));
  const back = (rhs: readonly Tensor[]): Tensor[] => solveTriangular(A, rhs, operatorAlgebra, true);
  const forward = (rhs: readonly Tensor[]): Tensor[] => solveTriangular(A, rhs, operatorAlgebra);

  const blin = back(zeros.map((z, k) => (k === o ? abs(cotangentOf(program, values[o] as Tensor)) : z)));

  // Forward errors in units of u: each node's own rounding, carried along |L| (sources exact in binary64).
  const inputs = program.nodes.map((n, i): BoundInputs => ({
    args: n.args.map((k) => values[k] as Tensor),
    y: values[first + i] as Tensor,
    p: n.attributes,
    edges: all.filter((e) => e.to === first + i).map((e) => e.operator),
  }));
  const magnitude = (k: number): Tensor => {
    const n = program.nodes[k - first]; // undefined for the sources
    return n === undefined ? (zeros[k] as Tensor) : BOUND_RULES[n.op].magnitude(inputs[k - first] as BoundInputs);
  };
  const own = forward(values.map((_, k) => magnitude(k)));
  const rounded = forward(zeros.map((z, k) => (k < first ? abs(values[k] as Tensor) : z)));

  /** Σ_edges |δ𝓛|ᵀ• b_lin for forward errors f (and the rounding of forming the entries, if asked). */
  const moved = (f: readonly Tensor[], forming: boolean): Tensor[] => {
    const r = [...zeros];
    program.nodes.forEach((n, i) => {
      const k = first + i;
      if (!reached.has(k)) return;
      const rule = BOUND_RULES[n.op];
      const b = inputs[i] as BoundInputs;
      const sens = rule.sensitivity(b, n.args.map((j) => f[j] as Tensor), f[k] as Tensor);
      const form = forming ? rule.entryRounding(b) : [];
      n.args.forEach((j, q) => {
        for (const d of [sens[q], form[q]]) if (d !== undefined) r[j] = T.add(r[j] as Tensor, apply(adjoint(d), blin[k] as Tensor));
      });
    });
    return r;
  };
  const bval = back(moved(own, true));
  const bsrc = back(moved(rounded, false));

  // Folds, not Math.min(...xs): spreading a large tensor's elements as arguments overflows the stack.
  const margin = (x: Tensor, f: Tensor): number =>
    T.elements(T.zip(x, f, (v, e) => (e === 0 ? Infinity : Math.abs(v) / e))).reduce((lo, m) => (Number.isNaN(m) ? lo : Math.min(lo, m)), Infinity);
  const fragile = program.nodes.flatMap((n, i) => {
    const q = (BOUND_RULES[n.op] as BoundRule).fragile?.(n.attributes);
    const j = q === undefined ? undefined : n.args[q];
    if (j === undefined || !reached.has(first + i)) return [];
    const [x, f, r] = [values[j] as Tensor, own[j] as Tensor, rounded[j] as Tensor];
    return [{ node: n.id, margin: margin(x, f), marginRounded: margin(x, T.add(f, r)) }];
  });

  let largest = 0;
  for (const ts of [values, own, rounded, blin, bval, bsrc]) {
    ts.forEach((t, k) => {
      if (reached.has(k)) for (const v of T.elements(t as Tensor)) largest = Math.max(largest, Math.abs(v));
    });
  }

  const pick = (ts: readonly Tensor[]) => Object.fromEntries(program.wrt.map((k) => [program.ids[k] as string, ts[k] as Tensor]));
  return {
    value: own[o] as Tensor,
    gradient: pick(blin.map((t, k) => T.add(t, bval[k] as Tensor))),
    linear: pick(blin),
    inputRounding: { value: rounded[o] as Tensor, gradient: pick(bsrc) },
    depth: roundingDepth(program, inputs, edges, reached),
    fragile,
    largest,
  };
}

/**
 * D = the largest Σ c_k over the unknowns k of one path from a source to the output, with
 * c_k = (the primitive's count) + (edges leaving k, whose terms back substitution adds) + 1.
 *
 * @see spec/07-tolerance.md#tol.depth
 */
function roundingDepth(
  program: Program,
  inputs: readonly BoundInputs[],
  edges: readonly { readonly from: number; readonly to: number }[],
  reached: ReadonlySet<number>,
): number {
  const first = program.sources.length;
  const out = program.ids.map((_, k) => edges.filter((e) => e.from === k).length);
  const best: number[] = [];
  program.ids.forEach((_, k) => {
    const n = k < first ? undefined : program.nodes[k - first];
    const count = n === undefined || !reached.has(k) ? 0 : BOUND_RULES[n.op].count(inputs[k - first] as BoundInputs);
    const before = Math.max(0, ...(n?.args ?? []).map((j) => best[j] as number));
    best.push(count + (out[k] as number) + 1 + before);
  });
  return best[program.output] as number;
}
