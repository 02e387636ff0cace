// The one generic solver, on five element types (spec: system.solver).
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { compositionAlgebra, numberAlgebra, operatorAlgebra } from "./algebra.js";
import * as O from "./operator.js";
import { apply } from "./operator-apply.js";
import { formatOperator } from "./operator-format.js";
import { solveTriangular, type Algebra } from "./solve.js";
import * as T from "./tensor.js";

/** I − L for the complete DAG on four nodes, weights as in the paper (paper-notes §1). */
function completeDag<E>(w: Record<"a1" | "b1" | "c1" | "b2" | "c2" | "c3", E>, one: E, zero: E, neg: (e: E) => E): E[][] {
  const { a1, b1, c1, b2, c2, c3 } = w;
  return [
    [one, zero, zero, zero],
    [neg(a1), one, zero, zero],
    [neg(b1), neg(b2), one, zero],
    [neg(c1), neg(c2), neg(c3), one],
  ];
}

describe("solveTriangular on numbers", () => {
  it("back substitution gives the poster DAG's path weights acd and bcd", () => {
    const [a, b, c, d] = [2, 3, 5, 7];
    const A = [
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [-a, -b, 1, 0, 0],
      [0, 0, -c, 1, 0],
      [0, 0, 0, -d, 1],
    ];
    expect(solveTriangular(A, [0, 0, 0, 0, 1], numberAlgebra, true)).toEqual([a * c * d, b * c * d, c * d, d, 1]);
  });

  it("forward substitution on a general lower-triangular matrix inverts it", () => {
    const A = [
      [2, 0, 0],
      [1, 4, 0],
      [-3, 5, 0.5],
    ];
    // x solves A x = b with x = (1, −2, 3): b = A x.
    const x = [1, -2, 3];
    const b = A.map((row) => row.reduce((s, v, j) => s + v * (x[j] as number), 0));
    expect(solveTriangular(A, b, numberAlgebra)).toEqual(x);
    // and Aᵀ y = c with y = (4, 1, −1)
    const y = [4, 1, -1];
    const c = [0, 1, 2].map((j) => A.reduce((s, row, i) => s + (row[j] as number) * (y[i] as number), 0));
    expect(solveTriangular(A, c, numberAlgebra, true)).toEqual(y);
  });
});

describe("solveTriangular on decimal.js values", () => {
  const D = Decimal.clone({ precision: 50 });
  const decimalAlgebra: Algebra<Decimal, Decimal> = {
    mul: (a, x) => a.times(x),
    sub: (x, y) => x.minus(y),
    ldiv: (a, x) => x.dividedBy(a),
    adjoint: (a) => a,
  };

  it("gives entry (1,4) of the complete DAG's path-weight matrix exactly: 14.061", () => {
    const w = { a1: "1.1", b1: "1.3", c1: "1.7", b2: "1.9", c2: "2.3", c3: "2.9" };
    const A = completeDag(
      Object.fromEntries(Object.entries(w).map(([k, v]) => [k, new D(v)])) as Record<keyof typeof w, Decimal>,
      new D(1),
      new D(0),
      (e) => e.negated(),
    );
    const y = solveTriangular(A, [new D(0), new D(0), new D(0), new D(1)], decimalAlgebra, true);
    expect(y[0]?.toString()).toBe("14.061");
    // a1·b2·c3 + a1·c2 + b1·c3 + c1, each path in its own term
    expect(y[1]?.toString()).toBe("7.81"); // b2·c3 + c2 = 5.51 + 2.3
  });
});

describe("solveTriangular on operator entries acting on tensors", () => {
  it("back-propagates through ℋ(Δ)∘ℒ(W) blocks like textbook backprop", () => {
    const W = [[1, 2], [3, 4]];
    const Delta = [[0.5, -1], [2, 0.25]];
    const g = [[1, -1], [2, 3]];
    const edge = O.compose(O.hadamard(Delta), O.left(W)); // X₁ = Δ ⊙ (W X₀) linearized
    const A = [
      [O.identity, O.zero([2, 2], [2, 2])],
      [O.compose(O.scale(-1), edge), O.identity],
    ];
    const y = solveTriangular(A, [T.zeros([2, 2]), g], operatorAlgebra, true);
    // ȳ₀ = Wᵀ (Δ ⊙ g), computed by hand: Δ ⊙ g = [[0.5, 1], [4, 0.75]]
    expect(y[0]).toEqual([[0.5 + 3 * 4, 1 + 3 * 0.75], [2 * 0.5 + 4 * 4, 2 * 1 + 4 * 0.75]]);
    expect(y[1]).toEqual(g);
  });

  it("mixes scalar and matrix unknowns through dot and outer", () => {
    const G = [[1, 2], [3, 4]];
    // unknown 0: 2×2 matrix X, unknown 1: scalar c = ⟨G, X⟩
    const A = [
      [O.identity, O.zero([], [2, 2])],
      [O.compose(O.scale(-1), O.dot(G)), O.identity],
    ];
    const y = solveTriangular(A, [T.zeros([2, 2]), 3], operatorAlgebra, true);
    expect(y).toEqual([[[3, 6], [9, 12]], 3]);
  });
});

