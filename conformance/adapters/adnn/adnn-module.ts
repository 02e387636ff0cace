/**
 * adnn 2.0.10 as this adapter sees it: the CommonJS modules loaded with `require`, and the few
 * members used, typed. adnn ships no types; these declare only what its source defines
 * (`node_modules/adnn/ad/functions.js`, `ad/graph.js`, `tensor.js`, `nn/networks/activation.js`).
 *
 * Conventions: a value is a number or a `Tensor` (float64, row-major `data`, `dims` [m, n]); a
 * lifted value is a `Node` whose `x` is its value and `dx` its derivative after `backprop()`.
 */
import { createRequire } from "node:module";

export interface AdnnTensor {
  readonly dims: readonly number[];
  readonly data: Float64Array;
  fromFlatArray(values: readonly number[]): AdnnTensor;
}

export interface AdnnNode {
  readonly x: number | AdnnTensor;
  readonly dx: number | AdnnTensor;
  backprop(): void;
}

/** A value adnn's functions accept: raw (not tracked) or lifted. */
export type AdnnValue = number | AdnnTensor | AdnnNode;

type Unary = (x: AdnnValue) => AdnnValue;
type Binary = (x: AdnnValue, y: AdnnValue) => AdnnValue;

interface Ops {
  neg: Unary; add: Binary; sub: Binary; mul: Binary; div: Binary; pow: Binary;
  exp: Unary; log: Unary; sin: Unary; cos: Unary; tanh: Unary; sigmoid: Unary; sqrt: Unary;
}

export interface AdnnAd {
  lift(x: number | AdnnTensor): AdnnNode;
  isLifted(x: AdnnValue): x is AdnnNode;
  value(x: AdnnValue): number | AdnnTensor;
  scalar: Ops & { sum(xs: readonly AdnnValue[]): AdnnValue };
  tensor: Ops & {
    /** adnn's `dot` is the matrix product (`Tensor.prototype.dot`), not an inner product. */
    dot: Binary;
    transpose: Unary;
    sumreduce: Unary;
    inverse: Unary;
    determinant: Unary;
    /** The element at a row-major linear index, as a scalar. */
    get(x: AdnnValue, i: number): AdnnValue;
    fromScalars(xs: readonly AdnnValue[]): AdnnValue;
  };
}

const require = createRequire(import.meta.url);

export const ad = require("adnn/ad") as AdnnAd;
export const Tensor = require("adnn/tensor") as new (dims: readonly number[]) => AdnnTensor;
/** `nn.relu` is a network whose `eval` is adnn's relu AD function (tensors only). */
export const relu = (require("adnn/nn") as { relu: { eval: Unary } }).relu.eval;
