// Gaussian elimination with partial pivoting, on dense matrices with known exact solutions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalContext } from "../decimal.js";
import { matrixVector, type DenseMatrix } from "./dense-matrix.js";
import { gaussSolve, type GaussStats } from "./gauss.js";

const D = decimalContext(40);
const dm = (rows: number[][]): DenseMatrix => rows.map((r) => r.map((x) => new D(x)));

describe("gaussSolve", () => {
  it("solves a system that needs a row exchange (zero leading entry)", () => {
    const stats: GaussStats = { swaps: 0, eliminations: 0 };
    const x = gaussSolve(dm([[0, 1], [2, 3]]), [new D(4), new D(17)], stats);
    expect(x.map(Number)).toEqual([2.5, 4]);
    expect(stats.swaps).toBe(1);
  });

  it("recovers integer solutions of random integer systems exactly (to 40 digits)", () => {
    const n = fc.integer({ min: 1, max: 7 });
    const arb = n.chain((k) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: k, maxLength: k }),
      ),
    );
    let solved = 0;
    fc.assert(
      fc.property(arb, ([a, xs]) => {
        const A = dm(a);
        const x = xs.map((v) => new D(v));
        const b = matrixVector(D, A, x);
        let y: InstanceType<typeof D>[];
        try {
          y = gaussSolve(A, b);
        } catch {
          return true; // singular: nothing to check (counted below)
        }
        solved++;
        // A nonsingular integer matrix has |det| ≥ 1, so |A⁻¹| ≤ |adj A| ≤ 6!·9⁶ ≈ 3.8e8 and
        // cond ≤ 63·3.8e8 < 3e10: at 40 digits the error is below 3e10·1e-39·|x| < 1e-26.
        return y.every((v, i) => v.minus(x[i] as InstanceType<typeof D>).abs().lt(1e-20));
      }),
      { numRuns: 200, seed: 7 },
    );
    expect(solved).toBeGreaterThan(150);
  });

  it("solves the 6×6 Hilbert system to near working precision", () => {
    const n = 6;
    const H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => new D(1).div(i + j + 1)));
    const x = Array.from({ length: n }, () => new D(1));
    const y = gaussSolve(H, matrixVector(D, H, x));
    // cond(H6) ≈ 1.5e7: expect ~40 − 7 correct digits.
    expect(y.every((v) => v.minus(1).abs().lt(1e-30))).toBe(true);
  });

  it("rejects singular matrices as an internal error", () => {
    expect(() => gaussSolve(dm([[1, 2], [2, 4]]), [new D(1), new D(2)])).toThrow(/singular/);
  });
});
