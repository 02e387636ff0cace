// Operator arbitraries: every kind, operators that fit their points, integer data (spec:
// op.vocabulary, law.arithmetic, law.block).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OPERATOR_KINDS, apply, parseOperator, parseTensor, reference, shapeOf, solve, type RawOperator } from "../../reference/index.js";
import { decimalContext, operatorCaseDense, toNumbers } from "../../oracles/index.js";
import { blockSystemCase } from "./block-system-case.js";
import { operatorCase } from "./operator-case.js";
import { operatorLawCase } from "./operator-law-case.js";

const kinds = (o: RawOperator): string[] => [o.op, ...("of" in o ? (Array.isArray(o.of) ? o.of : [o.of]).flatMap((p: RawOperator) => kinds(p)) : [])];

describe("operatorCase", () => {
  const cases = fc.sample(operatorCase(), { numRuns: 400, seed: 31 });

  it("covers every operator kind", () => {
    const seen = new Set(cases.flatMap((c) => kinds(c.operator)));
    expect(OPERATOR_KINDS.filter((k) => !seen.has(k))).toEqual([]);
  });

  it("gives valid cases whose results are exact: the reference and the explicit matrix agree exactly", () => {
    const D = decimalContext(40);
    for (const c of cases) {
      const r = reference.apply(c);
      const dense = operatorCaseDense(c, D);
      const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x)); // +0 = −0
      expect(plain(r.apply)).toEqual(plain(toNumbers(dense.apply)));
      expect(plain(r.adjoint)).toEqual(plain(toNumbers(dense.adjoint ?? D(0))));
    }
  });

  it("shrinks to the simplest operator: identity at a scalar 0", () => {
    const r = fc.check(fc.property(operatorCase(), () => false), { seed: 32 });
    expect(r.counterexample?.[0]).toMatchObject({ operator: { op: "identity" }, x: 0, y: 0 });
  });
});

describe("operatorLawCase", () => {
  it("gives operators that compose: 𝓐∘𝓒 at r, 𝓑 at x, and z of x's shape", () => {
    for (const l of fc.sample(operatorLawCase(), { numRuns: 300, seed: 33 })) {
      const A = parseOperator(l.case.operator);
      const Ax = apply(A, parseTensor(l.case.x));
      const ACr = apply(parseOperator({ op: "compose", of: [l.case.operator, l.inner] }), parseTensor(l.r));
      expect(shapeOf(ACr)).toEqual(shapeOf(Ax));
      expect(reference.apply({ ...l.case, operator: l.other })).toBeDefined();
      expect(reference.apply({ ...l.case, x: l.z })).toBeDefined();
    }
  });
});

describe("blockSystemCase", () => {
  it("gives valid two-level systems: edges from sources to sinks only, every sink with a right-hand side", () => {
    for (const c of fc.sample(blockSystemCase(), { numRuns: 300, seed: 34 })) {
      expect(() => solve(c)).not.toThrow();
      expect(c.system.edges.every((e) => e.from.startsWith("s") && e.to.startsWith("t"))).toBe(true);
      for (const u of c.system.unknowns.filter((x) => x.id.startsWith("t"))) expect(c.system.rhs?.[u.id]).toBeDefined();
    }
  });
});
