// checkGradient on closed forms: right gradients PASS, wrong ones FAIL naming the element, a kink
// is INCONCLUSIVE, the seed replays (spec: system.gradient, tol.precision, prim.relu.kink).
import { describe, expect, it } from "vitest";
import { checkGradient } from "backslash-ad";
import { seededRandom } from "../oracles/fd/index.js";

// f(x, W) = sin(x)·W[0][1] + tanh(W[1][0]); ∂f/∂x = cos(x)·W[0][1], ∂f/∂W = [[0, sin x], [1 − tanh²(W[1][0]), 0]].
const f = (x: number, W: number[][]) => Math.sin(x) * W[0]![1]! + Math.tanh(W[1]![0]!);
const W0 = [[0.5, 2], [-0.7, 3]];
const right = (x: number, W: number[][]) => [Math.cos(x) * W[0]![1]!, [[0, Math.sin(x)], [1 - Math.tanh(W[1]![0]!) ** 2, 0]]];

describe("checkGradient", () => {
  it("passes a right gradient, every element, with the Taylor test in support", () => {
    const r = checkGradient(f, [1, W0], { gradient: right, names: ["x", "W"] });
    expect(r.verdict).toBe("PASS");
    expect(r.ok).toBe(true);
    expect(r.mode).toBe("full");
    expect(r.elements.map((e) => e.element)).toEqual(["x", "W[0][0]", "W[0][1]", "W[1][0]", "W[1][1]"]);
    // The oracle's estimate of ∂f/∂x against the closed form 2·cos(1).
    expect(Math.abs(r.elements[0]!.expected - 2 * Math.cos(1))).toBeLessThan(1e-8);
    expect(r.taylor?.opinion).toBe("supports");
    expect(Math.abs(r.taylor!.slope - 2)).toBeLessThan(0.1);
  });

  it("FAILs d/dx sin = −cos, naming the element, both values and which side is the oracle", () => {
    const wrong = (x: number, W: number[][]) => [-Math.cos(x) * W[0]![1]!, right(x, W)[1]!];
    const r = checkGradient(f, [1, W0], { gradient: wrong, names: ["x", "W"] });
    expect(r.verdict).toBe("FAIL");
    expect(r.ok).toBe(false);
    const worst = r.inputs[0]!.worst!;
    expect(worst).toMatchObject({ element: "x", verdict: "FAIL", reason: "disagrees", actual: -2 * Math.cos(1) });
    expect(Math.abs(worst.expected - 2 * Math.cos(1))).toBeLessThan(1e-8);
    expect(r.inputs[1]!.verdict).toBe("PASS");
    expect(r.message).toMatch(/^checkGradient FAIL \(float64, full mode, seed \d+\)/);
    expect(r.message).toContain(`x: FAIL — gradient under test ${-2 * Math.cos(1)}`);
    expect(r.message).toContain("finite differences (oracle) 1.0806046117");
    expect(r.message).toMatch(/window h = /);
    expect(r.taylor?.opinion).toBe("contradicts");
  });

  it("names a wrong matrix element by its index", () => {
    const wrong = (x: number, W: number[][]) => [right(x, W)[0]!, [[0, Math.sin(x)], [1 - Math.tanh(W[1]![0]!), 0]]]; // tanh' = 1 − tanh
    const r = checkGradient(f, [1, W0], { gradient: wrong, names: ["x", "W"] });
    expect(r.verdict).toBe("FAIL");
    expect(r.inputs[1]!.worst).toMatchObject({ element: "W[1][0]", index: [1, 0], verdict: "FAIL" });
    expect(r.message).toContain("W[1][0]: FAIL");
    expect(r.elements.filter((e) => e.verdict === "FAIL").map((e) => e.element)).toEqual(["W[1][0]"]);
  });

  it("is INCONCLUSIVE, not FAIL, at a kink, whatever subgradient is claimed; INCONCLUSIVE is ok beside a PASS unless asked otherwise", () => {
    // f(x, y) = relu(x) + x² + sin y at (0, 1): x sits on the kink, y is smooth (∂f/∂y = cos 1).
    const f = (x: number, y: number) => Math.max(x, 0) + x * x + Math.sin(y);
    for (const claim of [0, 0.5, 1]) {
      const r = checkGradient(f, [0, 1], { gradient: () => [claim, Math.cos(1)] });
      expect(r.verdict).toBe("INCONCLUSIVE");
      expect(r.elements[0]!.reason).toBe("kink");
      expect(r.elements[1]!.verdict).toBe("PASS");
      expect(r.ok).toBe(true);
      expect(r.message).toContain("INCONCLUSIVE (kink");
      expect(r.message).toContain("INCONCLUSIVE counts as ok");
      expect(checkGradient(f, [0, 1], { gradient: () => [claim, Math.cos(1)], inconclusive: "fail" }).ok).toBe(false);
    }
  });

  it("is not ok when nothing could be decided: a check of the kink alone proves nothing", () => {
    const relu = (x: number) => Math.max(x, 0) + x * x;
    const r = checkGradient(relu, [0], { gradient: () => [0.5] });
    expect(r.verdict).toBe("INCONCLUSIVE");
    expect(r.ok).toBe(false);
    expect(r.message).toContain("nothing could be decided");
  });

  it("states its NaN policy: f undefined at the point is INCONCLUSIVE, a NaN gradient FAILs", () => {
    const log = checkGradient((x: number) => Math.log(x), [0], { gradient: () => [Infinity] });
    expect(log.verdict).toBe("INCONCLUSIVE");
    expect(log.elements[0]!.reason).toBe("undefined-at-x");
    const nan = checkGradient((x: number) => x * x, [3], { gradient: () => [NaN] });
    expect(nan.verdict).toBe("FAIL");
  });

  it("fast mode: random projections, and a FAIL explained element by element; the seed replays", () => {
    const n = 120;
    const rnd = seededRandom(5);
    const v = Array.from({ length: n }, () => 2 * rnd() - 1);
    const g = (x: readonly number[]) => x.reduce((s, e) => s + Math.sin(e) * e, 0);
    const dg = (x: readonly number[]) => [x.map((e) => Math.cos(e) * e + Math.sin(e))];
    const r = checkGradient(g, [v], { gradient: dg, seed: 17 });
    expect(r.mode).toBe("fast");
    expect(r.verdict).toBe("PASS");
    expect(r.directions).toHaveLength(4);
    expect(r.message).toContain("seed 17");
    const again = checkGradient(g, [v], { gradient: dg, seed: 17 });
    expect(again.directions.map((d) => d.actual)).toEqual(r.directions.map((d) => d.actual));
    const other = checkGradient(g, [v], { gradient: dg, seed: 18 });
    expect(other.directions[0]!.actual).not.toBe(r.directions[0]!.actual);

    const bad = checkGradient(g, [v], { gradient: (x) => [dg(x)[0]!.map((e, i) => (i === 97 ? e + 0.01 : e))], names: ["v"] });
    expect(bad.verdict).toBe("FAIL");
    expect(bad.mode).toBe("fast+full");
    expect(bad.inputs[0]!.worst).toMatchObject({ element: "v[97]", verdict: "FAIL" });
    expect(bad.elements.filter((e) => e.verdict === "FAIL")).toHaveLength(1);
  });

  it("accepts flat gradients and { data, shape } inputs", () => {
    const h = (X: { data: ArrayLike<number>; shape: readonly number[] }) => X.data[0]! * X.data[3]! - X.data[1]! * X.data[2]!; // det
    const r = checkGradient(h, [{ data: Float64Array.of(1, 2, 3, 4), shape: [2, 2] }], {
      gradient: (X) => [Float32Array.of(X.data[3]!, -X.data[2]!, -X.data[1]!, X.data[0]!)],
    });
    expect(r.verdict).toBe("PASS");
    expect(r.elements.map((e) => e.element)).toEqual(["arg0[0][0]", "arg0[0][1]", "arg0[1][0]", "arg0[1][1]"]);
  });

  it("float32: a function computed in binary32 with its exact gradient is never a FAIL over 50 random points", () => {
    const fr = Math.fround;
    const p = (x: number, y: number) => fr(fr(fr(Math.exp(fr(0.3 * x))) * fr(Math.sin(y))) + fr(fr(x * x) * y));
    const dp = (x: number, y: number) => [0.3 * Math.exp(0.3 * x) * Math.sin(y) + 2 * x * y, Math.exp(0.3 * x) * Math.cos(y) + x * x];
    const rnd = seededRandom(11);
    const tally = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0 };
    for (let k = 0; k < 50; k++) {
      const x = 4 * rnd() - 2;
      const y = 4 * rnd() - 2;
      tally[checkGradient(p, [x, y], { gradient: dp, precision: "float32", taylor: false }).verdict]++;
    }
    expect(tally.FAIL).toBe(0);
    expect(tally.PASS).toBeGreaterThanOrEqual(40);
    // …and a gradient 1 % off is caught in float32 too.
    const slip = checkGradient(p, [0.8, 1.1], { gradient: (x, y) => dp(x, y).map((e) => e * 1.01), precision: "float32" });
    expect(slip.verdict).toBe("FAIL");
  });

  it("rejects usage errors with a TypeError rather than a verdict", () => {
    expect(() => checkGradient((x: number) => x, [1], { gradient: () => [1, 2] })).toThrow(TypeError);
    expect(() => checkGradient((x: number[]) => x[0]!, [[1, 2]], { gradient: () => [[1]] })).toThrow(/2/);
    expect(() => checkGradient(((x: number) => [x]) as unknown as (x: number) => number, [1], { gradient: () => [1] })).toThrow(/must return a number/);
  });
});
