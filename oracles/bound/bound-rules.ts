/**
 * What the tolerance model needs of each primitive, beside the reference's own rule: how many
 * roundings one evaluation (and one adjoint application of its edges) may commit, the magnitude
 * those roundings are relative to, and how its edge operators move when the values they are built
 * from carry errors. One entry per primitive; a missing one is a type error.
 *
 * Conventions: `args` are the argument values, `y` the node's value, `edges` the reference's edge
 * operators (one per argument position); `fa`, `fy` are non-negative tensors bounding the errors of
 * the arguments and of `y`, in units of u (count-free: the counts enter through the depth). Every
 * operator returned here has non-negative entries; `undefined` means the edge does not depend on
 * any value (add, sub, neg, transpose, sum, trace) or takes no rounding to form.
 *
 * @see spec/07-tolerance.md#tol.values
 * @see spec/07-tolerance.md#tol.depth
 */
import type { Operator, PrimitiveName, Tensor } from "../../reference/index.js";
import * as O from "../../reference/operator.js";
import type { Attributes } from "../../reference/primitives.js";
import * as T from "../../reference/tensor.js";

export interface BoundInputs {
  readonly args: readonly Tensor[];
  readonly y: Tensor;
  readonly p: Attributes;
  readonly edges: readonly Operator[];
}

type Edges = readonly (Operator | undefined)[];

export interface BoundRule {
  /** Roundings of one evaluation or of one adjoint application of an edge, whichever is more. */
  readonly count: (b: BoundInputs) => number;
  /** The magnitude the rounding of the forward value is relative to (|y| for a correctly rounded map). */
  readonly magnitude: (b: BoundInputs) => Tensor;
  /** |δ𝓛_q|: how each edge operator moves, to first order, when the values carry the errors fa, fy. */
  readonly sensitivity: (b: BoundInputs, fa: readonly Tensor[], fy: Tensor) => Edges;
  /** The magnitude of the rounding committed in forming each edge's entries from exact values. */
  readonly entryRounding: (b: BoundInputs) => Edges;
  /**
   * The argument position whose zero is a kink or a domain edge of this primitive, where the
   * derivative jumps or is unbounded and no first-order model holds (spec: tol.scope).
   */
  readonly fragile?: (p: Attributes) => number | undefined;
}

const abs = (t: Tensor): Tensor => T.map(t, Math.abs);
const arg = (ts: readonly Tensor[], i: number): Tensor => ts[i] as Tensor;
const size = (t: Tensor): number => T.elements(t).length;
const side = (t: Tensor): number => T.shapeOf(t)[0] ?? 1;
const none = (n: number) => (): Edges => Array.from({ length: n }, () => undefined);
const matrix = (t: Tensor): T.Matrix => T.requireMatrix(t, "a bound operand");

/** Elementwise f over tensors of one shape. */
function zipAll(ts: readonly Tensor[], f: (...xs: number[]) => number): Tensor {
  const [first] = ts;
  if (first === undefined || T.isScalar(first)) return f(...ts.map((t) => t as number));
  return first.map((row, i) => row.map((_, j) => f(...ts.map((t) => T.at(t as T.Matrix, i, j)))));
}

/**
 * An elementwise primitive h whose edge is ℋ(h'): `moves(x, y, fx, fy)` bounds |δh'| from the
 * errors of x and y (whichever the reference forms h' from), `forming(x, y)` the magnitude of the
 * roundings in computing h' itself. `count` covers the library function (≤ 1 ulp = 2u), forming h',
 * and applying the Hadamard adjoint.
 */
function elementwise(count: number, moves: (x: number, y: number, fx: number, fy: number) => number, forming?: (x: number, y: number, p: number) => number): BoundRule {
  return {
    count: () => count,
    magnitude: ({ y }) => abs(y),
    sensitivity: ({ args, y }, fa, fy) => [O.hadamard(zipAll([arg(args, 0), y, arg(fa, 0), fy], moves))],
    entryRounding: ({ args, y, p }) => [forming === undefined ? undefined : O.hadamard(zipAll([arg(args, 0), y], (x, v) => forming(x, v, p.exponent ?? NaN)))],
  };
}

