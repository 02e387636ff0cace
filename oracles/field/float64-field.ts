/**
 * The binary64 field: plain JavaScript numbers and `Math`. It runs the oracles' evaluator at the
 * precision every backend starts from, so the same graph reading can be compared across precisions
 * (the float64 value agrees with the decimal one to rounding).
 *
 * @see spec/01-values.md#value.arithmetic
 */
import type { Field } from "./field.js";

/** Numbers as they are; `sigmoid` is `1 / (1 + e^{−x})`, `pow` is `Math.pow`. */
export const float64Field: Field<number> = {
  name: "float64",
  fromNumber: (x) => x,
  toNumber: (x) => x,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  abs: Math.abs,
  isNaN: Number.isNaN,
  isZero: (a) => a === 0,
  isNegative: (a) => a < 0,
  lessThan: (a, b) => a < b,
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  sigmoid: (a) => 1 / (1 + Math.exp(-a)),
  sqrt: Math.sqrt,
  pow: Math.pow,
};
