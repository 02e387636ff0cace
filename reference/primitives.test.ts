// Every primitive's linearization against central differences of its own forward map, at points
// drawn from its declared domain (spec: prim.*.linearize), plus the conventions at kinks and edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Domain } from "./domain.js";
import { apply } from "./operator-apply.js";
import { evaluate, PRIMITIVE_NAMES, RULES, type Attributes, type PrimitiveName } from "./primitives.js";
import * as T from "./tensor.js";

/** Argument shapes per primitive: one representative call each. */
const SHAPES: Record<PrimitiveName, readonly T.Shape[]> = {
  add: [[2, 3], [2, 3]], sub: [[2, 3], [2, 3]], neg: [[2, 2]], mul: [[3, 2], [3, 2]], div: [[2, 2], [2, 2]],
  scale: [[], [2, 3]], matmul: [[2, 3], [3, 2]], transpose: [[2, 3]], sum: [[3, 2]], dot: [[2, 2], [2, 2]],
  trace: [[3, 3]], exp: [[2, 2]], log: [[2, 2]], sin: [[2, 2]], cos: [[]], tanh: [[2, 2]], sigmoid: [[1, 3]],
  sqrt: [[2, 2]], square: [[]], relu: [[2, 3]], pow: [[2, 2]], inv: [[3, 3]], logdet: [[3, 3]],
};

const EXPONENTS = [3, -2, 0.5, -1.5, 0];

/** A point of `shape` inside `domain`, away from its kinks (|x| ≥ 0.25 keeps relu off 0). */
function pointIn(domain: Domain, shape: T.Shape): fc.Arbitrary<T.Tensor> {
  const magnitude = fc.double({ min: 0.25, max: 2, noNaN: true });
  const value = domain.kind === "above" ? magnitude.map((x) => domain.bound + x) : fc.tuple(magnitude, fc.boolean()).map(([x, s]) => (s ? x : -x));
  if (domain.kind === "invertible" || domain.kind === "positive-determinant") {
    // Diagonally dominant with a positive diagonal: invertible with det > 0.
    const n = shape[0] as number;
    return fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((xs) =>
      T.build(n, n, (i, j) => (xs[i * n + j] as number) + (i === j ? 2 : 0)),
    );
  }
  if (shape.length === 0) return value;
  return fc.array(value, { minLength: shape[0] * shape[1], maxLength: shape[0] * shape[1] }).map((xs) =>
    T.build(shape[0], shape[1], (i, j) => xs[i * shape[1] + j] as number),
  );
}

const direction = (shape: T.Shape): fc.Arbitrary<T.Tensor> => pointIn({ kind: "all" }, shape);

function checkLinearization(name: PrimitiveName, p: Attributes): void {
  const rule = RULES[name];
  const shapes = SHAPES[name];
  const domains = rule.domain(p);
  const args = fc.tuple(...shapes.map((s, i) => pointIn(domains[i] as Domain, s)));
  const dirs = fc.tuple(...shapes.map(direction));
  fc.assert(
    fc.property(args, dirs, (x, v) => {
      const y = evaluate(name, x, p);
      const weights = rule.linearize(x, y, p);
      const jv = weights.map((w, i) => apply(w, v[i] as T.Tensor)).reduce(T.add);
      const h = 1e-6;
      const step = (s: number): T.Tensor => evaluate(name, x.map((a, i) => T.add(a, T.scale(s * h, v[i] as T.Tensor))), p);
      const fd = T.scale(1 / (2 * h), T.sub(step(1), step(-1)));
      T.elements(jv).forEach((d, k) => {
        const f = T.elements(fd)[k] as number;
        expect(Math.abs(d - f)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(f)));
      });
    }),
    { seed: 42, numRuns: 40 },
  );
}

describe("linearization matches central differences of the forward map", () => {
  for (const name of PRIMITIVE_NAMES) {
    if (name === "pow") continue;
    it(`${name} (spec: prim.${name}.linearize)`, () => checkLinearization(name, {}));
  }
  for (const e of EXPONENTS) {
    it(`pow with exponent ${e} (spec: prim.pow.linearize)`, () => checkLinearization("pow", { exponent: e }));
  }
});

