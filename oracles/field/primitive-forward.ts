/**
 * The forward map of every version-1 primitive over any {@link Field}: shapes (`E_SHAPE`) and
 * domains (`E_DOMAIN`) checked here, arithmetic left to the field. The table is the oracles' own
 * reading of spec chapter 3, kept apart from reference/primitives.ts on purpose.
 *
 * Conventions: `a`, `b` are the arguments (`s`, `x` for scale), `p` pow's exponent, `node` the id
 * of the node being evaluated (for messages).
 *
 * @see spec/03-primitives.md#prim.shapes
 * @see spec/03-primitives.md#prim.domain
 */
import { fail } from "../../reference/errors.js";
import type { Field, FMatrix, FTensor } from "./field.js";
import { felements, fmap, formatFShape, fshape, fzip, isFMatrix, sameFShape } from "./ftensor.js";
import { gepp } from "./gepp.js";

/** What a forward map receives besides its arguments. */
export interface Site {
  /** The node's id, for messages. */
  readonly node: string;
  /** pow's exponent (a finite binary64); undefined for every other primitive. */
  readonly exponent?: number;
}

/** One primitive: its arity, the attributes it takes, and its forward map. */
export interface Forward {
  readonly arity: 1 | 2;
  readonly attributes: readonly string[];
  apply<T>(F: Field<T>, args: readonly FTensor<T>[], site: Site): FTensor<T>;
}

const shapeError = (site: Site, detail: string): never => fail("E_SHAPE", detail, { node: site.node });

function sameShapes<T>(op: string, a: FTensor<T>, b: FTensor<T>, site: Site): void {
  if (!sameFShape(fshape(a), fshape(b))) shapeError(site, `${op} needs equal shapes, got ${formatFShape(fshape(a))} and ${formatFShape(fshape(b))}`);
}

function squareMatrix<T>(op: string, a: FTensor<T>, site: Site): FMatrix<T> {
  const s = fshape(a);
  if (s.length === 0 || s[0] !== s[1]) shapeError(site, `${op} needs a square matrix, got ${formatFShape(s)}`);
  return a as FMatrix<T>;
}

/** An elementwise primitive; `outside` tells whether an element (never NaN) is outside the domain. */
function elementwise(
  op: string,
  h: <T>(F: Field<T>, x: T, site: Site) => T,
  outside?: <T>(F: Field<T>, x: T, site: Site) => boolean,
): Forward {
  return {
    arity: 1,
    attributes: [],
    apply<T>(F: Field<T>, [a]: readonly FTensor<T>[], site: Site): FTensor<T> {
      return fmap(a as FTensor<T>, (x) => {
        if (F.isNaN(x)) return x; // prim.nan: NaN is never a domain fault and propagates
        if (outside?.(F, x, site)) fail("E_DOMAIN", `${op}(${F.toNumber(x)}) is outside the domain`, { node: site.node });
        return h(F, x, site);
      });
    },
  };
}

/** A binary primitive of two equal shapes, elementwise. */
function binary(op: string, f: <T>(F: Field<T>, x: T, y: T) => T): Forward {
  return {
    arity: 2,
    attributes: [],
    apply<T>(F: Field<T>, [a, b]: readonly FTensor<T>[], site: Site): FTensor<T> {
      sameShapes(op, a as FTensor<T>, b as FTensor<T>, site);
      return fzip(a as FTensor<T>, b as FTensor<T>, (x, y) => f(F, x, y));
    },
  };
}

/** A primitive of one argument that is not elementwise. */
function unary(f: <T>(F: Field<T>, a: FTensor<T>, site: Site) => FTensor<T>): Forward {
  return { arity: 1, attributes: [], apply: <T>(F: Field<T>, [a]: readonly FTensor<T>[], site: Site) => f(F, a as FTensor<T>, site) };
}

/** A primitive of two arguments that checks its own shapes. */
function pair(f: <T>(F: Field<T>, a: FTensor<T>, b: FTensor<T>, site: Site) => FTensor<T>): Forward {
  return {
    arity: 2,
    attributes: [],
    apply: <T>(F: Field<T>, [a, b]: readonly FTensor<T>[], site: Site) => f(F, a as FTensor<T>, b as FTensor<T>, site),
  };
}

/** Σ xs in order, starting from the first element (so a lone −0 stays −0). */
const sumOf = <T>(F: Field<T>, xs: readonly T[]): T => xs.slice(1).reduce((s, x) => F.add(s, x), xs[0] as T);

const transposeOf = <T>(A: FMatrix<T>): FMatrix<T> => (A[0] as readonly T[]).map((_, j) => A.map((row) => row[j] as T));

const identity = <T>(F: Field<T>, n: number): FMatrix<T> =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => F.fromNumber(i === j ? 1 : 0)));

