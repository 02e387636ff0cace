/**
 * Small broken backends for the property tests: the reference's own parts (reading, evaluation,
 * linearization, the generic triangular solver) reassembled with one bug each — a wrong adjoint
 * rule, a wrong linearization, a wrong solver step, a forward mode that disagrees with reverse
 * mode. Each should be caught by the property named in {@link BROKEN}. Used by the tests only.
 */
import {
  adjoint as referenceAdjoint,
  apply as referenceApply,
  cotangentOf,
  evaluate,
  linearize,
  live,
  operatorAlgebra,
  parseOperator,
  parseShape,
  parseTensor,
  readGraph,
  reference,
  shapeOf,
  solveTriangular,
  systemMatrix,
  type Algebra,
  type Edge,
  type GraphCase,
  type Operator,
  type OperatorCase,
  type Program,
  type RawTensor,
  type SystemCase,
  type Tensor,
} from "../../../reference/index.js";
import * as O from "../../../reference/operator.js";
import * as T from "../../../reference/tensor.js";
import type { BackendLike } from "../backend-like.js";

/** An adjoint rule: `self` is the whole (possibly broken) rule, for the recursive kinds. */
type AdjointRule = (a: Operator, self: (a: Operator) => Operator) => Operator | undefined;

/** The reference's adjoint with some kinds overridden, recursing through itself. */
function adjointWith(override: AdjointRule): (a: Operator) => Operator {
  const self = (a: Operator): Operator => {
    const o = override(a, self);
    if (o !== undefined) return o;
    switch (a.op) {
      case "compose":
        return O.compose(...a.of.map(self).reverse());
      case "sum":
        return O.sum(...a.of.map(self));
      case "adjoint":
        return a.of;
      default:
        return referenceAdjoint(a);
    }
  };
  return self;
}

/** Applying an operator with a given adjoint rule (for the `adjoint` kind inside compositions). */
function applyWith(adj: (a: Operator) => Operator): (a: Operator, x: Tensor) => Tensor {
  const self = (a: Operator, x: Tensor): Tensor => {
    switch (a.op) {
      case "adjoint":
        return self(adj(a.of), x);
      case "compose":
        return a.of.reduceRight((y, o) => self(o, y), x);
      case "sum":
        return a.of.map((o) => self(o, x)).reduce((s, y) => T.add(s, y));
      default:
        return referenceApply(a, x);
    }
  };
  return self;
}

interface Parts {
  /** The adjoint rule (default: the reference's). */
  readonly adjoint?: (a: Operator) => Operator;
  /** Rewrites one edge of a graph's linearization (default: none). */
  readonly edge?: (e: Edge, program: Program, values: readonly Tensor[]) => Edge;
  /** Rewrites edges in forward mode only (default: as `edge`). */
  readonly forwardEdge?: (e: Edge, program: Program, values: readonly Tensor[]) => Edge;
  /** The triangular solver (default: the reference's). */
  readonly solve?: typeof solveTriangular;
}

/** A backend from the reference's parts with the given replacements. */
function backendWith(name: string, parts: Parts): BackendLike {
  const adj = parts.adjoint ?? referenceAdjoint;
  const algebra: Algebra<Operator, Tensor> = { ...operatorAlgebra, mul: applyWith(adj), adjoint: adj };
  const solve = parts.solve ?? solveTriangular;
  const edgesOf = (c: GraphCase, forward: boolean) => {
    const program = readGraph(c);
    const values = evaluate(program);
    const rewrite = (forward ? parts.forwardEdge ?? parts.edge : parts.edge) ?? ((e: Edge) => e);
    return { program, values, edges: linearize(program, values).map((e) => rewrite(e, program, values)) };
  };
  return {
    hello: () => ({ name, version: "1", capabilities: ["gradient", "solve", "apply", "forward"], precision: "float64" }),
    gradient: (c: GraphCase) => {
      const { program, values, edges } = edgesOf(c, false);
      const value = values[program.output] as Tensor;
      const g = values.map((v, k) => (k === program.output ? cotangentOf(program, value) : T.zeros(shapeOf(v))));
      const reached = live(program);
      const ybar = solve(systemMatrix(values.map(shapeOf), edges.filter((e) => reached.has(e.to))), g, algebra, true);
      return { value, gradient: Object.fromEntries(program.wrt.map((k) => [program.ids[k] as string, ybar[k] as Tensor])) };
    },
    jvp: (c: GraphCase, tangent: Readonly<Record<string, RawTensor>>) => {
      const { program, values, edges } = edgesOf(c, true);
      const rhs = values.map((v, k) => {
        const t = tangent[program.ids[k] as string];
        return k < c.graph.inputs.length && t !== undefined ? parseTensor(t) : T.zeros(shapeOf(v));
      });
      const xdot = solve(systemMatrix(values.map(shapeOf), edges), rhs, algebra);
      return { value: values[program.output] as Tensor, tangent: xdot[program.output] as Tensor };
    },
    solve: (c: SystemCase) => {
      const ids = c.system.unknowns.map((u) => u.id);
      const shapes = c.system.unknowns.map((u) => parseShape(u.shape));
      const edges = c.system.edges.map((e): Edge => ({ from: ids.indexOf(e.from), to: ids.indexOf(e.to), operator: parseOperator(e.operator) }));
      const rhs = shapes.map((s, k) => {
        const r = c.system.rhs?.[ids[k] as string];
        return r === undefined ? T.zeros(s) : parseTensor(r);
      });
      const y = solve(systemMatrix(shapes, edges), rhs, algebra, true);
      return { solution: Object.fromEntries(ids.map((id, k) => [id, y[k] as Tensor])) };
    },
    apply: (c: OperatorCase) => {
      const a = parseOperator(c.operator);
      const run = applyWith(adj);
      return { apply: run(a, parseTensor(c.x)), ...(c.y !== undefined ? { adjoint: run(adj(a), parseTensor(c.y)) } : {}) };
    },
  };
}

