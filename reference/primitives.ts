/**
 * The primitive table: for each primitive its forward map, its domain, its kinks and its
 * linearization as operator data (one operator per argument). There are no backward rules:
 * reverse mode is always derived by the transpose dot.
 *
 * Conventions: `args` are the argument values, `y` the node's value, `p` the node's attributes.
 *
 * @see spec/03-primitives.md
 */
import { ALL, checkDomain, type Domain, type Kink } from "./domain.js";
import { fail } from "./errors.js";
import { inverse, logDeterminant } from "./linalg.js";
import * as O from "./operator.js";
import type { Operator } from "./operator.js";
import * as T from "./tensor.js";
import type { Tensor } from "./tensor.js";

export const PRIMITIVE_NAMES = [
  "add", "sub", "neg", "mul", "div", "scale", "matmul", "transpose", "sum", "dot", "trace",
  "exp", "log", "sin", "cos", "tanh", "sigmoid", "sqrt", "square", "relu", "pow", "inv", "logdet",
] as const;
export type PrimitiveName = (typeof PRIMITIVE_NAMES)[number];

/** Node attributes; only `pow` has one. @see spec/03-primitives.md#prim.pow */
export interface Attributes {
  readonly exponent?: number;
}

export interface Rule {
  /** The spec anchor of the primitive, e.g. `prim.tanh`. */
  readonly anchor: string;
  readonly arity: number;
  /** Attribute names the node must carry (all others are E_ATTRIBUTE). */
  readonly attributes: readonly (keyof Attributes)[];
  /** Where the primitive is defined, per argument (may depend on the attributes). */
  readonly domain: (p: Attributes) => readonly Domain[];
  /** Points where the derivative jumps, with the conventional derivative there. */
  readonly kinks: readonly Kink[];
  /** Points of the closed domain where the derivative may be unbounded (generators keep away). */
  readonly edges: readonly number[];
  readonly forward: (args: readonly Tensor[], p: Attributes) => Tensor;
  readonly linearize: (args: readonly Tensor[], y: Tensor, p: Attributes) => readonly Operator[];
}

// Arguments are checked for count before any rule runs, so these reads are in range.
const arg = (args: readonly Tensor[], i: number): Tensor => args[i] as Tensor;

/** y = h.(x) elementwise, linearized as ℋ(h'.(x)). `dh` may use y = h(x). */
function elementwise(
  name: string,
  h: (x: number) => number,
  dh: (x: number, y: number) => number,
  more: Partial<Pick<Rule, "domain" | "kinks" | "edges">> = {},
): Rule {
  return {
    // Stryker disable next-line StringLiteral: not backend behaviour — Rule.anchor is documentation, read by no code but reference/primitives.test.ts
    anchor: `prim.${name}`,
    arity: 1,
    attributes: [],
    domain: () => [ALL],
    kinks: [],
    edges: [],
    ...more,
    forward: (args) => T.map(arg(args, 0), h),
    linearize: (args, y) => [O.hadamard(T.zip(arg(args, 0), y, dh))],
  };
}

function structural(
  name: string,
  arity: number,
  forward: Rule["forward"],
  linearize: Rule["linearize"],
  domain: readonly Domain[] = Array.from({ length: arity }, () => ALL),
): Rule {
  // Stryker disable next-line StringLiteral,ArrayDeclaration: not backend behaviour — anchor is documentation, kinks and edges are read only by the property generators (conformance/arbitraries/guards.ts); reference/primitives.test.ts covers them
  return { anchor: `prim.${name}`, arity, attributes: [], domain: () => domain, kinks: [], edges: [], forward, linearize };
}

const above = (bound: number, inclusive: boolean): Domain => ({ kind: "above", bound, inclusive });
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** pow's domain: negative bases only for integer exponents, zero only for p ≥ 0. */
function powDomain(p: Attributes): readonly Domain[] {
  const e = p.exponent ?? NaN;
  if (Number.isInteger(e)) return [e >= 0 ? ALL : { kind: "nonzero" }];
  // Stryker disable next-line EqualityOperator: equivalent — e is not an integer on this line, so e ≠ 0 (and NaN compares false either way)
  return [above(0, e > 0)];
}