/** pow for p ≠ 0 (prim.pow.domain): a negative base needs an integer p, a zero base a positive p. */
const powOf = elementwise(
  "pow",
  (F, x, site) => F.pow(x, site.exponent as number),
  (F, x, site) => (F.isNegative(x) && !Number.isInteger(site.exponent)) || (F.isZero(x) && (site.exponent as number) < 0),
);

/** The forward maps, by primitive name (spec chapter 3, section 3.4, in its order). */
export const FORWARD = {
  add: binary("add", (F, x, y) => F.add(x, y)),
  sub: binary("sub", (F, x, y) => F.sub(x, y)),
  neg: elementwise("neg", (F, x) => F.neg(x)),
  mul: binary("mul", (F, x, y) => F.mul(x, y)),
  div: pair((F, a, b, site) => {
    sameShapes("div", a, b, site);
    // prim.div.domain: a zero element of B is a fault whatever A holds (even NaN).
    if (felements(b).some((y) => F.isZero(y))) fail("E_DOMAIN", "div by a zero element", { node: site.node });
    return fzip(a, b, (x, y) => F.div(x, y));
  }),
  scale: pair((F, s, x, site) => {
    if (isFMatrix(s)) return shapeError(site, `scale needs a scalar factor, got ${formatFShape(fshape(s))}`);
    return fmap(x, (e) => F.mul(s, e));
  }),
  matmul: pair((F, a, b, site) => {
    if (!isFMatrix(a) || !isFMatrix(b) || fshape(a)[1] !== fshape(b)[0]) {
      return shapeError(site, `matmul of ${formatFShape(fshape(a))} and ${formatFShape(fshape(b))}`);
    }
    const columns = transposeOf(b);
    return a.map((row) => columns.map((column) => sumOf(F, row.map((x, k) => F.mul(x, column[k] as typeof x)))));
  }),
  transpose: unary((_F, a) => (isFMatrix(a) ? transposeOf(a) : a)),
  sum: unary((F, a) => sumOf(F, felements(a))),
  dot: pair((F, a, b, site) => {
    sameShapes("dot", a, b, site);
    const ys = felements(b);
    return sumOf(F, felements(a).map((x, k) => F.mul(x, ys[k] as typeof x)));
  }),
  trace: unary(<T>(F: Field<T>, a: FTensor<T>, site: Site) => sumOf(F, squareMatrix("trace", a, site).map((row, i) => row[i] as T))),
  exp: elementwise("exp", (F, x) => F.exp(x)),
  log: elementwise("log", (F, x) => F.log(x), (F, x) => !F.lessThan(F.fromNumber(0), x)),
  sin: elementwise("sin", (F, x) => F.sin(x)),
  cos: elementwise("cos", (F, x) => F.cos(x)),
  tanh: elementwise("tanh", (F, x) => F.tanh(x)),
  sigmoid: elementwise("sigmoid", (F, x) => F.sigmoid(x)),
  sqrt: elementwise("sqrt", (F, x) => F.sqrt(x), (F, x) => F.isNegative(x)),
  square: elementwise("square", (F, x) => F.mul(x, x)),
  // prim.relu.forward: x if x > 0, else +0 (relu(−0) = +0); NaN was passed through above.
  relu: elementwise("relu", (F, x) => (F.lessThan(F.fromNumber(0), x) ? x : F.fromNumber(0))),
  pow: {
    arity: 1,
    attributes: ["exponent"],
    apply<T>(F: Field<T>, args: readonly FTensor<T>[], site: Site): FTensor<T> {
      const p = site.exponent as number;
      // prim.pow.forward: p = 0 gives 1 for every element — 0⁰ and, as in IEEE 754, NaN⁰ included.
      if (p === 0) return fmap(args[0] as FTensor<T>, () => F.fromNumber(1));
      return powOf.apply(F, args, site);
    },
  },
  inv: unary((F, a, site) => {
    const A = squareMatrix("inv", a, site);
    const e = gepp(F, A, identity(F, A.length)) ?? fail("E_DOMAIN", "inv of a singular matrix (zero pivot)", { node: site.node });
    return e.solution;
  }),
  logdet: unary((F, a, site) => {
    const A = squareMatrix("logdet", a, site);
    const e = gepp(F, A, A.map(() => [])) ?? fail("E_DOMAIN", "logdet of a singular matrix (zero pivot)", { node: site.node });
    // det A = (−1)^σ Π U_kk is positive exactly when the count of negative factors is even.
    const negatives = e.swaps + e.pivots.filter((u) => F.isNegative(u)).length;
    if (negatives % 2 !== 0) fail("E_DOMAIN", "logdet of a matrix with negative determinant", { node: site.node });
    return sumOf(F, e.pivots.map((u) => F.log(F.abs(u))));
  }),
} satisfies Record<string, Forward>;

/** A version-1 primitive name. */
export type PrimitiveOp = keyof typeof FORWARD;

export const isPrimitiveOp = (op: string): op is PrimitiveOp => Object.hasOwn(FORWARD, op);
