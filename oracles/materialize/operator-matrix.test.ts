// The materialized operator matrices against each kind's definition (spec: op.*.apply), the
// paper's worked numbers, the adjoint as the transposed matrix (spec: op.def.adjoint), and the
// faults (spec: op.def.shape, op.vocabulary, op.scale).
import { describe, expect, it } from "vitest";
import type { RawOperator } from "../../reference/case.js";
import { decimalContext } from "../decimal.js";
import { delements, dinner, dmatmul, dtranspose, dzip, fromElements, type DMatrix, type DShape, type DTensor } from "../dtensor.js";
import { matrixTranspose, matrixVector } from "./dense-matrix.js";
import { operatorMatrix } from "./operator-matrix.js";
import { codeOf, dt } from "./testing.js";

const D = decimalContext(40);

/** 𝓐X through the matrix: reshape(M vec(X)). */
function applyM(op: RawOperator, X: DTensor, S: DShape = shapeOf(X)): DTensor {
  const { matrix, codomain } = operatorMatrix(op, S, D);
  return fromElements(codomain, matrixVector(D, matrix, delements(X)));
}
function shapeOf(X: DTensor): DShape {
  return Array.isArray(X) ? [X.length, (X[0] as readonly unknown[]).length] : [];
}
const nums = (t: DTensor): number | number[][] => (Array.isArray(t) ? (t as DMatrix).map((r) => r.map(Number)) : Number(t));

const B = [[1, 2], [3, 4]];
const M = [[10, 1], [1, 10]];
const C = [[2, 5], [4, 6]];

describe("the paper's worked numbers (paper-notes §6)", () => {
  it("ℒ(M)B = [[13,24],[31,42]], ℛ(M)B = [[12,21],[34,43]], ℋ(M)B = [[10,2],[3,40]]", () => {
    expect(nums(applyM({ op: "left", matrix: M }, dt(D, B)))).toEqual([[13, 24], [31, 42]]);
    expect(nums(applyM({ op: "right", matrix: M }, dt(D, B)))).toEqual([[12, 21], [34, 43]]);
    expect(nums(applyM({ op: "hadamard", matrix: M }, dt(D, B)))).toEqual([[10, 2], [3, 40]]);
  });

  it("⟨B, ℒ(M)C⟩ = ⟨ℒ(M)ᵀ•B, C⟩ = 522, the adjoint being the transposed matrix", () => {
    const { matrix } = operatorMatrix({ op: "left", matrix: M }, [2, 2], D);
    const LC = fromElements([2, 2], matrixVector(D, matrix, delements(dt(D, C))));
    const LtB = fromElements([2, 2], matrixVector(D, matrixTranspose(matrix), delements(dt(D, B))));
    expect(dinner(D, dt(D, B), LC).toNumber()).toBe(522);
    expect(dinner(D, LtB, dt(D, C)).toNumber()).toBe(522);
    expect(nums(LtB)).toEqual([[13, 24], [31, 42]]); // MᵀB = MB, M being symmetric
  });
});

const code = (op: RawOperator, S: DShape): string => codeOf(() => operatorMatrix(op, S, D));

