// Every primitive's forward map, shape and domain rule, over both fields, on hand-computed values
// (spec: prim.shapes, prim.domain, prim.nan, prim.gepp and each prim.*.forward).
import { describe, expect, it } from "vitest";
import { SpecError } from "../../reference/errors.js";
import { decimalContext } from "../decimal.js";
import { decimalField } from "./decimal-field.js";
import type { Field, FTensor } from "./field.js";
import { float64Field } from "./float64-field.js";
import { fmap } from "./ftensor.js";
import { gepp } from "./gepp.js";
import { FORWARD, type PrimitiveOp } from "./primitive-forward.js";

type Num = number | number[][];
const fields: readonly Field<unknown>[] = [float64Field as Field<unknown>, decimalField(decimalContext(40)) as Field<unknown>];

/** Applies `op` in field F to binary64 arguments and returns binary64 results. */
function run<T>(F: Field<T>, op: PrimitiveOp, args: readonly Num[], exponent?: number): Num {
  const out = FORWARD[op].apply(F, args.map((a) => fmap(a, (x) => F.fromNumber(x))), exponent === undefined ? { node: "n" } : { node: "n", exponent });
  return fmap(out as FTensor<T>, (x) => F.toNumber(x)) as Num;
}

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecError) return e.code;
    throw e;
  }
  return "no error";
}

describe.each(fields.map((F) => [F.name, F] as const))("forward maps in %s", (_name, F) => {
  it("add, sub, neg, mul, div, scale (spec: prim.add.forward … prim.scale.forward)", () => {
    expect(run(F, "add", [[[1, 2]], [[0.5, -4]]])).toEqual([[1.5, -2]]);
    expect(run(F, "sub", [3, 5])).toBe(-2);
    expect(Object.is(run(F, "neg", [0]), -0)).toBe(true);
    expect(run(F, "mul", [[[2, -3]], [[4, 0.5]]])).toEqual([[8, -1.5]]);
    expect(run(F, "div", [[[1, -3]], [[4, 0.5]]])).toEqual([[0.25, -6]]);
    expect(run(F, "scale", [-2, [[1, 2], [3, 4]]])).toEqual([[-2, -4], [-6, -8]]);
  });
  it("matmul, transpose, sum, dot, trace", () => {
    expect(run(F, "matmul", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]])).toEqual([[19, 22], [43, 50]]);
    expect(run(F, "matmul", [[[1, 2, 3]], [[4], [5], [6]]])).toEqual([[32]]);
    expect(run(F, "transpose", [[[1, 2, 3]]])).toEqual([[1], [2], [3]]);
    expect(run(F, "transpose", [7])).toBe(7);
    expect(run(F, "sum", [[[1, 2], [3, 4.5]]])).toBe(10.5);
    expect(run(F, "sum", [-3])).toBe(-3);
    expect(run(F, "dot", [[[1, 2], [3, 4]], [[2, 5], [4, 6]]])).toBe(48); // spec 1.3's example
    expect(run(F, "trace", [[[1, 2], [3, 4]]])).toBe(5);
  });
  it("the elementwise maps on exact points", () => {
    expect(run(F, "exp", [0])).toBe(1);
    expect(run(F, "log", [[[1, Infinity]]])).toEqual([[0, Infinity]]);
    expect(run(F, "sin", [0])).toBe(0);
    expect(run(F, "cos", [0])).toBe(1);
    expect(run(F, "tanh", [[[Infinity, -Infinity]]])).toEqual([[1, -1]]);
    expect(run(F, "sigmoid", [0])).toBe(0.5);
    expect(run(F, "sqrt", [[[2.25, Infinity]]])).toEqual([[1.5, Infinity]]);
    expect(Object.is(run(F, "sqrt", [-0]), -0)).toBe(true);
    expect(run(F, "square", [-1.5])).toBe(2.25);
    expect(run(F, "relu", [[[2, -3]]])).toEqual([[2, 0]]);
    expect(Object.is(run(F, "relu", [-0]), 0)).toBe(true); // prim.relu.forward: relu(−0) = +0
    expect(run(F, "relu", [NaN])).toBeNaN();
  });
  it("pow: integer powers of negative bases, 0⁰ = NaN⁰ = 1, fractional powers (spec: prim.pow.forward)", () => {
    expect(run(F, "pow", [-2], 3)).toBe(-8);
    expect(run(F, "pow", [-0.5], -2)).toBe(4);
    expect(run(F, "pow", [[[0, NaN, -7]]], 0)).toEqual([[1, 1, 1]]);
    expect(run(F, "pow", [2.25], 0.5)).toBe(1.5);
    expect(run(F, "pow", [4], -1.5)).toBe(0.125);
    expect(run(F, "pow", [0], 0.5)).toBe(0);
  });
  it("inv and logdet by elimination (spec: prim.inv.forward, prim.logdet.forward)", () => {
    const inv = run(F, "inv", [[[2, 1], [1, 3]]]) as number[][];
    [[0.6, -0.2], [-0.2, 0.4]].forEach((row, i) => row.forEach((x, j) => expect(inv[i]?.[j]).toBeCloseTo(x, 15)));
    expect(run(F, "logdet", [[[2, 1], [1, 3]]])).toBeCloseTo(Math.log(5), 15);
    expect(run(F, "logdet", [[[0, 1], [-1, 0]]])).toBe(0); // det = +1 after one swap and one negative pivot
    expect(run(F, "inv", [[[4]]])).toEqual([[0.25]]);
  });
  it("reports E_SHAPE (spec: prim.shapes, value.no-broadcasting)", () => {
    expect(code(() => run(F, "add", [[[1, 2]], [[1], [2]]]))).toBe("E_SHAPE");
    expect(code(() => run(F, "dot", [3, [[3]]]))).toBe("E_SHAPE");
    expect(code(() => run(F, "scale", [[[2]], [[1, 2]]]))).toBe("E_SHAPE");
    expect(code(() => run(F, "matmul", [[[1, 2]], [[1, 2]]]))).toBe("E_SHAPE");
    expect(code(() => run(F, "matmul", [2, [[1]]]))).toBe("E_SHAPE");
    expect(code(() => run(F, "trace", [[[1, 2]]]))).toBe("E_SHAPE");
    expect(code(() => run(F, "inv", [5]))).toBe("E_SHAPE");
    expect(code(() => run(F, "logdet", [[[1, 2, 3]]]))).toBe("E_SHAPE");
  });
  it("reports E_DOMAIN element by element, but never for NaN (spec: prim.domain, prim.nan)", () => {
    expect(code(() => run(F, "log", [[[1, 0]]]))).toBe("E_DOMAIN");
    expect(code(() => run(F, "log", [-0]))).toBe("E_DOMAIN");
    expect(code(() => run(F, "log", [-Infinity]))).toBe("E_DOMAIN");
    expect(run(F, "log", [NaN])).toBeNaN();
    expect(code(() => run(F, "sqrt", [-1e-300]))).toBe("E_DOMAIN");
    expect(code(() => run(F, "div", [NaN, -0]))).toBe("E_DOMAIN");
    expect(run(F, "div", [1, Infinity])).toBe(0);
    expect(code(() => run(F, "pow", [-8], 1 / 3))).toBe("E_DOMAIN");
    expect(code(() => run(F, "pow", [0], -1))).toBe("E_DOMAIN");
    expect(code(() => run(F, "pow", [-Infinity], 0.5))).toBe("E_DOMAIN");
    expect(code(() => run(F, "inv", [[[1, 2], [2, 4]]]))).toBe("E_DOMAIN");
    expect(code(() => run(F, "inv", [[[0, 0], [1, 2]]]))).toBe("E_DOMAIN");
    expect(code(() => run(F, "logdet", [[[0, 1], [1, 0]]]))).toBe("E_DOMAIN"); // det = −1
    expect(code(() => run(F, "logdet", [[[-1]]]))).toBe("E_DOMAIN");
  });
});

