// Operator cases from the explicit matrix (spec: case.operator): apply = M vec(x), adjoint =
// Mᵀ vec(y), against the corpus's expectations and error codes, and the paper's notebook numbers.
import { describe, expect, it } from "vitest";
import type { OperatorCase } from "../../reference/case.js";
import { expectsError } from "../../reference/case.js";
import { decimalContext } from "../decimal.js";
import type { Decimal } from "../decimal.js";
import { dinner, type DTensor } from "../dtensor.js";
import { operatorCases } from "./corpus.js";
import { operatorCaseDense } from "./operator-case.js";
import { codeOf, dt, readExpected, worstGap } from "./testing.js";

const D = decimalContext(40);

describe("the paper's notebook (paper-notes §6)", () => {
  const B = [[1, 2], [3, 4]];
  const M = [[10, 1], [1, 10]];
  const C = [[2, 5], [4, 6]];
  it("ℒ(M) at C with y = B: ⟨B, ℒ(M)C⟩ = ⟨ℒ(M)ᵀ•B, C⟩ = 522", () => {
    const c: OperatorCase = { id: "t", description: "", kind: "operator", operator: { op: "left", matrix: M }, x: C, y: B };
    const r = operatorCaseDense(c, D);
    expect(dinner(D, dt(D, B), r.apply).toNumber()).toBe(522);
    expect(dinner(D, r.adjoint as DTensor, dt(D, C)).toNumber()).toBe(522);
  });
  it("has no adjoint without y", () => {
    const c: OperatorCase = { id: "t", description: "", kind: "operator", operator: { op: "hadamard", matrix: M }, x: B };
    const r = operatorCaseDense(c, D);
    expect((r.apply as Decimal[][]).map((row) => row.map(Number))).toEqual([[10, 2], [3, 40]]);
    expect(r.adjoint).toBeUndefined();
  });
});

describe("the corpus's operator cases", () => {
  const valued = operatorCases().filter((c) => c.expect !== undefined && !expectsError(c.expect));
  const faulty = operatorCases().filter((c) => expectsError(c.expect));

  it("has cases of both kinds", () => {
    expect(valued.length).toBeGreaterThanOrEqual(30);
    expect(faulty.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of valued) {
    it(`${c.id}: apply and adjoint within 1e-25 relative`, () => {
      const r = operatorCaseDense(c, D);
      const e = c.expect as { apply?: never; adjoint?: never };
      if (e.apply !== undefined) expect(worstGap(D, r.apply, readExpected(D, e.apply), 1e-25, 1e-30), "apply").toBeLessThanOrEqual(1);
      if (e.adjoint !== undefined) {
        expect(r.adjoint, "adjoint").toBeDefined();
        expect(worstGap(D, r.adjoint as DTensor, readExpected(D, e.adjoint), 1e-25, 1e-30), "adjoint").toBeLessThanOrEqual(1);
      }
    });
  }

  for (const c of faulty) {
    const code = (c.expect as { error: string }).error;
    it(`${c.id}: ${code}`, () => expect(codeOf(() => operatorCaseDense(c, D))).toBe(code));
  }
});