describe("each kind against its definition", () => {
  const A23 = [[1, 2, 0], [-1, 3, 1]];
  const X32 = [[1, 2], [3, 4], [5, 6]];
  const X23 = [[1, -2, 0.5], [3, 0, -1]];
  const mm = (a: number[][], b: number[][]): DTensor => dmatmul(D, dt(D, a) as DMatrix, dt(D, b) as DMatrix);
  const T = (a: number[][]): number[][] => a[0]!.map((_, j) => a.map((r) => r[j]!));

  it("identity, zero (with and without declared shapes), scale", () => {
    expect(nums(applyM({ op: "identity" }, dt(D, X23)))).toEqual(X23);
    expect(nums(applyM({ op: "zero" }, dt(D, X23)))).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(operatorMatrix({ op: "zero", domain: [2, 3], codomain: [] }, [2, 3], D).matrix.map((r) => r.length)).toEqual([6]);
    expect(nums(applyM({ op: "zero", codomain: [1, 2] }, dt(D, 5)))).toEqual([[0, 0]]);
    expect(nums(applyM({ op: "scale", by: -1.5 }, dt(D, X23)))).toEqual([[-1.5, 3, -0.75], [-4.5, 0, 1.5]]);
  });

  it("left(A) is AX, right(A) is XA, kron(A, B) is B X Aᵀ", () => {
    expect(nums(applyM({ op: "left", matrix: A23 }, dt(D, X32)))).toEqual(nums(mm(A23, X32)));
    expect(nums(applyM({ op: "right", matrix: X32 }, dt(D, A23)))).toEqual(nums(mm(A23, X32)));
    const Bk = [[1, 0], [2, -1], [0, 3]]; // 3×2, so X is 2×3 and B X Aᵀ is 3×2
    expect(nums(applyM({ op: "kron", a: A23, b: Bk }, dt(D, X23)))).toEqual(nums(mm(nums(mm(Bk, X23)) as number[][], T(A23))));
  });

  it("hadamard, dot, outer on matrices and scalars", () => {
    expect(nums(applyM({ op: "hadamard", matrix: X23 }, dt(D, A23)))).toEqual(nums(dzip(dt(D, X23), dt(D, A23), (a, b) => a.times(b))));
    expect(nums(applyM({ op: "hadamard", matrix: 3 }, dt(D, 0.5)))).toBe(1.5);
    expect(nums(applyM({ op: "dot", matrix: X23 }, dt(D, A23)))).toBe(dinner(D, dt(D, X23), dt(D, A23)).toNumber());
    expect(nums(applyM({ op: "dot", matrix: 4 }, dt(D, -2)))).toBe(-8);
    expect(nums(applyM({ op: "outer", matrix: X23 }, dt(D, 2)))).toEqual([[2, -4, 1], [6, 0, -2]]);
    expect(nums(applyM({ op: "outer", matrix: 7 }, dt(D, 2)))).toBe(14);
  });

  it("transpose is the commutation matrix; on scalars the identity", () => {
    expect(nums(applyM({ op: "transpose" }, dt(D, X23)))).toEqual(nums(dtranspose(dt(D, X23))));
    expect(nums(applyM({ op: "transpose" }, dt(D, -3)))).toBe(-3);
  });

  it("compose applies the last operator first; sum adds", () => {
    const op: RawOperator = { op: "compose", of: [{ op: "left", matrix: A23 }, { op: "transpose" }] };
    expect(nums(applyM(op, dt(D, X23)))).toEqual(nums(mm(A23, T(X23))));
    const syl: RawOperator = { op: "sum", of: [{ op: "left", matrix: M }, { op: "right", matrix: C }] };
    expect(nums(applyM(syl, dt(D, B)))).toEqual([[13 + 10, 24 + 17], [31 + 22, 42 + 39]]);
  });

  it("adjoint(o) is the transposed matrix, and lands where o's domain is", () => {
    const left: RawOperator = { op: "left", matrix: A23 }; // 3-row points → 2-row points
    const { matrix, codomain } = operatorMatrix({ op: "adjoint", of: left }, [2, 4], D);
    expect(codomain).toEqual([3, 4]);
    const direct = operatorMatrix(left, [3, 4], D).matrix;
    expect(matrix.flat().map(Number)).toEqual(matrixTranspose(direct).flat().map(Number));
    // adjoint(adjoint(o)) materializes to o's own matrix (law.involution, by construction here).
    const twice = operatorMatrix({ op: "adjoint", of: { op: "adjoint", of: left } }, [3, 4], D);
    expect(twice.codomain).toEqual([2, 4]);
    expect(twice.matrix.flat().map(Number)).toEqual(direct.flat().map(Number));
    // adjoint(dot(G)) is c ↦ cG; adjoint(outer(G)) is ⟨G, ·⟩.
    expect(nums(applyM({ op: "adjoint", of: { op: "dot", matrix: B } }, dt(D, 1.5)))).toEqual([[1.5, 3], [4.5, 6]]);
    expect(nums(applyM({ op: "adjoint", of: { op: "outer", matrix: B } }, dt(D, C)))).toBe(48);
    // A zero's adjoint follows op.zero.adjoint's choice: without a domain it maps T back to T …
    expect(operatorMatrix({ op: "adjoint", of: { op: "zero", codomain: [1, 3] } }, [1, 3], D).codomain).toEqual([1, 3]);
    // … and with a domain D but no codomain it maps any point to 0_D (not the true adjoint, which
    // would only accept D: the spec's data adjoint decides, op.def.data-adjoint), also inside a chain.
    const z = operatorMatrix({ op: "adjoint", of: { op: "zero", domain: [2, 2] } }, [2, 3], D);
    expect(z.codomain).toEqual([2, 2]);
    expect(z.matrix.flat().every((x) => x.isZero()) && z.matrix.length === 4 && z.matrix[0]!.length === 6).toBe(true);
    const chain: RawOperator = { op: "adjoint", of: { op: "compose", of: [{ op: "left", matrix: A23 }, { op: "zero", domain: [1, 1] }] } };
    expect(operatorMatrix(chain, [2, 5], D).codomain).toEqual([1, 1]);
    expect(code(chain, [3, 5])).toBe("E_SHAPE"); // left(Aᵀ) still checks its point
    // sum([left(A), zero{domain: 3×1}]) applies nowhere (2×1 + 3×1), but its data adjoint at a 2×1
    // point is left(Aᵀ) + zero{codomain: 3×1}: Y ↦ AᵀY.
    const mixed: RawOperator = { op: "adjoint", of: { op: "sum", of: [{ op: "left", matrix: A23 }, { op: "zero", domain: [3, 1] }] } };
    expect(nums(applyM(mixed, dt(D, [[1], [2]])))).toEqual([[-1], [8], [2]]);
  });

  it("reads numbers as exact binary64 values by default, as decimals on request", () => {
    const op: RawOperator = { op: "scale", by: "0.1" };
    expect(operatorMatrix(op, [], D).matrix[0]![0]!.toString()).toBe("0.1000000000000000055511151231257827021182");
    expect(operatorMatrix(op, [], D, { numbers: "decimal" }).matrix[0]![0]!.toString()).toBe("0.1");
  });
});

