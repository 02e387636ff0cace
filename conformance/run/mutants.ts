/**
 * Miniature broken backends, built from the reference's parts with one bug each, to show that
 * the runner catches what it must: a wrong adjoint rule, a wrong linearization, an answer that is
 * off in one element, a wrong error code, a crash. Used by the tests only.
 */
import {
  adjoint,
  cotangentOf,
  evaluate,
  linearize,
  live,
  operatorAlgebra,
  readGraph,
  reference,
  solveTriangular,
  systemMatrix,
  SpecError,
  shapeOf,
  type Algebra,
  type Edge,
  type GraphCase,
  type Operator,
  type Tensor,
} from "../../reference/index.js";
import type { InProcessBackend } from "./judge.js";

/** Reverse mode through the reference's pieces, with a replaceable adjoint and edge rewrite. */
function gradientWith(algebra: Algebra<Operator, Tensor>, rewrite: (e: Edge) => Edge = (e) => e) {
  return (c: GraphCase) => {
    const program = readGraph(c);
    const values = evaluate(program);
    const value = values[program.output] as Tensor;
    const g = values.map((v, k) => (k === program.output ? cotangentOf(program, value) : zerosLike(v)));
    const reached = live(program);
    const edges = linearize(program, values).filter((e) => reached.has(e.to)).map(rewrite);
    const A = systemMatrix(values.map(shapeOf), edges);
    const ybar = solveTriangular(A, g, algebra, true);
    return { value, gradient: Object.fromEntries(program.wrt.map((k) => [program.ids[k] as string, ybar[k] as Tensor])) };
  };
}

function zerosLike(t: Tensor): Tensor {
  return typeof t === "number" ? 0 : t.map((row) => row.map(() => 0));
}

const base = { ...reference, hello: () => ({ ...reference.hello(), name: "mutant" }) };

/** ℒ(A)ᵀ• taken as ℒ(A): forgets the transpose, also inside compositions and sums. */
function adjointForgettingTranspose(a: Operator): Operator {
  switch (a.op) {
    case "left":
      return a;
    case "compose":
      return { op: "compose", of: a.of.map(adjointForgettingTranspose).reverse() };
    case "sum":
      return { op: "sum", of: a.of.map(adjointForgettingTranspose) };
    default:
      return adjoint(a);
  }
}

export const forgetsTranspose: InProcessBackend = {
  ...base,
  gradient: gradientWith({ ...operatorAlgebra, adjoint: adjointForgettingTranspose }),
};

/** tanh linearized as ℋ(1 − y) instead of ℋ(1 − y²). */
export const wrongTanh: InProcessBackend = {
  ...base,
  gradient: (c: GraphCase) => {
    const tanhNodes = new Set(c.graph.nodes.filter((n) => n.op === "tanh").map((n) => n.id));
    const program = readGraph(c);
    const ids = program.ids;
    return gradientWith(operatorAlgebra, (e) =>
      tanhNodes.has(ids[e.to] as string) && e.operator.op === "hadamard"
        ? { ...e, operator: { op: "hadamard", matrix: sqrtOf(e.operator.matrix) } }
        : e,
    )(c);
  },
};

// 1 − y² → 1 − y needs y from 1 − y²: y² = 1 − d, so 1 − |y| = 1 − √(1 − d). Sign is lost, on purpose.
function sqrtOf(d: Tensor): Tensor {
  const f = (x: number): number => 1 - Math.sqrt(1 - x);
  return typeof d === "number" ? f(d) : d.map((row) => row.map(f));
}

/** Every gradient's first element off by `relative` (and 1e-3·relative absolute, for zeros). */
export function offBy(relative: number): InProcessBackend {
  return {
    ...base,
    gradient: (c: GraphCase) => {
      const r = reference.gradient(c);
      const [first] = Object.keys(r.gradient);
      if (first === undefined) return r;
      const nudge = (x: number): number => x * (1 + relative) + 1e-3 * relative;
      const g = r.gradient[first] as Tensor;
      const nudged = typeof g === "number" ? nudge(g) : g.map((row, i) => row.map((x, j) => (i === 0 && j === 0 ? nudge(x) : x)));
      return { ...r, gradient: { ...r.gradient, [first]: nudged } };
    },
  };
}

export const slightlyOff: InProcessBackend = offBy(1e-6);

/** Reports every spec error as E_SHAPE. */
export const wrongErrorCode: InProcessBackend = {
  ...base,
  gradient: (c: GraphCase) => {
    try {
      return reference.gradient(c);
    } catch (e) {
      throw e instanceof SpecError ? new SpecError("E_SHAPE", e.detail, e.where) : e;
    }
  },
};

/** Crashes with a plain exception on every request. */
export const crashes: InProcessBackend = {
  ...base,
  gradient: () => {
    throw new TypeError("cannot read properties of undefined");
  },
  solve: () => {
    throw new RangeError("out of memory, allegedly");
  },
};

/** Knows only the operator capability. */
export const applyOnly: InProcessBackend = {
  hello: () => ({ name: "apply-only", capabilities: ["apply"] }),
  apply: reference.apply,
};
