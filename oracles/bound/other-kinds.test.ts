// Error-bound scales of system and operator cases, against closed forms (spec: tol.other-kinds).
import { describe, expect, it } from "vitest";
import type { OperatorCase, SystemCase } from "../../reference/case.js";
import { operatorCount } from "./operator-count.js";
import { operatorErrorScale } from "./operator-error-scale.js";
import { PRECISION } from "./precision-class.js";
import { systemErrorScale } from "./system-error-scale.js";
import { allowance } from "./tolerance.js";
import * as O from "../../reference/operator.js";

const M = [[10, 1], [1, 10]];

describe("systemErrorScale", () => {
  const poster = (a: number): SystemCase => ({
    id: "poster",
    description: "",
    kind: "system",
    system: {
      unknowns: ["v1", "v2", "v3", "v4", "v5"].map((id) => ({ id, shape: [] as const })),
      edges: [
        { from: "v1", to: "v3", operator: { op: "scale", by: a } },
        { from: "v2", to: "v3", operator: { op: "scale", by: 3 } },
        { from: "v3", to: "v4", operator: { op: "scale", by: 5 } },
        { from: "v4", to: "v5", operator: { op: "scale", by: 7 } },
      ],
      rhs: { v5: 1 },
    },
  });
  it("is the absolute path weights of the poster DAG: |a|cd, bcd, cd, d, 1", () => {
    expect(systemErrorScale(poster(-2)).solution).toEqual({ v1: 70, v2: 105, v3: 35, v4: 7, v5: 1 });
  });
  it("has depth 13 on the poster DAG: each unknown 1 edge out + 1, each edge a scale (1 + 1 for its data)", () => {
    // v1 → v3 → v4 → v5: (2 + 2) + (2 + 2) + (2 + 2) + 1.
    expect(systemErrorScale(poster(2)).depth).toBe(13);
  });
});

describe("operatorErrorScale", () => {
  it("is |𝓐||x| and |𝓐|ᵀ•|y|: the paper's notebook numbers for ℒ(M), all positive", () => {
    const c: OperatorCase = { id: "n", description: "", kind: "operator", operator: { op: "left", matrix: M }, x: [[1, 2], [3, 4]], y: [[2, 5], [4, 6]] };
    expect(operatorErrorScale(c)).toEqual({ apply: [[13, 24], [31, 42]], adjoint: [[24, 56], [42, 65]], depth: 3 });
  });
  it("does not cancel: ℒ([[1, −2], [3, −4]]) at (1, 1)ᵀ gives −1, −1 but b = 3, 7", () => {
    const c: OperatorCase = { id: "n", description: "", kind: "operator", operator: { op: "left", matrix: [[1, -2], [3, -4]] }, x: [[1], [1]] };
    const s = operatorErrorScale(c);
    expect(s).toEqual({ apply: [[3], [7]], depth: 3 });
    const { u, eta } = PRECISION.float64;
    expect(allowance(s.apply, s.depth)).toEqual([[2 * 3 * (3 * u + eta)], [2 * 3 * (7 * u + eta)]]);
  });
  it("counts roundings, one more per tensor held: compositions add, sums add one per extra term, permutations are free", () => {
    expect(operatorCount(O.compose(O.scale(-1), O.left([[1, 2, 3]]), O.right(M)))).toBe(2 + 4 + 3);
    expect(operatorCount(O.sum(O.left(M), O.right(M), O.transpose))).toBe(3 + 3 + 0 + 2);
    expect(operatorCount(O.kron([[1, 2, 3]], M))).toBe(3 + 2 + 2);
    expect(operatorCount(O.dot(M))).toBe(5);
    expect(operatorCount(O.adjointOf(O.identity))).toBe(0);
  });
});
