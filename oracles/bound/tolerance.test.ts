// The allowance κ·D·(u·b + η) on tiny graphs, its zeros, non-finite scales, precision classes and
// kinks (spec: tol.allowance, tol.kappa, tol.zero, tol.non-finite, tol.precision, tol.scope, tol.judge).
import { describe, expect, it } from "vitest";
import type { GraphCase, RawNode } from "../../reference/case.js";
import { gradient, type Tensor } from "../../reference/index.js";
import { errorScale } from "./error-scale.js";
import { PRECISION } from "./precision-class.js";
import { KAPPA, tolerance } from "./tolerance.js";
import { withinAllowance } from "./within-allowance.js";

const graph = (inputs: Record<string, Tensor>, nodes: RawNode[], output: string, constants: Record<string, Tensor> = {}): GraphCase => ({
  id: "tiny",
  description: "",
  kind: "graph",
  graph: {
    inputs: Object.entries(inputs).map(([id, value]) => ({ id, value })),
    constants: Object.entries(constants).map(([id, value]) => ({ id, value })),
    nodes,
    output,
  },
});
const u64 = PRECISION.float64.u;
const eta64 = PRECISION.float64.eta;

describe("tolerance", () => {
  const product = errorScale(graph({ a: -3, b: 5 }, [{ id: "y", op: "mul", args: ["a", "b"] }], "y"));

  it("is κ·D·(u·b + η) with κ = 2: y = a·b, D = 5", () => {
    expect(KAPPA).toBe(2);
    expect(tolerance(product)).toEqual({
      value: 2 * 5 * (u64 * 15 + eta64),
      gradient: { a: 2 * 5 * (u64 * 5 + eta64), b: 2 * 5 * (u64 * 3 + eta64) },
      outsideModel: [],
      outsideRange: false,
    });
  });

  it("float32: u = 2⁻²⁴, one more rounding (the cotangent), and the rounding of the inputs added to b", () => {
    const { u, eta } = PRECISION.float32;
    expect(u).toBe(2 ** -24);
    const t = tolerance(product, "float32");
    expect(t.gradient).toEqual({ a: 2 * 6 * (u * (5 + 5) + eta), b: 2 * 6 * (u * (3 + 3) + eta) });
    expect(t.value).toBe(2 * 6 * (u * (15 + 30) + eta));
  });

  it("gives an exact zero that came from cancellation a positive allowance, and an input no path reaches none", () => {
    const cancel = errorScale(graph({ x: 0.7 }, [{ id: "y", op: "sub", args: ["x", "x"] }], "y"));
    expect(tolerance(cancel)).toEqual({ value: 0, gradient: { x: 2 * 6 * (u64 * 2 + eta64) }, outsideModel: [], outsideRange: false });
    const unused = errorScale(graph({ a: 1, b: 2 }, [{ id: "y", op: "sin", args: ["a"] }], "y"));
    expect(tolerance(unused).gradient.b).toBe(0);
    expect(tolerance(unused, "float32").gradient.b).toBe(0);
  });

  it("gives the worked example of spec 4.5 its allowances: D = 12", () => {
    const c = graph({ A: [[1, 2], [3, 4]], x: [[1], [1]] }, [
      { id: "y", op: "matmul", args: ["A", "x"] },
      { id: "l", op: "dot", args: ["y", "y"] },
    ], "l");
    const t = tolerance(errorScale(c));
    const allow = (b: number) => 2 * 12 * (u64 * b + eta64);
    expect(t.gradient.x).toEqual([[allow(96)], [allow(136)]]);
    expect(t.value).toBe(allow(174));
    expect(allow(136)).toBeCloseTo(3.6e-13, 14); // ≈ 3264·u
  });

  it("is NaN — no model — where b is not finite, so only an exact match passes", () => {
    const edge = graph({ x: 0 }, [{ id: "y", op: "sqrt", args: ["x"] }], "y");
    const t = tolerance(errorScale(edge));
    expect(t.gradient.x).toBeNaN();
    expect(withinAllowance(gradient(edge).gradient.x as number, Infinity, t.gradient.x as number)).toBe(true);
    expect(withinAllowance(1e300, Infinity, t.gradient.x as number)).toBe(false);
  });

  it("lists a relu whose argument is within its error of the kink as outside the model", () => {
    const kink = graph({ x: 0.1 }, [
      { id: "s", op: "mul", args: ["x", "x"] },
      { id: "t", op: "sub", args: ["c", "s"] },
      { id: "r", op: "relu", args: ["t"] },
    ], "r", { c: 0.010000000000000002 });
    // Exactly: c − 0.1² = 8.3e-19 > 0, so ∂r/∂x = −2·0.1; computed: t = 0 and the convention gives 0.
    expect(gradient(kink).gradient.x).toBe(0);
    expect(tolerance(errorScale(kink)).outsideModel).toEqual(["r"]);
    const clear = errorScale(graph({ x: 0.5 }, [{ id: "r", op: "relu", args: ["x"] }], "r"));
    expect(tolerance(clear).outsideModel).toEqual([]);
    expect(tolerance(clear, "float32").outsideModel).toEqual([]);
  });
});

describe("range (spec: tol.precision)", () => {
  it("puts a case whose intermediate magnitudes exceed binary32's range outside the float32 class only", () => {
    // exp(100)·exp(−100) = 1, but exp(100) ≈ 2.7e43 overflows binary32.
    const c = graph({ x: 100 }, [
      { id: "e", op: "exp", args: ["x"] },
      { id: "n", op: "neg", args: ["x"] },
      { id: "f", op: "exp", args: ["n"] },
      { id: "y", op: "mul", args: ["e", "f"] },
    ], "y");
    const s = errorScale(c);
    expect(s.largest).toBeGreaterThan(2.6e43);
    expect(tolerance(s).outsideRange).toBe(false);
    expect(tolerance(s, "float32").outsideRange).toBe(true);
    expect(PRECISION.float32.max).toBe(Math.fround(3.4028234663852886e38));
  });
});

describe("withinAllowance (spec: tol.judge)", () => {
  it("matches NaN with NaN only, an infinity with itself only, and +0 with −0 at allowance 0", () => {
    expect(withinAllowance(NaN, NaN, 0)).toBe(true);
    expect(withinAllowance(NaN, 1, Infinity)).toBe(false);
    expect(withinAllowance(1, NaN, Infinity)).toBe(false);
    expect(withinAllowance(-Infinity, -Infinity, NaN)).toBe(true);
    expect(withinAllowance(Infinity, 1e308, 1e308)).toBe(false);
    expect(withinAllowance(-0, 0, 0)).toBe(true);
    expect(withinAllowance(5e-324, 0, 0)).toBe(false);
  });
  it("admits |a − e| ≤ allowance, and only equality under a NaN allowance", () => {
    expect(withinAllowance(1 + 2 ** -52, 1, 2 ** -52)).toBe(true);
    expect(withinAllowance(1 + 2 ** -51, 1, 2 ** -52)).toBe(false);
    expect(withinAllowance(1 + 2 ** -52, 1, NaN)).toBe(false);
    expect(withinAllowance(1, 1, NaN)).toBe(true);
  });
});
