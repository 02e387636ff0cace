/**
 * Dual numbers as a {@link Field}: a value and its derivatives along n directions, so that the
 * oracles' graph evaluator (evaluate-graph.ts, independent of reference/) computes a forward-mode
 * gradient — every input element one direction. The derivative rules are the calculus ones written
 * here, not the reference's linearizations; comparisons look at values only, so `relu`, written in
 * the evaluator as "x if 0 < x else 0", gets the derivative 0 at its kink (either sign of zero), the
 * spec's convention. Over small integers the arithmetic primitives (add, sub, neg, mul, scale,
 * matmul, transpose, sum, dot, trace, square, relu) are exact in binary64.
 *
 * @see spec/03-primitives.md#prim.relu.kink
 * @see spec/04-system.md#system.forward
 */
import type { Field } from "../../oracles/index.js";

export interface Dual {
  readonly v: number;
  /** ∂v along each direction. */
  readonly d: readonly number[];
}

const lift = (a: Dual, v: number, f: number): Dual => ({ v, d: a.d.map((x) => f * x) });

/** The field of duals with `n` directions. */
export function dualField(n: number): Field<Dual> {
  const zeros: readonly number[] = new Array<number>(n).fill(0);
  const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
  return {
    name: `dual(${n})`,
    fromNumber: (x) => ({ v: x, d: zeros }),
    toNumber: (a) => a.v,
    add: (a, b) => ({ v: a.v + b.v, d: a.d.map((x, i) => x + (b.d[i] as number)) }),
    sub: (a, b) => ({ v: a.v - b.v, d: a.d.map((x, i) => x - (b.d[i] as number)) }),
    mul: (a, b) => ({ v: a.v * b.v, d: a.d.map((x, i) => b.v * x + a.v * (b.d[i] as number)) }),
    div: (a, b) => ({ v: a.v / b.v, d: a.d.map((x, i) => (x * b.v - a.v * (b.d[i] as number)) / (b.v * b.v)) }),
    neg: (a) => lift(a, -a.v, -1),
    abs: (a) => (a.v < 0 ? lift(a, -a.v, -1) : a),
    isNaN: (a) => Number.isNaN(a.v),
    isZero: (a) => a.v === 0,
    isNegative: (a) => a.v < 0,
    lessThan: (a, b) => a.v < b.v,
    exp: (a) => lift(a, Math.exp(a.v), Math.exp(a.v)),
    log: (a) => lift(a, Math.log(a.v), 1 / a.v),
    sin: (a) => lift(a, Math.sin(a.v), Math.cos(a.v)),
    cos: (a) => lift(a, Math.cos(a.v), -Math.sin(a.v)),
    tanh: (a) => lift(a, Math.tanh(a.v), 1 - Math.tanh(a.v) ** 2),
    sigmoid: (a) => lift(a, sigmoid(a.v), sigmoid(a.v) * (1 - sigmoid(a.v))),
    sqrt: (a) => lift(a, Math.sqrt(a.v), 1 / (2 * Math.sqrt(a.v))),
    pow: (a, p) => lift(a, Math.pow(a.v, p), p * Math.pow(a.v, p - 1)),
  };
}
