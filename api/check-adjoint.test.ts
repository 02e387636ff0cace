// checkAdjoint on our own operators (the reference's apply/adjoint and impl's compiled operator
// cases) and on deliberately wrong adjoints (spec: law.adjoint-identity, tol.other-kinds).
import { describe, expect, it } from "vitest";
import { checkAdjoint } from "backslash-ad";
import { expectAdjoint, CheckFailedError } from "backslash-ad/vitest";
import { applyCase } from "../impl/index.js";
import { adjoint, apply, type Operator, type RawOperator, type Tensor } from "../reference/index.js";
import { compose, hadamard, kron, left, right, sum, transpose } from "../reference/operator.js";

const A = [[1, -2, 0.5], [3, 0.25, -1]]; // 2×3
const B = [[0.5, 2], [-1, 4]]; // 2×2
const M = [[2, -1], [0.5, 3], [1, 1]]; // 3×2
const shape = (t: Tensor): number[] => (typeof t === "number" ? [] : [t.length, t[0]!.length]);
const asTensor = (x: unknown) => x as Tensor;

// Operators with their domain shape; the codomain comes from applying them.
const operators: [string, Operator, number[]][] = [
  ["ℒ(A)", left(A), [3, 2]],
  ["ℛ(B)", right(B), [3, 2]],
  ["ℋ(M)", hadamard(M), [3, 2]],
  ["kron(B, A)", kron(B, A), [3, 2]],
  ["ℒ(A)∘𝒯", compose(left(A), transpose), [2, 3]],
  ["ℒ(C) + ℛ(B) (Sylvester)", sum(left([[1, 2, 0], [0, -1, 3], [2, 0.5, 1]]), right(B)), [3, 2]],
];

describe("checkAdjoint", () => {
  it.each(operators)("passes the reference's adjoint of %s", (_, op, domain) => {
    const x0 = Array.from({ length: domain[0]! }, () => new Array<number>(domain[1]!).fill(1));
    const codomain = shape(apply(op, x0));
    const r = checkAdjoint((x) => apply(op, asTensor(x)), (y) => apply(adjoint(op), asTensor(y)), { domain, codomain });
    expect(r.verdict, r.message).toBe("PASS");
    expect(r.scaleFrom).toBe("materialized |M|");
    expect(r.trials).toHaveLength(5);
  });

  it.each(operators)("passes impl's compiled adjoint of %s", (_, op, domain) => {
    const raw = op as unknown as RawOperator;
    const x0 = Array.from({ length: domain[0]! }, () => new Array<number>(domain[1]!).fill(0));
    const codomain = shape(applyCase({ id: "api.adjoint", description: "checkAdjoint on impl", kind: "operator", operator: raw, x: x0 }).apply);
    const r = expectAdjoint(
      (x) => applyCase({ id: "api.adjoint", description: "checkAdjoint on impl", kind: "operator", operator: raw, x: x as number[][] }).apply as number[][],
      (y) => applyCase({ id: "api.adjoint", description: "checkAdjoint on impl", kind: "operator", operator: raw, x: x0, y: y as number[][] }).adjoint as number[][],
      { domain, codomain },
    );
    expect(r.ok).toBe(true);
  });

  it("catches ℛ(B)'s adjoint without its transpose, naming the trial, both sides, the error, the allowance and the entry", () => {
    const matmul = (X: readonly (readonly number[])[], Y: readonly (readonly number[])[]) =>
      X.map((row) => Y[0]!.map((_, j) => row.reduce((s, x, k) => s + x * Y[k]![j]!, 0)));
    const r = checkAdjoint(
      (X: number[][]) => matmul(X, B),
      (Y: number[][]) => matmul(Y, B), // should be Y Bᵀ
      { domain: [3, 2], codomain: [3, 2] },
      { seed: 7 },
    );
    expect(r.verdict).toBe("FAIL");
    expect(r.ok).toBe(false);
    expect(r.worst.error).toBeGreaterThan(1e6 * r.worst.allowance);
    expect(r.message).toMatch(/^checkAdjoint FAIL \(float64, seed 7\)/);
    expect(r.message).toContain(`trial ${r.worst.trial}: ⟨A u, v⟩ = ${r.worst.applySide} (from apply), ⟨u, Aᵀ v⟩ = ${r.worst.adjointSide} (from applyAdjoint)`);
    expect(r.message).toMatch(/× the allowance/);
    // (X B)_{i,0} depends on X_{i,1} through B[1][0] = −1; the wrong adjoint uses B[0][1] = 2 there.
    expect(r.mismatch).toBeDefined();
    expect(Math.abs(r.mismatch!.apply - r.mismatch!.adjoint)).toBe(3);
    expect(() => expectAdjoint((X: number[][]) => matmul(X, B), (Y: number[][]) => matmul(Y, B), { domain: [3, 2], codomain: [3, 2] })).toThrow(CheckFailedError);
  });

  it("judges by the magnitudes of the terms when A is too large to materialize", () => {
    const op = left(A);
    const ok = checkAdjoint((x) => apply(op, asTensor(x)), (y) => apply(adjoint(op), asTensor(y)), { domain: [3, 4], codomain: [2, 4] }, { materializeLimit: 0 });
    expect(ok.scaleFrom).toBe("terms");
    expect(ok.verdict).toBe("PASS");
    const wrong = checkAdjoint((x) => apply(op, asTensor(x)), (y) => apply(left([[1, -2], [3, 0.25], [0.5, 1]]), asTensor(y)), { domain: [3, 4], codomain: [2, 4] }, { materializeLimit: 0 });
    expect(wrong.verdict).toBe("FAIL");
    expect(wrong.mismatch).toBeUndefined();
  });

  it("float32: a binary32 matrix product and its adjoint pass the float32 allowance over 50 seeds; the float64 one is too tight for it", () => {
    const fr = Math.fround;
    const n = 24;
    const G = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => fr(Math.sin(i * n + j + 1))));
    const mv = (x: readonly number[], T: boolean) => G.map((_, i) => G.reduce((s, __, j) => fr(s + fr((T ? G[j]![i]! : G[i]![j]!) * x[j]!)), 0));
    let failed32 = 0;
    let failed64 = 0;
    for (let seed = 0; seed < 50; seed++) {
      const args = [(x: number[]) => mv(x, false), (y: number[]) => mv(y, true), { domain: [n], codomain: [n] }] as const;
      if (!checkAdjoint(...args, { seed, precision: "float32", trials: 2 }).ok) failed32++;
      if (!checkAdjoint(...args, { seed, trials: 2 }).ok) failed64++;
    }
    expect(failed32).toBe(0);
    expect(failed64).toBeGreaterThan(40);
  });
});
