// impl against the reference on random cases from the conformance arbitraries: same spec error
// codes, forward values identical, gradients, tangents and solutions within twice the allowance of
// the error-bound model (spec/07-tolerance.md; see testing/agreement.ts for why not bitwise), and
// exact agreement where the arithmetic is exact (kink graphs, integer operator cases).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blockSystemCase, directionFor, directionInts, graphCase, kinkGraphCase, operatorCase, randomSystemCase, smoothGraphCase,
} from "../conformance/arbitraries/index.js";
import { allowance, errorScale, systemErrorScale, tolerance } from "../oracles/bound/index.js";
import { reference, type GraphCase, type SystemCase, type Tensor } from "../reference/index.js";
import { impl } from "./backend.js";
import { closeTensor, outcome, twice } from "./testing/agreement.js";

const SEED = 20230315;
const RUNS = 300;

/** Fails with both sides named unless impl and the reference give the same outcome and numbers. */
function agreeOnGraph(c: GraphCase, exact: boolean): void {
  const r = outcome(() => reference.gradient(c));
  const m = outcome(() => impl.gradient(c));
  if (!r.ok || !m.ok) {
    expect(m.ok ? "a result" : m.code, JSON.stringify(c)).toBe(r.ok ? "a result" : r.code);
    return;
  }
  expect(closeTensor(m.value.value, r.value.value, 0), "value").toBeUndefined();
  const allow = exact ? undefined : tolerance(errorScale(c)).gradient;
  for (const [id, g] of Object.entries(r.value.gradient)) {
    const a = m.value.gradient[id] as Tensor;
    expect(closeTensor(a, g, allow === undefined ? 0 : twice(allow[id] as Tensor)), `gradient of ${id} in ${JSON.stringify(c)}`).toBeUndefined();
  }
}

/** jvp: ẋ_o = Σ_s ⟨ȳ_s, ṗ_s⟩, so Σ_s ⟨allowance_s, |ṗ_s|⟩ bounds its rounding as the gradient's does. */
function agreeOnJvp(c: GraphCase, ints: readonly number[], exact: boolean): void {
  const tangent = exact ? integerDirection(c, ints) : directionFor(c, ints);
  const r = outcome(() => reference.jvp(c, tangent));
  const m = outcome(() => impl.jvp(c, tangent));
  if (!r.ok || !m.ok) {
    expect(m.ok ? "a result" : m.code).toBe(r.ok ? "a result" : r.code);
    return;
  }
  let bound = 0;
  if (!exact) {
    const allow = tolerance(errorScale(c)).gradient;
    for (const [id, t] of Object.entries(tangent)) {
      const a = allow[id];
      if (a === undefined) continue;
      const as = typeof a === "number" ? [a] : a.flat();
      const ts = typeof t === "number" ? [t] : t.flat();
      as.forEach((v, k) => (bound += v * Math.abs(ts[k] ?? 0)));
    }
  }
  expect(closeTensor(m.value.value, r.value.value, 0), "value").toBeUndefined();
  expect(closeTensor(m.value.tangent, r.value.tangent, 2 * bound), `tangent in ${JSON.stringify(c)}`).toBeUndefined();
}

/** A tangent of integers (cycling through `ints`) for every input: exact arithmetic stays exact. */
function integerDirection(c: GraphCase, ints: readonly number[]): Record<string, number | number[][]> {
  let k = 0;
  const next = (): number => ints[k++ % ints.length] ?? 1;
  return Object.fromEntries(
    c.graph.inputs.map((s) => [s.id, Array.isArray(s.value) ? s.value.map((row) => row.map(next)) : next()]),
  );
}

function agreeOnSystem(c: SystemCase): void {
  const r = outcome(() => reference.solve(c));
  const m = outcome(() => impl.solve(c));
  if (!r.ok || !m.ok) {
    expect(m.ok ? "a result" : m.code).toBe(r.ok ? "a result" : r.code);
    return;
  }
  const scale = systemErrorScale(c);
  for (const [id, y] of Object.entries(r.value.solution)) {
    const allow = allowance(scale.solution[id] as Tensor, scale.depth);
    expect(closeTensor(m.value.solution[id] as Tensor, y, twice(allow)), `ȳ_${id} in ${JSON.stringify(c)}`).toBeUndefined();
  }
}

describe("impl agrees with the reference on random graphs", () => {
  it("graphCase(): every primitive, inside the domains", () => {
    fc.assert(fc.property(graphCase(), (c) => agreeOnGraph(c, false)), { seed: SEED, numRuns: RUNS });
  });
  it("graphCase() with larger matrices and more steps", () => {
    fc.assert(fc.property(graphCase({ maxSide: 6, maxSteps: 12 }), (c) => agreeOnGraph(c, false)), { seed: SEED + 1, numRuns: 100 });
  });
  it("smoothGraphCase()", () => {
    fc.assert(fc.property(smoothGraphCase(), (c) => agreeOnGraph(c, false)), { seed: SEED, numRuns: RUNS });
  });
  it("kinkGraphCase(): exact arithmetic, so exactly equal (relu'(0) = 0)", () => {
    fc.assert(fc.property(kinkGraphCase(), (c) => agreeOnGraph(c, true)), { seed: SEED, numRuns: RUNS });
  });
  it("jvp on graphCase()", () => {
    fc.assert(fc.property(graphCase(), directionInts, (c, ints) => agreeOnJvp(c, ints, false)), { seed: SEED, numRuns: RUNS });
  });
  it("jvp on kinkGraphCase() with integer tangents: exactly equal", () => {
    fc.assert(fc.property(kinkGraphCase(), directionInts, (c, ints) => agreeOnJvp(c, ints, true)), { seed: SEED, numRuns: RUNS });
  });
});

describe("impl agrees with the reference on operators and systems", () => {
  it.each([3, 7])("operatorCase({ maxSide: %i }): integer data, so apply and adjoint are exactly equal", (maxSide) => {
    fc.assert(
      fc.property(operatorCase({ depth: 3, maxSide }), (c) => {
        const r = outcome(() => reference.apply(c));
        const m = outcome(() => impl.apply(c));
        expect(m.ok ? "a result" : m.code).toBe(r.ok ? "a result" : r.code);
        if (!r.ok || !m.ok) return;
        expect(closeTensor(m.value.apply, r.value.apply, 0), "apply").toBeUndefined();
        expect(closeTensor(m.value.adjoint as Tensor, r.value.adjoint as Tensor, 0), "adjoint").toBeUndefined();
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it("randomSystemCase()", () => {
    fc.assert(fc.property(randomSystemCase(), agreeOnSystem), { seed: SEED, numRuns: RUNS });
  });
  it("blockSystemCase()", () => {
    fc.assert(fc.property(blockSystemCase(), agreeOnSystem), { seed: SEED, numRuns: RUNS });
  });
});
