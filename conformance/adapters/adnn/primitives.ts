/**
 * Each primitive of spec/03-primitives.md as adnn operations, so that adnn's own reverse mode
 * differentiates it: no rule here computes a derivative. Where adnn has the primitive it is used
 * as is; where it lacks one, the primitive is composed from adnn operations (said per entry).
 * A scalar (`[]`) is an adnn number, a matrix an adnn `Tensor` of dims `[m, n]`.
 *
 * Conventions: `a`, `b` the arguments (possibly lifted), `p` the node's attributes.
 *
 * @see spec/03-primitives.md#prim.linearization
 */
import type { PrimitiveName, Program } from "../../../reference/index.js";
import { ad, relu, type AdnnValue } from "./adnn-module.js";

type Attributes = Program["nodes"][number]["attributes"];
type Translation = (args: readonly AdnnValue[], p: Attributes) => AdnnValue;

const isMatrix = (x: AdnnValue): boolean => typeof ad.value(x) !== "number";
/** adnn's scalar and tensor functions are separate families; pick by the first argument. */
const ops = (x: AdnnValue) => (isMatrix(x) ? ad.tensor : ad.scalar);
// The reference's graph reader has checked arity, so these reads are in range.
const A = (args: readonly AdnnValue[]): AdnnValue => args[0] as AdnnValue;
const B = (args: readonly AdnnValue[]): AdnnValue => args[1] as AdnnValue;
const unary = (name: "neg" | "exp" | "log" | "sin" | "cos" | "tanh" | "sigmoid" | "sqrt"): Translation => (args) => ops(A(args))[name](A(args));
const binary = (name: "add" | "sub" | "mul" | "div"): Translation => (args) => ops(A(args))[name](A(args), B(args));

/** Row-major index of `(i, i)` in an n×n matrix. */
const diagonalIndex = (n: number, i: number): number => i * (n + 1);

export const TRANSLATIONS = {
  add: binary("add"),
  sub: binary("sub"),
  neg: unary("neg"),
  mul: binary("mul"),
  div: binary("div"),
  // adnn's tensor functions take a scalar second argument; scale(s, X) = X·s.
  scale: ([s, X]) => (isMatrix(X as AdnnValue) ? ad.tensor.mul(X as AdnnValue, s as AdnnValue) : ad.scalar.mul(s as AdnnValue, X as AdnnValue)),
  // adnn's `tensor.dot` is the matrix product (and the published one is where `ad is not defined`).
  matmul: (args) => ad.tensor.dot(A(args), B(args)),
  // A scalar is its own transpose and its own sum (prim.transpose.forward, prim.sum.forward).
  transpose: (args) => (isMatrix(A(args)) ? ad.tensor.transpose(A(args)) : A(args)),
  sum: (args) => (isMatrix(A(args)) ? ad.tensor.sumreduce(A(args)) : A(args)),
  // Composed: adnn has no inner product (its `dot` is matmul); ⟨A, B⟩ = Σ (A ⊙ B).
  dot: (args) => (isMatrix(A(args)) ? ad.tensor.sumreduce(ad.tensor.mul(A(args), B(args))) : ad.scalar.mul(A(args), B(args))),
  // Composed: adnn has no trace (its `diagonal` builds a matrix from a vector); Σ_i A_ii from
  // `tensor.get` (one element by linear index) and `scalar.sum`.
  trace: (args) => {
    const n = (ad.value(A(args)) as { dims: readonly number[] }).dims[0] as number;
    return ad.scalar.sum(Array.from({ length: n }, (_, i) => ad.tensor.get(A(args), diagonalIndex(n, i))));
  },
  exp: unary("exp"),
  log: unary("log"),
  sin: unary("sin"),
  cos: unary("cos"),
  tanh: unary("tanh"),
  sigmoid: unary("sigmoid"),
  sqrt: unary("sqrt"),
  // Composed: adnn has no square; A ⊙ A.
  square: (args) => ops(A(args)).mul(A(args), A(args)),
  // adnn's relu is `nn.relu` (tensors only; its derivative is 0 at A ≤ 0, as prim.relu.kink says).
  // A scalar goes through a one-element tensor: `tensor.fromScalars`, relu, `tensor.get`.
  relu: (args) => (isMatrix(A(args)) ? relu(A(args)) : ad.tensor.get(relu(ad.tensor.fromScalars([A(args)])), 0)),
  // The exponent is a constant attribute (prim.pow): adnn's pow with a raw second argument.
  pow: (args, p) => ops(A(args)).pow(A(args), p.exponent as number),
  inv: (args) => ad.tensor.inverse(A(args)),
  // Composed: adnn has a determinant but no logdet; ln(det A).
  logdet: (args) => ad.scalar.log(ad.tensor.determinant(A(args))),
} satisfies Record<PrimitiveName, Translation>;