describe("conventions and closed forms", () => {
  it("relu's derivative at its kink is 0 (spec: prim.relu.kink)", () => {
    const [w] = RULES.relu.linearize([[[0, -1, 2]]], evaluate("relu", [[[0, -1, 2]]], {}), {});
    expect(apply(w!, [[5, 5, 5]])).toEqual([[0, 0, 5]]);
    expect(RULES.relu.kinks).toEqual([{ at: 0, derivative: 0 }]);
  });
  it("the table's metadata: anchor prim.<name>; kinks only for relu, edges only for sqrt and pow (at 0)", () => {
    for (const name of PRIMITIVE_NAMES) {
      const rule = RULES[name];
      expect(rule.anchor).toBe(`prim.${name}`);
      expect(rule.kinks).toEqual(name === "relu" ? [{ at: 0, derivative: 0 }] : []);
      expect(rule.edges).toEqual(name === "sqrt" || name === "pow" ? [0] : []);
    }
  });
  it("sqrt's derivative at 0 is +Infinity (spec: prim.sqrt.edge)", () => {
    const [w] = RULES.sqrt.linearize([0], 0, {});
    expect(apply(w!, 1)).toBe(Infinity);
  });
  it("pow with exponent 0 has derivative 0 everywhere, also at 0 (spec: prim.pow.linearize)", () => {
    const [w] = RULES.pow.linearize([0], 1, { exponent: 0 });
    expect(apply(w!, 1)).toBe(0);
  });
  it("inv's linearization is −ℒ(A⁻¹)ℛ(A⁻¹): dA ↦ −A⁻¹ dA A⁻¹ (spec: prim.inv.linearize)", () => {
    const A = [[2, 1], [1, 1]]; // A⁻¹ = [[1, −1], [−1, 2]]
    const Ainv = evaluate("inv", [A], {});
    expect(Ainv).toEqual([[1, -1], [-1, 2]]);
    const [w] = RULES.inv.linearize([A], Ainv, {});
    // −A⁻¹ E₁₁ A⁻¹ = −[1; −1][1, −1] = [[−1, 1], [1, −1]]
    expect(apply(w!, [[1, 0], [0, 0]])).toEqual([[-1, 1], [1, -1]]);
  });
  it("logdet: log det [[2,1],[1,1]] = 0 and its gradient is A⁻ᵀ (spec: prim.logdet.linearize)", () => {
    const A = [[2, 1], [1, 3]]; // det 5, A⁻ᵀ = [[3, −1], [−1, 2]] / 5
    expect(evaluate("logdet", [A], {})).toBeCloseTo(Math.log(5), 15);
    const [w] = RULES.logdet.linearize([A], Math.log(5), {});
    expect(apply(w!, [[1, 0], [0, 0]])).toBeCloseTo(0.6, 15);
    expect(apply(w!, [[0, 1], [0, 0]])).toBeCloseTo(-0.2, 15);
  });
});

describe("domains (spec: prim.*.domain)", () => {
  const cases: [PrimitiveName, T.Tensor[], Attributes][] = [
    ["log", [[[1, -1]]], {}],
    ["log", [0], {}],
    ["sqrt", [-1e-300], {}],
    ["div", [1, 0], {}],
    ["pow", [-2], { exponent: 0.5 }],
    ["pow", [0], { exponent: -1 }],
    ["inv", [[[1, 2], [2, 4]]], {}],
    ["logdet", [[[0, 1], [1, 0]]], {}],
    ["logdet", [[[1, 2], [2, 4]]], {}],
  ];
  it.each(cases)("%s outside its domain is E_DOMAIN", (name, args, p) => {
    expect(() => evaluate(name, args, p)).toThrow(/^E_DOMAIN/);
  });
  it("NaN propagates without a domain error", () => {
    expect(evaluate("log", [NaN], {})).toBeNaN();
    expect(evaluate("sqrt", [NaN], {})).toBeNaN();
  });
  it("the edges of closed domains are inside: sqrt(0) = 0, pow(0, 0.5) = 0, pow(−2, 3) = −8", () => {
    expect(evaluate("sqrt", [0], {})).toBe(0);
    expect(evaluate("pow", [0], { exponent: 0.5 })).toBe(0);
    expect(evaluate("pow", [-2], { exponent: 3 })).toBe(-8);
  });
  it("trace sums the diagonal only: an infinite or NaN off-diagonal element does not reach it (spec: prim.trace.forward)", () => {
    expect(evaluate("trace", [[[1, Infinity], [NaN, 2]]], {})).toBe(3);
  });
  it("shape errors come before domain errors", () => {
    expect(() => evaluate("div", [[[1, 2]], [[0, 1, 2]]], {})).toThrow(/^E_SHAPE/);
    expect(() => evaluate("trace", [[[1, 2]]], {})).toThrow(/^E_SHAPE/);
    expect(() => evaluate("inv", [3], {})).toThrow(/^E_SHAPE/);
    expect(() => evaluate("scale", [[[1]], [[1]]], {})).toThrow(/^E_SHAPE/);
  });
});
