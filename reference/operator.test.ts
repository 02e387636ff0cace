// Operators: the paper's worked numbers and the transpose-dot laws (spec: law.adjoint-identity,
// law.involution, law.reversal, law.linearity, law.identity-zero).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as O from "./operator.js";
import type { Operator } from "./operator.js";
import { adjoint } from "./operator-adjoint.js";
import { apply } from "./operator-apply.js";
import { formatOperator } from "./operator-format.js";
import * as T from "./tensor.js";

const B = [[1, 2], [3, 4]];
const M = [[10, 1], [1, 10]];
const C = [[2, 5], [4, 6]];

describe("the paper's worked numbers (paper-notes §6)", () => {
  it("ℒ(M)B, ℛ(M)B, ℋ(M)B", () => {
    expect(apply(O.left(M), B)).toEqual([[13, 24], [31, 42]]);
    expect(apply(O.right(M), B)).toEqual([[12, 21], [34, 43]]);
    expect(apply(O.hadamard(M), B)).toEqual([[10, 2], [3, 40]]);
  });
  it("⟨B, ℒ(M)C⟩ = ⟨ℒ(M)ᵀ•B, C⟩ = 522", () => {
    expect(T.inner(B, apply(O.left(M), C))).toBe(522);
    expect(T.inner(apply(adjoint(O.left(M)), B), C)).toBe(522);
  });
  it("prints as the paper does", () => {
    const named = (t: T.Tensor): string | undefined => (t === M ? "M" : t === B ? "B" : undefined);
    expect(formatOperator(O.compose(O.hadamard(B), O.left(M)), named)).toBe("ℋ(B)∘ℒ(M)");
    expect(formatOperator(O.dot(B), named)).toBe("Bᵀ•");
  });
});

