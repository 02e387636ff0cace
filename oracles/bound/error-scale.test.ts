// The error-bound scale b on tiny graphs, against closed forms worked by hand from the rules of
// spec/07-tolerance.md (spec: tol.bound, tol.values, tol.depth, tol.abs-operator).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../../conformance/arbitraries/smooth-graph.js";
import type { GraphCase, RawNode } from "../../reference/case.js";
import { adjoint, apply, elements, gradient, type Operator, type Tensor } from "../../reference/index.js";
import * as O from "../../reference/operator.js";
import { absOperator } from "./abs-operator.js";
import { errorScale } from "./error-scale.js";

const graph = (inputs: Record<string, Tensor>, nodes: RawNode[], output: string, wrt?: string[]): GraphCase => ({
  id: "tiny",
  description: "",
  kind: "graph",
  graph: { inputs: Object.entries(inputs).map(([id, value]) => ({ id, value })), nodes, output },
  ...(wrt === undefined ? {} : { wrt }),
});

describe("errorScale: closed forms", () => {
  it("y = a·b: b_a = |b|, b_b = |a|; value scale |ab|; D = 2 + 3", () => {
    const s = errorScale(graph({ a: -3, b: 5 }, [{ id: "y", op: "mul", args: ["a", "b"] }], "y"));
    expect(s.gradient).toEqual({ a: 5, b: 3 });
    expect(s.linear).toEqual({ a: 5, b: 3 });
    expect(s.value).toBe(15);
    // Sources: one edge out + 1; mul: count 2 + no edge out + 1.
    expect(s.depth).toBe(5);
    // Rounded inputs move the other factor's edge: |δℋ(b)| = |b|, and the value by |a||b| + |b||a|.
    expect(s.inputRounding).toEqual({ value: 30, gradient: { a: 5, b: 3 } });
    expect(s.fragile).toEqual([]);
  });

  it("y = x − x: the exact zero gradient gets b = 2, the exact zero value gets 0", () => {
    const c = graph({ x: 0.7 }, [{ id: "y", op: "sub", args: ["x", "x"] }], "y");
    expect(gradient(c).gradient.x).toBe(0);
    const s = errorScale(c);
    expect(s.gradient).toEqual({ x: 2 }); // |𝓘| + |scale(−1)|
    expect(s.value).toBe(0); // x − x is exact in binary64: no rounding to bound
    expect(s.depth).toBe(6); // x: 2 edges out + 1; sub: 2 + 0 + 1
  });

  it("an input no path reaches gets b = 0 (its gradient must be exactly 0)", () => {
    const s = errorScale(graph({ a: 1, b: 2 }, [{ id: "y", op: "sin", args: ["a"] }], "y"));
    expect(s.gradient.b).toBe(0);
    // |cos 1| for the path, plus |cos 1| for the rounding of forming the edge cos(1) (tol.values).
    expect(s.linear.a).toBe(Math.abs(Math.cos(1)));
    expect(s.gradient.a).toBe(2 * Math.abs(Math.cos(1)));
  });

  it("the worked example of spec 4.5: b_x = 2·|∇_x l| (half path weights, half the rounding of y)", () => {
    const c = graph(
      { A: [[1, 2], [3, 4]], x: [[1], [1]] },
      [
        { id: "y", op: "matmul", args: ["A", "x"] },
        { id: "l", op: "dot", args: ["y", "y"] },
      ],
      "l",
    );
    const s = errorScale(c);
    // b_lin = |∇|: x ← |A|ᵀ(2|y|) = [[48], [68]], A ← 2|y||x|ᵀ.
    expect(s.linear).toEqual({ A: [[6, 6], [14, 14]], x: [[48], [68]] });
    // f_y = |A||x| = [[3], [7]] moves both dot edges: b_val_y = 2 f_y = [[6], [14]], then back through |A|ᵀ and |x|ᵀ.
    expect(s.gradient).toEqual({ A: [[12, 12], [28, 28]], x: [[96], [136]] });
    // f_l = ⟨|y|, |y|⟩ + 2⟨|y|, f_y⟩ = 58 + 116.
    expect(s.value).toBe(174);
    // A or x: 1 edge + 1 = 2; y: matmul max(2, 2, 2, 1) + 1 = 3, 2 edges out, + 1 = 6; l: dot 2 + 1 = 3, + 1 = 4.
    expect(s.depth).toBe(12);
  });

  it("a node near a kink is flagged: relu(c − x·x) where the computed difference is 0 but the exact one is not", () => {
    // 0.1·0.1 = 0.010000000000000001110… exactly, rounds to 0.010000000000000001942… = c.
    const c: GraphCase = {
      ...graph({ x: 0.1 }, [
        { id: "s", op: "mul", args: ["x", "x"] },
        { id: "t", op: "sub", args: ["c", "s"] },
        { id: "r", op: "relu", args: ["t"] },
      ], "r"),
    };
    const withC: GraphCase = { ...c, graph: { ...c.graph, constants: [{ id: "c", value: 0.010000000000000002 }] } };
    const s = errorScale(withC);
    expect(s.fragile).toEqual([{ node: "r", margin: 0, marginRounded: 0 }]);
    // relu's computed derivative is 0 (the convention at 0) but the exact one is 1: b cannot see it.
    expect(s.gradient.x).toBe(0);
    const safe = errorScale(graph({ x: 0.5 }, [{ id: "r", op: "relu", args: ["x"] }], "r"));
    expect(safe.fragile).toEqual([{ node: "r", margin: Infinity, marginRounded: 1 }]); // exact input; |x| / |x| once rounded
  });

  it("is not finite at a domain edge: sqrt at 0", () => {
    const s = errorScale(graph({ x: 0 }, [{ id: "y", op: "sqrt", args: ["x"] }], "y"));
    expect(s.linear.x).toBe(Infinity);
    expect(Number.isFinite(s.gradient.x)).toBe(false);
    // Exactly at the edge with no error: computed and exact sides agree, so it is not fragile.
    expect(s.fragile).toEqual([{ node: "y", margin: Infinity, marginRounded: Infinity }]);
  });

  it("dominates the gradient on random smooth graphs: |ȳ| ≤ b_lin ≤ b", () => {
    fc.assert(
      fc.property(smoothGraphCase(), (c) => {
        const s = errorScale(c);
        for (const [id, g] of Object.entries(gradient(c).gradient)) {
          const lin = elements(s.linear[id] as Tensor);
          const b = elements(s.gradient[id] as Tensor);
          elements(g).forEach((x, e) => {
            expect(Math.abs(x)).toBeLessThanOrEqual((lin[e] as number) * (1 + 1e-13));
            expect(lin[e]).toBeLessThanOrEqual(b[e] as number);
          });
        }
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe("absOperator (spec: tol.abs-operator)", () => {
  const M = [[1, -2], [-3, 4]];
  const N = [[-0.5, 2], [1, -1]];
  const X = [[1, -1], [2, 0.5]];
  const operators: [string, Operator, Tensor][] = [
    ["scale", O.scale(-2), X],
    ["left", O.left(M), X],
    ["right", O.right(N), X],
    ["hadamard", O.hadamard(N), X],
    ["kron", O.kron(M, N), X],
    ["dot", O.dot(M), X],
    ["outer", O.outer(N), -3],
    ["transpose", O.transpose, X],
    ["inv edge", O.compose(O.scale(-1), O.left(M), O.right(N)), X],
    ["sylvester", O.sum(O.left(M), O.right(N)), X],
    ["adjoint", O.adjointOf(O.left(M)), X],
  ];
  it.each(operators)("bounds the image of %s: |𝓐X| ≤ |𝓐||X|, and |𝓐|ᵀ• = |𝓐ᵀ•|", (_name, A, x) => {
    const absX = typeof x === "number" ? Math.abs(x) : x.map((r) => r.map(Math.abs));
    const image = elements(apply(A, x));
    const bound = elements(apply(absOperator(A), absX));
    image.forEach((v, i) => expect(Math.abs(v)).toBeLessThanOrEqual(bound[i] as number));
    const Y = apply(A, x);
    const absY = typeof Y === "number" ? Math.abs(Y) : Y.map((r) => r.map(Math.abs));
    expect(apply(adjoint(absOperator(A)), absY)).toEqual(apply(absOperator(adjoint(A)), absY));
  });
  it("keeps a sum's terms apart: |ℒ(M) + ℒ(−M)| = 2ℒ(|M|), not |0|", () => {
    const A = O.sum(O.left(M), O.left([[-1, 2], [3, -4]]));
    expect(apply(A, X)).toEqual([[0, 0], [0, 0]]);
    expect(apply(absOperator(A), [[1, 1], [1, 1]])).toEqual([[6, 6], [14, 14]]);
  });
});

describe("errorScale on large tensors", () => {
  // It spread every element as Math.max's arguments and overflowed the stack from a few hundred
  // thousand elements: a valid case without `expect` made the harness fault (found by
  // property.large-matmul).
  it("sum(X ⊙ X) over a 400×400 X of 0, ±1: b = 2|X| (X exact, so no b_val), largest ≥ Σ X²", () => {
    const X = Array.from({ length: 400 }, (_, i) => Array.from({ length: 400 }, (_, j) => ((i + j) % 3) - 1));
    const s = errorScale(graph({ X }, [{ id: "y", op: "mul", args: ["X", "X"] }, { id: "s", op: "sum", args: ["y"] }], "s"));
    expect(s.gradient.X).toEqual(X.map((row) => row.map((v) => 2 * Math.abs(v))));
    expect(s.largest).toBeGreaterThanOrEqual(X.flat().filter((v) => v !== 0).length);
  });
});