export const RULES = {
  add: structural("add", 2, ([a, b]) => T.add(a as Tensor, b as Tensor), () => [O.identity, O.identity]),
  sub: structural("sub", 2, ([a, b]) => T.sub(a as Tensor, b as Tensor), () => [O.identity, O.scale(-1)]),
  neg: structural("neg", 1, ([a]) => T.scale(-1, a as Tensor), () => [O.scale(-1)]),
  mul: structural("mul", 2, ([a, b]) => T.hadamard(a as Tensor, b as Tensor), ([a, b]) => [
    O.hadamard(b as Tensor),
    O.hadamard(a as Tensor),
  ]),
  div: structural(
    "div",
    2,
    ([a, b]) => T.zip(a as Tensor, b as Tensor, (x, y) => x / y, "numerator and denominator"),
    ([a, b]) => [
      O.hadamard(T.map(b as Tensor, (y) => 1 / y)),
      O.hadamard(T.zip(a as Tensor, b as Tensor, (x, y) => -x / (y * y))),
    ],
    [ALL, { kind: "nonzero" }],
  ),
  scale: structural(
    "scale",
    2,
    ([s, X]) => T.scale(T.requireScalar(s as Tensor, "the factor of scale"), X as Tensor),
    ([s, X]) => [O.outer(X as Tensor), O.scale(s as number)],
  ),
  matmul: structural(
    "matmul",
    2,
    ([A, B]) => T.matmul(T.requireMatrix(A as Tensor, "the left factor"), T.requireMatrix(B as Tensor, "the right factor")),
    ([A, B]) => [O.right(B as Tensor), O.left(A as Tensor)],
  ),
  transpose: structural("transpose", 1, ([A]) => T.transpose(A as Tensor), () => [O.transpose]),
  sum: structural("sum", 1, ([A]) => T.inner(T.filled(T.shapeOf(A as Tensor), 1), A as Tensor), ([A]) => [
    O.dot(T.filled(T.shapeOf(A as Tensor), 1)),
  ]),
  dot: structural("dot", 2, ([A, B]) => {
    T.requireSameShape(A as Tensor, B as Tensor, "the factors of dot");
    return T.inner(A as Tensor, B as Tensor);
  }, ([A, B]) => [O.dot(B as Tensor), O.dot(A as Tensor)]),
  trace: structural(
    "trace",
    1,
    // Σ A_ii, not ⟨I, A⟩: the latter multiplies off-diagonal elements by 0, so an infinite one would
    // give NaN where the spec's sum of the diagonal is finite (spec/03-primitives.md#prim.trace.forward).
    ([A]) => T.requireSquare(A as Tensor, "the argument of trace").reduce((s, row, i) => s + (row[i] as number), 0),
    ([A]) => [O.dot(T.identityMatrix((A as T.Matrix).length))],
  ),
  exp: elementwise("exp", Math.exp, (_, y) => y),
  log: elementwise("log", Math.log, (x) => 1 / x, { domain: () => [above(0, false)] }),
  sin: elementwise("sin", Math.sin, Math.cos),
  cos: elementwise("cos", Math.cos, (x) => -Math.sin(x)),
  tanh: elementwise("tanh", Math.tanh, (_, y) => 1 - y * y),
  sigmoid: elementwise("sigmoid", sigmoid, (_, y) => y * (1 - y)),
  // At ±0 the derivative is +Infinity (IEEE would give 1/(2·−0) = −Infinity at −0).
  sqrt: elementwise("sqrt", Math.sqrt, (_, y) => (y === 0 ? Infinity : 1 / (2 * y)), { domain: () => [above(0, true)], edges: [0] }),
  square: elementwise("square", (x) => x * x, (x) => 2 * x),
  // Math.max gives relu(−0) = +0 and relu(NaN) = NaN; the derivative at the kink is 0.
  relu: elementwise("relu", (x) => Math.max(x, 0), (x) => (x > 0 ? 1 : Number.isNaN(x) ? NaN : 0), {
    kinks: [{ at: 0, derivative: 0 }],
  }),
  pow: {
    anchor: "prim.pow",
    arity: 1,
    attributes: ["exponent"],
    domain: powDomain,
    kinks: [],
    edges: [0],
    forward: ([x], p) => T.map(x as Tensor, (v) => Math.pow(v, p.exponent as number)),
    linearize: ([x], _y, p) => {
      const e = p.exponent as number;
      return [O.hadamard(T.map(x as Tensor, (v) => (e === 0 ? 0 : e * Math.pow(v, e - 1))))];
    },
  },
  inv: {
    ...structural("inv", 1, ([A]) => inverse(T.requireSquare(A as Tensor, "the argument of inv")), (_, Ainv) => [
      O.compose(O.scale(-1), O.left(Ainv), O.right(Ainv)),
    ]),
    domain: () => [{ kind: "invertible" }],
  },
  logdet: {
    ...structural("logdet", 1, ([A]) => logDeterminant(T.requireSquare(A as Tensor, "the argument of logdet")), ([A]) => [
      O.dot(T.transpose(inverse(A as T.Matrix))),
    ]),
    domain: () => [{ kind: "positive-determinant" }],
  },
} as const satisfies Record<PrimitiveName, Rule>;

/**
 * Evaluates a primitive and checks its declared domain. The forward map runs first so that a
 * shape error is reported as E_SHAPE even when the values are also outside the domain.
 *
 * @see spec/03-primitives.md
 */
export function evaluate(name: PrimitiveName, args: readonly Tensor[], p: Attributes): Tensor {
  const rule: Rule = RULES[name];
  const y = rule.forward(args, p);
  rule.domain(p).forEach((d, i) => checkDomain(d, arg(args, i), `${name} (argument ${i + 1})`));
  return y;
}

export const isPrimitive = (name: string): name is PrimitiveName =>
  (PRIMITIVE_NAMES as readonly string[]).includes(name);
