// Equal row lengths, the one tensor rule JSON Schema cannot state, checked wherever a tensor sits
// (spec: value.tensor).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Case, RawTensor } from "../../reference/case.js";
import { findRaggedRow } from "./find-ragged-row.js";
import { validateCaseFile } from "./validate-case-file.js";

/** A length other than n, and at least 1. */
const otherLength = (n: number, delta: number): number => (n + delta >= 1 ? n + delta : n + 1);

/** An m×n matrix and, when `row` is set, the index (≥ 1) of the one row given another length. */
const matrices = fc
  .record({
    m: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 5 }),
    bad: fc.option(fc.nat(), { nil: undefined }),
    delta: fc.constantFrom(-1, 1, 2),
  })
  .map(({ m, n, bad, delta }) => {
    const row = bad === undefined || m === 1 ? undefined : 1 + (bad % (m - 1));
    const width = (i: number): number => (i === row ? otherLength(n, delta) : n);
    const rows = Array.from({ length: m }, (_, i) => Array.from({ length: width(i) }, (_, j) => i + j));
    return { rows, row };
  });

const operatorCase = (x: RawTensor, matrix: RawTensor): Case => ({
  id: "ragged.prop",
  description: "generated",
  kind: "operator",
  operator: { op: "adjoint", of: { op: "compose", of: [{ op: "identity" }, { op: "hadamard", matrix }] } },
  x,
});

describe("findRaggedRow", () => {
  it("reports the first row whose length differs from row 0, at its exact pointer", () => {
    fc.assert(fc.property(matrices, matrices, (x, g) => {
      const found = findRaggedRow(operatorCase(x.rows, g.rows));
      const expected =
        g.row !== undefined ? `/operator/of/of/1/matrix/${g.row}` : x.row !== undefined ? `/x/${x.row}` : undefined;
      expect(found?.pointer).toBe(expected);
    }));
  });

  it("makes a ragged case an E_SCHEMA fault at /cases/<i>/… and keeps the others", () => {
    fc.assert(fc.property(fc.array(matrices, { minLength: 1, maxLength: 4 }), (xs) => {
      const file = { cases: xs.map((x, i) => ({ ...operatorCase(x.rows, [[1]]), id: `ragged.c${i}` })) };
      const outcome = validateCaseFile("gen.json", file);
      const bad = xs.flatMap((x, i) => (x.row === undefined ? [] : [`/cases/${i}/x/${x.row}`]));
      expect(outcome.faults.map((f) => [f.code, f.where.pointer])).toEqual(bad.map((p) => ["E_SCHEMA", p]));
      expect(outcome.cases.map((c) => c.index)).toEqual(xs.flatMap((x, i) => (x.row === undefined ? [i] : [])));
    }));
  });

  it("ignores scalars and operators of unknown kind", () => {
    const c: Case = { id: "s", description: "", kind: "operator", operator: { op: "scale", by: 2 }, x: 5, y: "NaN" };
    expect(findRaggedRow(c)).toBeUndefined();
    const unknown = { ...c, operator: { op: "rotate", matrix: [[1], [1, 2]] } } as unknown as Case;
    expect(findRaggedRow(unknown)).toBeUndefined();
  });
});
