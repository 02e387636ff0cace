// Random operator trees at random points: the materialization accepts exactly the points the
// reference's apply (which follows the data adjoint, op.def.data-adjoint) accepts, E_SHAPE at the
// same points, and gives the same values. Integer entries keep binary64 exact, so values must be
// equal. A consistency check between two implementations of the spec, not a source of truth.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawOperator, RawShape, RawTensor } from "../../reference/case.js";
import { applyCase } from "../../reference/index.js";
import { decimalContext } from "../decimal.js";
import { toNumbers } from "../dtensor.js";
import { operatorCaseDense } from "./operator-case.js";

const D = decimalContext(40);
const dim = fc.integer({ min: 1, max: 2 });
const shape: fc.Arbitrary<RawShape> = fc.oneof(fc.constant([] as const), fc.tuple(dim, dim));
const int = fc.integer({ min: -3, max: 3 });
const tensorOf = (s: RawShape): fc.Arbitrary<RawTensor> =>
  s.length === 0 ? int : fc.array(fc.array(int, { minLength: s[1], maxLength: s[1] }), { minLength: s[0], maxLength: s[0] });
const tensor = shape.chain(tensorOf);
const matrix = fc.tuple(dim, dim).chain(tensorOf);

const { operator } = fc.letrec<{ operator: RawOperator }>((tie) => ({
  operator: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant<RawOperator>({ op: "identity" }),
    fc.constant<RawOperator>({ op: "transpose" }),
    fc.record({ op: fc.constant("zero" as const), domain: shape, codomain: shape }, { requiredKeys: ["op"] }),
    fc.record({ op: fc.constant("scale" as const), by: int }),
    fc.record({ op: fc.constantFrom("left" as const, "right" as const), matrix }),
    fc.record({ op: fc.constantFrom("hadamard" as const, "dot" as const, "outer" as const), matrix: tensor }),
    fc.record({ op: fc.constant("kron" as const), a: matrix, b: matrix }),
    fc.record({ op: fc.constantFrom("compose" as const, "sum" as const), of: fc.array(tie("operator"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant("adjoint" as const), of: tie("operator") }),
  ),
}));

type Outcome = { code: string } | { apply: unknown; adjoint?: unknown };
function outcome(f: () => { apply: unknown; adjoint?: unknown }): Outcome {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && "code" in e) return { code: String((e as { code: unknown }).code) };
    throw e;
  }
}

describe("materialized operators vs the reference's apply", () => {
  it("same E_SHAPE points and same values on 3000 random operators and points", () => {
    let accepted = 0;
    let adjoints = 0;
    fc.assert(
      fc.property(operator, tensor, tensor, (op, x, y) => {
        const c = { id: "t", description: "", kind: "operator" as const, operator: op, x, y };
        const ref = outcome(() => applyCase(c));
        const dense = outcome(() => {
          const r = operatorCaseDense(c, D);
          return { apply: toNumbers(r.apply), ...(r.adjoint !== undefined ? { adjoint: toNumbers(r.adjoint) } : {}) };
        });
        if (!("code" in ref)) accepted++;
        if (!("code" in ref) && ref.adjoint !== undefined) adjoints++;
        // Normalize −0 (not compared by the spec, compare.zero).
        const norm = (o: Outcome): string => JSON.stringify(o, (_, v) => (Object.is(v, -0) ? 0 : v));
        expect(norm(dense)).toBe(norm(ref));
      }),
      { numRuns: 3000, seed: 21 },
    );
    expect(accepted).toBeGreaterThan(300);
    expect(adjoints).toBeGreaterThan(100);
  }, 60_000);
});