describe("closed forms of each kind's apply", () => {
  it("kron(A, B) X = B X Aᵀ and its adjoint Y ↦ Bᵀ Y A", () => {
    const A = [[1, 2, 0]]; // 1×3
    const Bm = [[1], [2]]; // 2×1
    const X = [[1, -1, 2]]; // 1×3 → B X Aᵀ is 2×1
    expect(apply(O.kron(A, Bm), X)).toEqual([[-1], [-2]]);
    expect(apply(adjoint(O.kron(A, Bm)), [[1], [1]])).toEqual([[3, 6, 0]]);
  });
  it("dot, outer, transpose, zero with shapes, scale, sum, compose", () => {
    expect(apply(O.dot(B), C)).toBe(2 + 10 + 12 + 24);
    expect(apply(O.outer(B), 2)).toEqual([[2, 4], [6, 8]]);
    expect(apply(O.transpose, [[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(apply(O.zero([2, 2], []), B)).toBe(0);
    expect(apply(adjoint(O.zero([2, 2], [])), 5)).toEqual([[0, 0], [0, 0]]);
    expect(apply(O.sum(O.identity, O.scale(2)), B)).toEqual([[3, 6], [9, 12]]);
    expect(apply(O.compose(O.left(M), O.transpose), B)).toEqual([[12, 34], [21, 43]]); // M Bᵀ
    expect(apply(O.adjointOf(O.right(M)), B)).toEqual(apply(O.right(T.transpose(M)), B));
  });
  it("rejects a point that does not fit with E_SHAPE", () => {
    expect(() => apply(O.left(M), [[1, 2, 3]])).toThrow(/E_SHAPE/);
    expect(() => apply(O.outer(B), B)).toThrow(/E_SHAPE/);
    expect(() => apply(O.zero([3, 1], []), B)).toThrow(/E_SHAPE/);
    expect(() => apply(O.sum(O.identity, O.transpose), [[1, 2]])).toThrow(/E_SHAPE/);
  });
});

// Random operators with their domain shape, built index-wise so shrinking reaches small ones.
const small = fc.integer({ min: -4, max: 4 });
const matrixOf = (m: number, n: number) => fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: m, maxLength: m });
const dims = fc.integer({ min: 1, max: 3 });

interface Typed {
  readonly op: Operator;
  readonly from: T.Shape;
  readonly to: T.Shape;
}

/** An operator from [m,n] (or scalar) to a shape it chooses, of depth ≤ d. */
function operatorFrom(from: T.Shape, d: number): fc.Arbitrary<Typed> {
  const same = (op: Operator): Typed => ({ op, from, to: from });
  const leaves: fc.Arbitrary<Typed>[] = [
    fc.constant(same(O.identity)),
    small.map((c) => same(O.scale(c))),
    fc.constant(same(O.transpose)).map((t) => ({ ...t, to: (from.length === 0 ? [] : [from[1], from[0]]) as T.Shape })),
  ];
  if (from.length === 0) {
    leaves.push(dims.chain((m) => dims.chain((n) => matrixOf(m, n).map((G): Typed => ({ op: O.outer(G), from, to: [m, n] })))));
  } else {
    const [m, n] = from;
    leaves.push(
      matrixOf(m, n).map((Mk) => same(O.hadamard(Mk))),
      matrixOf(m, n).map((G): Typed => ({ op: O.dot(G), from, to: [] })),
      dims.chain((k) => matrixOf(k, m).map((A): Typed => ({ op: O.left(A), from, to: [k, n] }))),
      dims.chain((k) => matrixOf(n, k).map((A): Typed => ({ op: O.right(A), from, to: [m, k] }))),
      fc.tuple(dims, dims).chain(([p, q]) => fc.tuple(matrixOf(q, n), matrixOf(p, m)).map(([A, Bk]): Typed => ({ op: O.kron(A, Bk), from, to: [p, q] }))),
      dims.chain((k) => dims.map((l): Typed => ({ op: O.zero(from, [k, l]), from, to: [k, l] }))),
    );
  }
  const leaf = fc.oneof(...leaves);
  if (d === 0) return leaf;
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    // compose: first o2 from `from`, then o1 from o2's codomain
    { weight: 1, arbitrary: operatorFrom(from, d - 1).chain((inner) => operatorFrom(inner.to, d - 1).map((outer): Typed => ({ op: O.compose(outer.op, inner.op), from, to: outer.to }))) },
    { weight: 1, arbitrary: operatorFrom(from, d - 1).map((t): Typed => ({ ...t, op: O.adjointOf(adjoint(t.op)) })) },
    { weight: 1, arbitrary: operatorFrom(from, d - 1).chain((t) => small.map((c): Typed => ({ ...t, op: O.sum(t.op, O.compose(O.scale(c), t.op)) }))) },
  );
}

/** Integer arithmetic is exact, but may give −0 on one side and +0 on the other. */
const plain = (t: T.Tensor): T.Tensor => T.map(t, (x) => x + 0);

const shape: fc.Arbitrary<T.Shape> = fc.oneof(fc.constant([] as T.Shape), fc.tuple(dims, dims) as fc.Arbitrary<T.Shape>);
const tensorOf = (s: T.Shape): fc.Arbitrary<T.Tensor> => (s.length === 0 ? small : matrixOf(s[0], s[1]));
const withPoints = shape.chain((s) => operatorFrom(s, 2)).chain((t) => fc.tuple(fc.constant(t), tensorOf(t.from), tensorOf(t.to), tensorOf(t.from)));

describe("transpose-dot laws on random operators (integer data: exact arithmetic)", () => {
  it("adjoint identity ⟨G, 𝓐X⟩ = ⟨𝓐ᵀ•G, X⟩", () => {
    fc.assert(fc.property(withPoints, ([t, X, G]) => {
      expect(T.inner(G, apply(t.op, X)) + 0).toBe(T.inner(apply(adjoint(t.op), G), X) + 0);
    }), { seed: 20240315, numRuns: 300 });
  });
  it("involution (𝓐ᵀ•)ᵀ• = 𝓐", () => {
    fc.assert(fc.property(withPoints, ([t, X]) => {
      expect(plain(apply(adjoint(adjoint(t.op)), X))).toEqual(plain(apply(t.op, X)));
    }), { seed: 7, numRuns: 200 });
    // and as data, for operators without `adjoint` nodes
    const A = O.compose(O.left(M), O.kron(B, C), O.dot(B));
    expect(adjoint(adjoint(A))).toEqual(A);
  });
  it("reversal (𝓐∘𝓑)ᵀ• = 𝓑ᵀ•∘𝓐ᵀ• and linearity (α𝓐 + 𝓑)ᵀ• = α𝓐ᵀ• + 𝓑ᵀ•, applied", () => {
    fc.assert(fc.property(withPoints, small, ([t, , G, X2], alpha) => {
      const both = O.compose(t.op, O.identity, O.scale(3));
      expect(plain(apply(adjoint(both), G))).toEqual(plain(apply(O.compose(O.scale(3), O.identity, adjoint(t.op)), G)));
      const lin = O.sum(O.compose(O.scale(alpha), t.op), t.op);
      expect(plain(apply(adjoint(lin), G))).toEqual(plain(apply(O.scale(alpha + 1), apply(adjoint(t.op), G))));
      expect(plain(apply(lin, X2))).toEqual(plain(apply(O.scale(alpha + 1), apply(t.op, X2))));
    }), { seed: 11, numRuns: 200 });
  });
  it("identity and zero are their own adjoints", () => {
    expect(adjoint(O.identity)).toEqual(O.identity);
    expect(adjoint(O.zero([2, 3], [2, 3]))).toEqual(O.zero([2, 3], [2, 3]));
  });
});
