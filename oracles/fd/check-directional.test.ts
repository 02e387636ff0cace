// The directional check: FD of t ↦ f(x + t·v) against ⟨g, v⟩ (spec: value.inner-product).
import { describe, expect, it } from "vitest";
import { checkDirectional } from "./check-directional.js";

const f = (x: Float64Array) => Math.sin(x[0]! * x[1]!) + Math.exp(0.5 * x[2]!) * x[0]!;
const grad = (x: Float64Array) =>
  Float64Array.of(
    x[1]! * Math.cos(x[0]! * x[1]!) + Math.exp(0.5 * x[2]!),
    x[0]! * Math.cos(x[0]! * x[1]!),
    0.5 * Math.exp(0.5 * x[2]!) * x[0]!,
  );
const x = Float64Array.of(0.8, -1.1, 0.4);
const v = Float64Array.of(0.3, 0.9, -0.5);
const ones = new Float64Array(3).fill(1);

describe("checkDirectional", () => {
  it("passes ⟨g, v⟩ for the exact gradient", () => {
    const c = checkDirectional(f, x, grad(x), v, ones);
    expect(c.verdict).toBe("PASS");
    const gv = grad(x).reduce((s, gi, i) => s + gi * v[i]!, 0);
    expect(c.claimed).toBe(gv);
    expect(c.scale).toBeCloseTo(0.3 + 0.9 + 0.5, 14);
  });

  it("FAILs when one element is off by 1e-4 and v has weight there", () => {
    for (let i = 0; i < 3; i++) {
      const g = grad(x);
      g[i] = g[i]! + 1e-4;
      expect(checkDirectional(f, x, g, v, ones).verdict, `element ${i}`).toBe("FAIL");
    }
  });

  it("cannot see an error orthogonal to v", () => {
    const g = grad(x);
    g[0] = g[0]! + 0.9;
    g[1] = g[1]! - 0.3;
    expect(checkDirectional(f, x, g, v, ones).verdict).toBe("PASS");
  });

  it("is INCONCLUSIVE along a direction that runs into a kink", () => {
    const r = (y: Float64Array) => Math.max(y[0]! - y[1]!, 0);
    expect(checkDirectional(r, Float64Array.of(1, 1), Float64Array.of(1, -1), Float64Array.of(1, 0), ones.subarray(0, 2)).verdict).toBe(
      "INCONCLUSIVE",
    );
  });

  it("rejects a zero direction", () => {
    expect(() => checkDirectional(f, x, grad(x), new Float64Array(3), ones)).toThrow(RangeError);
  });
});