describe("faults", () => {
  const cases: [string, RawOperator, DShape, string][] = [
    ["left: rows ≠ A's columns", { op: "left", matrix: [[1, 2, 3], [4, 5, 6]] }, [2, 2], "E_SHAPE"],
    ["left: scalar point", { op: "left", matrix: B }, [], "E_SHAPE"],
    ["left: scalar matrix", { op: "left", matrix: 2 }, [2, 2], "E_SHAPE"],
    ["right: columns ≠ A's rows", { op: "right", matrix: B }, [3, 3], "E_SHAPE"],
    ["hadamard: shapes differ", { op: "hadamard", matrix: B }, [2, 3], "E_SHAPE"],
    ["kron: point not s×q", { op: "kron", a: B, b: B }, [3, 3], "E_SHAPE"],
    ["dot: shapes differ", { op: "dot", matrix: B }, [2, 3], "E_SHAPE"],
    ["outer: 1×1 matrix point", { op: "outer", matrix: B }, [1, 1], "E_SHAPE"],
    ["zero: domain differs", { op: "zero", domain: [2, 2] }, [2, 3], "E_SHAPE"],
    ["sum: codomains differ", { op: "sum", of: [{ op: "identity" }, { op: "transpose" }] }, [2, 3], "E_SHAPE"],
    ["compose: chain misfit", { op: "compose", of: [{ op: "left", matrix: B }, { op: "left", matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }] }, [3, 1], "E_SHAPE"],
    ["adjoint: no domain maps onto the point", { op: "adjoint", of: { op: "left", matrix: [[1, 2, 3], [4, 5, 6]] } }, [3, 1], "E_SHAPE"],
    ["unknown kind", { op: "rotate" } as unknown as RawOperator, [2, 2], "E_UNKNOWN_OP"],
    ["unknown kind, nested, before a shape fault", { op: "compose", of: [{ op: "inverse" } as unknown as RawOperator, { op: "left", matrix: 2 }] }, [2, 2], "E_UNKNOWN_OP"],
    ["non-finite scale", { op: "scale", by: "NaN" }, [2, 2], "E_VALUE"],
    ["malformed number", { op: "scale", by: "1,5" } as RawOperator, [], "E_SCHEMA"],
  ];
  for (const [name, op, S, expected] of cases) {
    it(`${name} → ${expected}`, () => expect(code(op, S)).toBe(expected));
  }
  it("is E_SHAPE-free exactly where the point fits", () => {
    expect(code({ op: "left", matrix: [[1, 2, 3], [4, 5, 6]] }, [3, 7])).toBe("none");
    expect(code({ op: "adjoint", of: { op: "left", matrix: [[1, 2, 3], [4, 5, 6]] } }, [2, 7])).toBe("none");
  });
});
