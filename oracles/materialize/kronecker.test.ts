// The explicit matrices the materialization is built from: Kronecker products and the commutation
// matrix in the spec's row-major vec order (spec: op.kron, op.transpose.apply).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalContext } from "../decimal.js";
import { delements, dmatmul, dtranspose, type DMatrix } from "../dtensor.js";
import { commutationMatrix } from "./commutation.js";
import { identityMatrix, matrixProduct, matrixVector } from "./dense-matrix.js";
import { kronecker } from "./kronecker.js";
import { dt } from "./testing.js";

const D = decimalContext(40);
const small = fc.integer({ min: -9, max: 9 });
const matrix = (m: number, n: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: m, maxLength: m });
const dims = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
const equal = (a: readonly InstanceType<typeof D>[], b: readonly InstanceType<typeof D>[]): boolean =>
  a.length === b.length && a.every((x, i) => x.equals(b[i] as InstanceType<typeof D>));

describe("kronecker", () => {
  it("has blocks A_ij·B", () => {
    const K = kronecker(D, dt(D, [[1, 2], [3, 4]]) as DMatrix, dt(D, [[0, 5], [6, 7]]) as DMatrix);
    expect(K.map((r) => r.map(Number))).toEqual([
      [0, 5, 0, 10],
      [6, 7, 12, 14],
      [0, 15, 0, 20],
      [18, 21, 24, 28],
    ]);
  });

  it("vec(AXB) = (A ⊗ Bᵀ) vec(X) in row-major order, on random integer matrices", () => {
    const arb = dims.chain(([m, k, l, n]) => fc.tuple(matrix(m, k), matrix(k, l), matrix(l, n)));
    fc.assert(
      fc.property(arb, ([a, x, b]) => {
        const [A, X, B] = [a, x, b].map((t) => dt(D, t) as DMatrix) as [DMatrix, DMatrix, DMatrix];
        const direct = delements(dmatmul(D, dmatmul(D, A, X), B));
        const viaKron = matrixVector(D, kronecker(D, A, dtranspose(B) as DMatrix), delements(X));
        return equal(direct, viaKron);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it("satisfies the mixed-product rule (A ⊗ B)(C ⊗ E) = AC ⊗ BE", () => {
    const arb = dims.chain(([m, k, r, s]) => fc.tuple(matrix(m, k), matrix(k, 2), matrix(r, s), matrix(s, 3)));
    fc.assert(
      fc.property(arb, ([a, c, b, e]) => {
        const [A, C, B, E] = [a, c, b, e].map((t) => dt(D, t) as DMatrix) as [DMatrix, DMatrix, DMatrix, DMatrix];
        const lhs = matrixProduct(D, kronecker(D, A, B), kronecker(D, C, E));
        const rhs = kronecker(D, dmatmul(D, A, C), dmatmul(D, B, E));
        return equal(lhs.flat(), rhs.flat());
      }),
      { numRuns: 50, seed: 4 },
    );
  });
});

describe("commutationMatrix", () => {
  it("maps vec(X) to vec(Xᵀ)", () => {
    fc.assert(
      fc.property(dims.chain(([m, n]) => matrix(m, n)), (x) => {
        const X = dt(D, x) as DMatrix;
        const K = commutationMatrix(D, X.length, (X[0] as readonly unknown[]).length);
        return equal(matrixVector(D, K, delements(X)), delements(dtranspose(X)));
      }),
      { numRuns: 50, seed: 5 },
    );
  });

  it("is a permutation whose inverse is K_{n,m}", () => {
    const K = commutationMatrix(D, 2, 3);
    expect(K.every((row) => row.filter((x) => !x.isZero()).length === 1)).toBe(true);
    expect(matrixProduct(D, commutationMatrix(D, 3, 2), K).flat().map(Number)).toEqual(identityMatrix(D, 6).flat().map(Number));
  });
});