describe("gepp (spec: prim.gepp)", () => {
  const D = decimalContext(40);
  const F = decimalField(D);
  const dec = (A: number[][]) => A.map((r) => r.map((x) => F.fromNumber(x)));
  it("pivots on the first row of largest magnitude and counts the swaps", () => {
    // Column 1: |7| is largest (row 3); column 2: |5 − 8·4/7| = 3/7 < |2 − 8/7| = 6/7, a second swap.
    const e = gepp(F, dec([[1, 2, 3], [4, 5, 6], [7, 8, 10]]), dec([[1], [0], [0]]));
    expect(e?.swaps).toBe(1 + 1);
    const det = e!.pivots.reduce((p, u) => p.times(u), new D(1)).times(e!.swaps % 2 === 0 ? 1 : -1);
    expect(det.minus(-3).abs().toNumber()).toBeLessThan(1e-37); // det by cofactors: 1·2 − 2·(−2) + 3·(−3) = −3
    // First column of the inverse, by cofactors: (2, −(−2), −3)/−3 = (−2/3, −2/3, 1)
    expect(e!.solution.map((r) => r[0]!.toNumber())).toEqual([-2 / 3, -2 / 3, 1]);
    // A tie keeps the earlier row: no swap.
    expect(gepp(F, dec([[1, 1], [-1, 1]]), dec([[0], [0]]))?.swaps).toBe(0);
  });
  it("finds a zero pivot in a matrix with equal rows", () => {
    expect(gepp(float64Field, [[1, 2, 3], [1, 2, 3], [0, 1, 1]], [[1], [1], [1]])).toBeUndefined();
  });
});