/** Rewrites the edges into nodes of primitive `op`. */
const onNodes = (op: string, f: (e: Edge, args: readonly Tensor[], y: Tensor) => Edge) => (e: Edge, program: Program, values: readonly Tensor[]): Edge => {
  const n = program.nodes[e.to - program.sources.length];
  return n?.op === op ? f(e, n.args.map((k) => values[k] as Tensor), values[e.to] as Tensor) : e;
};

/** Back substitution that overwrites instead of accumulating: only the last edge into each unknown counts. */
const overwritingSolve: typeof solveTriangular = (A, b, algebra, transposeDot = false) => {
  const n = b.length;
  const entry = (i: number, j: number) => (transposeDot ? algebra.adjoint(A[j]?.[i] as never) : A[i]?.[j]) as never;
  const order = Array.from({ length: n }, (_, k) => (transposeDot ? n - 1 - k : k));
  const x = new Array(n);
  order.forEach((i, step) => {
    let r = b[i];
    const isZero = (e: Operator) => e.op === "zero";
    for (const j of order.slice(0, step)) {
      const e = entry(i, j) as Operator;
      if (!isZero(e)) r = algebra.sub(b[i] as never, algebra.mul(e as never, x[j])); // the bug: b[i], not r
    }
    x[i] = algebra.ldiv(entry(i, i), r as never);
  });
  return x;
};

/** The catalog: each broken backend and the property that must catch it. */
export const BROKEN = {
  /** ℛ(A)ᵀ• = ℛ(A): the transpose forgotten. */
  rightNoTranspose: backendWith("right-no-transpose", { adjoint: adjointWith((a) => (a.op === "right" ? a : undefined)) }),
  /** (o1∘…∘ok)ᵀ• = o1ᵀ•∘…∘okᵀ•: not reversed. */
  composeNotReversed: backendWith("compose-not-reversed", { adjoint: adjointWith((a, self) => (a.op === "compose" ? O.compose(...a.of.map(self)) : undefined)) }),
  /** sub linearized as 𝓘 · 𝓘. */
  subSignError: backendWith("sub-sign-error", { edge: onNodes("sub", (e) => ({ ...e, operator: O.identity })) }),
  /** tanh' = 1 − tanh. */
  tanhWrong: backendWith("tanh-wrong", { edge: onNodes("tanh", (e, _args, y) => ({ ...e, operator: O.hadamard(T.map(y, (c) => 1 - c)) })) }),
  /** dot and outer swapped in the adjoint rule. */
  dotOuterMixed: backendWith("dot-outer-mixed", { adjoint: adjointWith((a) => (a.op === "dot" || a.op === "outer" ? a : undefined)) }),
  /** relu'(0) = 1. */
  reluKinkOne: backendWith("relu-kink-one", { edge: onNodes("relu", (e, [x]) => ({ ...e, operator: O.hadamard(T.map(x as Tensor, (v) => (v >= 0 ? 1 : 0))) })) }),
  /** scale(c)ᵀ• = 𝓘. */
  scaleAdjointIdentity: backendWith("scale-adjoint-identity", { adjoint: adjointWith((a) => (a.op === "scale" ? O.identity : undefined)) }),
  /** ℋ(M)ᵀ• = ℋ(Mᵀ). */
  hadamardTransposed: backendWith("hadamard-transposed", { adjoint: adjointWith((a) => (a.op === "hadamard" ? O.hadamard(T.transpose(a.matrix)) : undefined)) }),
  /** Fan-out overwritten instead of accumulated in the solver. */
  fanOutOverwritten: backendWith("fan-out-overwritten", { solve: overwritingSolve }),
  /** Forward mode only: tanh' = 1 − tanh in jvp; reverse mode is right. */
  jvpTanhWrong: backendWith("jvp-tanh-wrong", { forwardEdge: onNodes("tanh", (e, _args, y) => ({ ...e, operator: O.hadamard(T.map(y, (c) => 1 - c)) })) }),
  /** 𝓞ᵀ• keeps domain and codomain instead of exchanging them. */
  zeroNotExchanged: backendWith("zero-not-exchanged", { adjoint: adjointWith((a) => (a.op === "zero" ? a : undefined)) }),
  /** matmul's two linearizations swapped. */
  matmulSwapped: backendWith("matmul-swapped", { edge: onNodes("matmul", (e, [A, B]) => ({ ...e, operator: e.operator.op === "right" ? O.left(A as Tensor) : O.right(B as Tensor) })) }),
} as const;

export { reference };