describe("solveTriangular on operators composed with operators", () => {
  it("returns the path-weight operators of the poster DAG, printable as products", () => {
    const [a, b, c, d] = [O.scale(2), O.scale(3), O.scale(5), O.scale(7)];
    const z = O.zero([], []);
    const n = (e: O.Operator): O.Operator => O.compose(O.scale(-1), e);
    const A = [
      [O.identity, z, z, z, z],
      [z, O.identity, z, z, z],
      [n(a), n(b), O.identity, z, z],
      [z, z, n(c), O.identity, z],
      [z, z, z, n(d), O.identity],
    ];
    const rhs = [z, z, z, z, O.identity];
    const y = solveTriangular(A, rhs, compositionAlgebra, true);
    // The solution entries are operators; applied to 1 they give the scalar path weights.
    expect(y.map((o) => apply(o, 1))).toEqual([70, 105, 35, 7, 1]);
    expect(formatOperator(y[4] as O.Operator)).toBe("𝓘∘𝓘");
  });
});

describe("solveTriangular on hostile element types", () => {
  // Non-square matrix blocks: unknown i is an nᵢ×1 block, entry (i, j) an nᵢ×nⱼ block.
  const sizes = [1, 3, 2];
  const blockAlgebra: Algebra<T.Matrix, T.Matrix> = {
    mul: (a, x) => T.matmul(a, x),
    sub: (x, y) => T.sub(x, y) as T.Matrix,
    ldiv: (a, x) => {
      // Diagonal blocks here are diagonal matrices.
      return x.map((row, i) => row.map((v) => v / T.at(a, i, i)));
    },
    adjoint: (a) => T.transpose(a) as T.Matrix,
  };
  const block = (i: number, j: number): T.Matrix =>
    T.build(sizes[i] as number, sizes[j] as number, (r, c) => (i === j ? (r === c ? 2 + r : 0) : i > j ? 1 + r - c * 0.5 + i : 0));
  const A = sizes.map((_, i) => sizes.map((_, j) => block(i, j)));
  // The same matrix assembled densely, 6×6.
  const offsets = [0, 1, 4];
  const dense = T.build(6, 6, (r, c) => {
    const i = offsets.filter((o) => o <= r).length - 1;
    const j = offsets.filter((o) => o <= c).length - 1;
    return T.at(block(i, j), r - (offsets[i] as number), c - (offsets[j] as number));
  });
  const x = [[[1]], [[-1], [2], [0.5]], [[3], [-2]]];
  const flat = x.flatMap((b) => b.map((row) => row[0] as number));

  it("forward substitution with rectangular blocks matches the dense product", () => {
    const b = sizes.map((_, i) => sizes.reduce((acc: T.Matrix, _s, j) => T.add(acc, T.matmul(block(i, j), x[j] as T.Matrix)) as T.Matrix, T.zeros([sizes[i] as number, 1]) as T.Matrix));
    const solved = solveTriangular(A, b, blockAlgebra);
    expect(solved.flatMap((m) => m.map((row) => row[0] as number))).toEqual(flat.map((v) => expect.closeTo(v, 12)));
  });

  it("back substitution on the block transpose solves the dense transposed system", () => {
    const denseT = T.transpose(dense) as T.Matrix;
    const c = T.matmul(denseT, flat.map((v) => [v]));
    const rhs = [c.slice(0, 1), c.slice(1, 4), c.slice(4, 6)];
    const solved = solveTriangular(A, rhs, blockAlgebra, true);
    expect(solved.flatMap((m) => m.map((row) => row[0] as number))).toEqual(flat.map((v) => expect.closeTo(v, 12)));
  });

  it("visits rows last to first in back substitution and uses only solved unknowns (a tracing algebra)", () => {
    const calls: string[] = [];
    const tracing: Algebra<string, string> = {
      mul: (a, x) => (calls.push(`mul ${a} ${x}`), `${a}·${x}`),
      sub: (x, y) => `(${x} − ${y})`,
      ldiv: (a, x) => (calls.push(`ldiv ${a}`), `x${a.slice(1, 2)}`),
      adjoint: (a) => `${a}'`,
    };
    const M = [0, 1, 2].map((i) => [0, 1, 2].map((j) => `a${i}${j}`));
    const y = solveTriangular(M, ["b0", "b1", "b2"], tracing, true);
    expect(calls).toEqual(["ldiv a22'", "mul a21' x2", "ldiv a11'", "mul a20' x2", "mul a10' x1", "ldiv a00'"]);
    expect(y).toEqual(["x2", "x1", "x0"].reverse());
  });
});
