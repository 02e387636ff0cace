/**
 * Validation an adapter for a real AD library needs before it hands a node to the library:
 * libraries broadcast where the spec forbids it (`value.no-broadcasting`) and return NaN or
 * ±Infinity where the spec raises `E_DOMAIN`. So each node's argument shapes are checked before
 * the peer's op runs, and its arguments' values — as the PEER computed them — against the
 * primitive's domain (the domain data of the reference's rule table). Nothing here computes a
 * value or a derivative: that is the peer's job.
 *
 * Peer-neutral: used by the tfjs and jax-js adapters alike.
 *
 * Conventions: `shapes` are the arguments' shapes, `values` their elements as JS numbers.
 *
 * @see spec/03-primitives.md#prim.shapes
 * @see spec/03-primitives.md#prim.domain
 * @see spec/03-primitives.md#prim.gepp
 */
import { elements, fail, formatShape, RULES, sameShape, shapeOf, type PrimitiveName, type Shape, type Tensor } from "../../../reference/index.js";

type Attributes = { readonly exponent?: number };

const same = (a: Shape, b: Shape, what: string): void => {
  if (!sameShape(a, b)) fail("E_SHAPE", `${what} have different shapes: ${formatShape(a)} and ${formatShape(b)}`);
};
const matrix = (s: Shape, what: string): readonly [number, number] => {
  if (s.length === 0) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return s;
};
const square = (s: Shape, what: string): readonly [number, number] => {
  const m = matrix(s, what);
  if (m[0] !== m[1]) fail("E_SHAPE", `${what} must be square, got ${formatShape(s)}`);
  return m;
};

/** The node's result shape, or E_SHAPE (`prim.shapes` and each `prim.*` rule). */
export function resultShape(op: PrimitiveName, shapes: readonly Shape[]): Shape {
  const [a = [], b = []] = shapes;
  switch (op) {
    case "add": case "sub": case "mul": case "div":
      same(a, b, `the arguments of ${op}`);
      return a;
    case "dot":
      same(a, b, "the factors of dot");
      return [];
    case "scale":
      if (a.length !== 0) fail("E_SHAPE", `the factor of scale must be a scalar, got ${formatShape(a)}`);
      return b;
    case "matmul": {
      const [m, k] = matrix(a, "the left factor");
      const [k2, n] = matrix(b, "the right factor");
      if (k !== k2) fail("E_SHAPE", `cannot multiply ${formatShape(a)} by ${formatShape(b)}`);
      return [m, n];
    }
    case "transpose":
      return a.length === 0 ? [] : [a[1], a[0]];
    case "sum":
      return [];
    case "trace": case "logdet":
      square(a, `the argument of ${op}`);
      return [];
    case "inv":
      return square(a, "the argument of inv");
    default: // neg and the elementwise primitives keep the shape
      return a;
  }
}

/** Sign of det A by the spec's elimination (binary64, partial pivoting); 0 when singular. */
function geppSign(A: readonly (readonly number[])[]): number {
  const U = A.map((row) => [...row]);
  let sign = 1;
  for (let k = 0; k < U.length; k++) {
    let p = k;
    for (let i = k + 1; i < U.length; i++) if (Math.abs(U[i]![k]!) > Math.abs(U[p]![k]!)) p = i;
    if (U[p]![k] === 0) return 0;
    if (p !== k) [U[k], U[p], sign] = [U[p]!, U[k]!, -sign];
    for (let i = k + 1; i < U.length; i++) {
      const f = U[i]![k]! / U[k]![k]!;
      for (let j = k; j < U.length; j++) U[i]![j] = U[i]![j]! - f * U[k]![j]!;
    }
    if (U[k]![k]! < 0) sign = -sign;
  }
  return sign;
}

/** E_DOMAIN unless every argument lies in the primitive's domain (`prim.*.domain`). */
export function checkDomain(op: PrimitiveName, values: readonly Tensor[], p: Attributes): void {
  RULES[op].domain(p).forEach((d, i) => {
    const t = values[i] as Tensor;
    const what = `${op} (argument ${i + 1})`;
    switch (d.kind) {
      case "all":
        return;
      case "above": {
        // NaN is never a domain fault (prim.domain): both comparisons are false for it.
        const bad = elements(t).find((x) => (d.inclusive ? x < d.bound : x <= d.bound));
        if (bad !== undefined) fail("E_DOMAIN", `${what} needs x ${d.inclusive ? "≥" : ">"} ${d.bound}, got ${bad}`);
        return;
      }
      case "nonzero":
        if (elements(t).some((x) => x === 0)) fail("E_DOMAIN", `${what} needs every element ≠ 0, got 0`);
        return;
      case "invertible":
      case "positive-determinant": {
        // A NaN element is in the domain: the value is NaN (spec/03-primitives.md#nan.linalg).
        if (elements(t).some(Number.isNaN)) return;
        const s = geppSign(t as readonly (readonly number[])[]);
        if (s === 0) fail("E_DOMAIN", `${what}: the matrix is singular (a zero pivot), ${formatShape(shapeOf(t))}`);
        if (d.kind === "positive-determinant" && !(s > 0)) fail("E_DOMAIN", `${what}: the determinant is negative`);
        return;
      }
    }
  });
}
