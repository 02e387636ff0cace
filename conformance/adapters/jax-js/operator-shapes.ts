/**
 * The shapes an operator accepts and returns, checked before jax-js sees a point: jax-js would
 * broadcast (a scale of a 1×1 matrix, a Hadamard product of a row and a column) where the spec
 * says `E_SHAPE`. `shapeOut(o, S)` is the codomain shape of `o` at a point of shape `S`;
 * `shapeIn(o, T)` the codomain shape of its adjoint at a point of shape `T`, i.e. `o`'s domain.
 * Validation only: no value is computed here.
 *
 * @see spec/02-operators.md#op.def.shape
 */
import { fail, formatShape, sameShape, shapeOf, type Operator, type Shape } from "../../../reference/index.js";

const matrix = (s: Shape, what: string): readonly [number, number] => {
  if (s.length === 0) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return s;
};
const equal = (a: Shape, b: Shape, what: string): Shape => {
  if (!sameShape(a, b)) fail("E_SHAPE", `${what}: ${formatShape(a)} and ${formatShape(b)} differ`);
  return a;
};
const swap = (s: Shape): Shape => (s.length === 0 ? [] : [s[1], s[0]]);

function agree(shapes: readonly Shape[]): Shape {
  const [first, ...rest] = shapes;
  if (first === undefined) return fail("E_SHAPE", "a sum of no operators has no codomain");
  rest.forEach((s) => equal(first, s, "the summands have different shapes"));
  return first;
}

export function shapeOut(o: Operator, S: Shape): Shape {
  switch (o.op) {
    case "identity": case "scale": return S;
    case "transpose": return swap(S);
    case "zero":
      if (o.domain !== undefined) equal(o.domain, S, "zero's domain and the point");
      return o.codomain ?? S;
    case "left": {
      const [m, k] = matrix(shapeOf(o.matrix), "the matrix of left");
      const [k2, n] = matrix(S, "the point of left");
      if (k !== k2) fail("E_SHAPE", `left of a ${m}×${k} matrix cannot take a ${formatShape(S)} point`);
      return [m, n];
    }
    case "right": {
      const [m, k] = matrix(S, "the point of right");
      const [k2, n] = matrix(shapeOf(o.matrix), "the matrix of right");
      if (k !== k2) fail("E_SHAPE", `right of a ${k2}×${n} matrix cannot take a ${formatShape(S)} point`);
      return [m, n];
    }
    case "hadamard": return equal(shapeOf(o.matrix), S, "hadamard's matrix and the point");
    case "kron": {
      const [p, q] = matrix(shapeOf(o.a), "the matrix a of kron");
      const [r, s] = matrix(shapeOf(o.b), "the matrix b of kron");
      equal([s, q], matrix(S, "the point of kron"), "kron's domain and the point");
      return [r, p];
    }
    case "dot": equal(shapeOf(o.matrix), S, "dot's matrix and the point"); return [];
    case "outer":
      if (S.length !== 0) fail("E_SHAPE", `the point of outer must be a scalar, got ${formatShape(S)}`);
      return shapeOf(o.matrix);
    case "compose": return o.of.reduceRight((s, part) => shapeOut(part, s), S);
    case "sum": return agree(o.of.map((part) => shapeOut(part, S)));
    case "adjoint": return shapeIn(o.of, S);
  }
}

export function shapeIn(o: Operator, T: Shape): Shape {
  switch (o.op) {
    case "identity": case "scale": return T;
    case "transpose": return swap(T);
    case "zero":
      if (o.codomain !== undefined) equal(o.codomain, T, "zero's codomain and the point");
      return o.domain ?? T;
    case "left": { // ℒ(Aᵀ)
      const [m, k] = matrix(shapeOf(o.matrix), "the matrix of left");
      const [m2, n] = matrix(T, "the point of left's adjoint");
      if (m !== m2) fail("E_SHAPE", `the adjoint of left of a ${m}×${k} matrix cannot take a ${formatShape(T)} point`);
      return [k, n];
    }
    case "right": { // ℛ(Aᵀ)
      const [k, n] = matrix(shapeOf(o.matrix), "the matrix of right");
      const [m, n2] = matrix(T, "the point of right's adjoint");
      if (n !== n2) fail("E_SHAPE", `the adjoint of right of a ${k}×${n} matrix cannot take a ${formatShape(T)} point`);
      return [m, k];
    }
    case "hadamard": return equal(shapeOf(o.matrix), T, "hadamard's matrix and the point");
    case "kron": { // kron(aᵀ, bᵀ): X ↦ bᵀ X a
      const [p, q] = matrix(shapeOf(o.a), "the matrix a of kron");
      const [r, s] = matrix(shapeOf(o.b), "the matrix b of kron");
      equal([r, p], matrix(T, "the point of kron's adjoint"), "kron's codomain and the point");
      return [s, q];
    }
    case "dot": // outer(G)
      if (T.length !== 0) fail("E_SHAPE", `the point of dot's adjoint must be a scalar, got ${formatShape(T)}`);
      return shapeOf(o.matrix);
    case "outer": equal(shapeOf(o.matrix), T, "outer's matrix and the point"); return []; // dot(G)
    case "compose": return o.of.reduce((s, part) => shapeIn(part, s), T);
    case "sum": return agree(o.of.map((part) => shapeIn(part, T)));
    case "adjoint": return shapeOut(o.of, T);
  }
}