/** No value enters the edges: only the forward value's own rounding counts. */
function constantEdges(arity: number, count: (b: BoundInputs) => number, magnitude: (b: BoundInputs) => Tensor): BoundRule {
  return { count, magnitude, sensitivity: none(arity), entryRounding: none(arity) };
}

/** pow's h' = p·x^{p−1} moves by |p(p−1)·x^{p−2}|·fx; p = 0 and p = 1 give constant edges. */
function powRule(): BoundRule {
  // p·x^{p−1} is formed exactly for p ∈ {0, 1}.
  const rule = elementwise(5, () => 0, (x, _y, p) => (p === 0 || p === 1 ? 0 : Math.abs(p * Math.pow(x, p - 1))));
  return {
    ...rule,
    // x^{p−1} or x^{p−2} is unbounded at 0 unless p is 0, 1 or an integer ≥ 2.
    fragile: (p) => (p.exponent === 0 || p.exponent === 1 || (Number.isInteger(p.exponent) && (p.exponent as number) >= 2) ? undefined : 0),
    sensitivity: ({ args, p }, fa) => {
      const e = p.exponent as number;
      return [O.hadamard(zipAll([arg(args, 0), arg(fa, 0)], (x, fx) => (e === 0 || e === 1 ? 0 : Math.abs(e * (e - 1) * Math.pow(x, e - 2)) * fx)))];
    },
  };
}

/** |A⁻¹| |A| |A⁻¹|: the error of an inverse by elimination with a backward error of order |A|. */
const inverseMagnitude = (Z: Tensor, A: Tensor): T.Matrix => T.matmul(T.matmul(matrix(abs(Z)), matrix(abs(A))), matrix(abs(Z)));

/** @see spec/07-tolerance.md#tol.values @see spec/07-tolerance.md#tol.depth */
export const BOUND_RULES = {
  add: constantEdges(2, () => 2, ({ y }) => abs(y)),
  sub: constantEdges(2, () => 2, ({ y }) => abs(y)),
  neg: constantEdges(1, () => 1, ({ y }) => T.zeros(T.shapeOf(y))),
  mul: {
    count: () => 2,
    magnitude: ({ y }) => abs(y),
    sensitivity: (_b, fa) => [O.hadamard(arg(fa, 1)), O.hadamard(arg(fa, 0))],
    entryRounding: none(2),
  },
  div: {
    fragile: () => 1,
    count: () => 4,
    magnitude: ({ y }) => abs(y),
    sensitivity: ({ args }, fa) => {
      const [a, b, fA, fB] = [arg(args, 0), arg(args, 1), arg(fa, 0), arg(fa, 1)];
      return [
        O.hadamard(zipAll([b, fB], (v, fv) => fv / (v * v))),
        O.hadamard(zipAll([a, b, fA, fB], (x, v, fx, fv) => fx / (v * v) + (2 * Math.abs(x) * fv) / Math.abs(v * v * v))),
      ];
    },
    entryRounding: ({ args }) => [
      O.hadamard(T.map(arg(args, 1), (v) => Math.abs(1 / v))),
      O.hadamard(zipAll([arg(args, 0), arg(args, 1)], (x, v) => Math.abs(x / (v * v)))),
    ],
  },
  scale: {
    count: () => 2,
    magnitude: ({ y }) => abs(y),
    sensitivity: (_b, fa) => [O.outer(arg(fa, 1)), O.scale(arg(fa, 0) as number)],
    entryRounding: none(2),
  },
  matmul: {
    // (m×k)(k×n): inner products of length k forward, n and m in the two adjoints.
    count: ({ args }) => Math.max(...T.shapeOf(arg(args, 0)), ...T.shapeOf(arg(args, 1))) + 1,
    magnitude: ({ args }) => T.matmul(matrix(abs(arg(args, 0))), matrix(abs(arg(args, 1)))),
    sensitivity: (_b, fa) => [O.right(arg(fa, 1)), O.left(arg(fa, 0))],
    entryRounding: none(2),
  },
  transpose: constantEdges(1, () => 1, ({ y }) => T.zeros(T.shapeOf(y))),
  sum: constantEdges(1, ({ args }) => size(arg(args, 0)) + 1, ({ args }) => T.elements(abs(arg(args, 0))).reduce((s, x) => s + x, 0)),
  dot: {
    count: ({ args }) => size(arg(args, 0)) + 1,
    magnitude: ({ args }) => T.inner(abs(arg(args, 0)), abs(arg(args, 1))),
    sensitivity: (_b, fa) => [O.dot(arg(fa, 1)), O.dot(arg(fa, 0))],
    entryRounding: none(2),
  },
  trace: constantEdges(1, ({ args }) => side(arg(args, 0)) + 1, ({ args }) => T.inner(T.identityMatrix(side(arg(args, 0))), abs(arg(args, 0)))),
  exp: elementwise(4, (_x, _y, _fx, fy) => fy), // h' = y itself
  log: { ...elementwise(4, (x, _y, fx) => fx / (x * x), (x) => Math.abs(1 / x)), fragile: () => 0 },
  sin: elementwise(4, (x, _y, fx) => Math.abs(Math.sin(x)) * fx, (x) => Math.abs(Math.cos(x))),
  cos: elementwise(4, (x, _y, fx) => Math.abs(Math.cos(x)) * fx, (x) => Math.abs(Math.sin(x))),
  tanh: elementwise(5, (_x, y, _fx, fy) => 2 * Math.abs(y) * fy, (_x, y) => y * y + Math.abs(1 - y * y)), // h' = 1 − y²
  sigmoid: elementwise(7, (_x, y, _fx, fy) => Math.abs(1 - 2 * y) * fy, (_x, y) => 2 * Math.abs(y * (1 - y))), // h' = y(1 − y)
  // h' = 1/(2y); at the domain edge y = 0 the edge is +∞ and so is the bound.
  sqrt: {
    ...elementwise(4, (_x, y, _fx, fy) => (y === 0 ? Infinity : fy / (2 * y * y)), (_x, y) => Math.abs(1 / (2 * y))),
    fragile: () => 0,
  },
  square: elementwise(3, (_x, _y, fx) => 2 * fx), // h' = 2x, formed exactly
  // Piecewise constant: no first-order movement. A pre-activation within its error of the kink is
  // outside the model (spec: tol.scope).
  relu: { ...constantEdges(1, () => 2, ({ y }) => T.zeros(T.shapeOf(y))), fragile: () => 0 },
  pow: powRule(),
  inv: {
    count: ({ args }) => 3 * side(arg(args, 0)) + 2,
    magnitude: ({ args, y }) => inverseMagnitude(y, arg(args, 0)),
    // −ℒ(Y)∘ℛ(Y) moves by ℒ(fY)∘ℛ(|Y|) + ℒ(|Y|)∘ℛ(fY).
    sensitivity: ({ y }, _fa, fy) => [
      O.sum(O.compose(O.left(fy), O.right(abs(y))), O.compose(O.left(abs(y)), O.right(fy))),
    ],
    entryRounding: none(1),
  },
  logdet: {
    count: ({ args }) => 3 * side(arg(args, 0)) + 2,
    // The reference's edge is dot(A⁻ᵀ): the inverse it forms is read back from it.
    magnitude: ({ args, y, edges }) => T.inner(abs(edgeMatrix(edges)), abs(arg(args, 0))) + Math.abs(y as number),
    sensitivity: ({ edges }, fa) => {
      const Z = T.transpose(edgeMatrix(edges));
      return [O.dot(T.transpose(T.matmul(T.matmul(matrix(abs(Z)), matrix(arg(fa, 0))), matrix(abs(Z)))))];
    },
    entryRounding: ({ args, edges }) => [O.dot(T.transpose(inverseMagnitude(T.transpose(edgeMatrix(edges)), arg(args, 0))))],
  },
} as const satisfies Record<PrimitiveName, BoundRule>;

function edgeMatrix(edges: readonly Operator[]): Tensor {
  const e = edges[0];
  if (e?.op !== "dot") throw new Error(`logdet's edge should be dot(A⁻ᵀ), got ${e?.op}`);
  return e.matrix;
}
