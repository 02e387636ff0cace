/**
 * The reference's parts (reading, evaluation, linearization, the generic triangular solver, the
 * adjoint rule) reassembled into a backend with some of them replaced: the workshop the broken
 * backends of broken-backends.ts are built in. Used by the tests and the self-test only.
 *
 * Conventions: a "part" is one replaceable piece; every part not given is the reference's own, so
 * a backend built here differs from the reference exactly where its parts do.
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
export function adjointWith(override: AdjointRule): (a: Operator) => Operator {
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

type EdgeRewrite = (e: Edge, program: Program, values: readonly Tensor[]) => Edge;

export interface Parts {
  /** The adjoint rule (default: the reference's). */
  readonly adjoint?: (a: Operator) => Operator;
  /** Rewrites the list of a graph's edges, in both modes (default: none). */
  readonly edges?: (edges: readonly Edge[], program: Program) => Edge[];
  /** Rewrites one edge of a graph's linearization (default: none). */
  readonly edge?: EdgeRewrite;
  /** Rewrites edges in forward mode only (default: as `edge`). */
  readonly forwardEdge?: EdgeRewrite;
  /** The triangular solver (default: the reference's). */
  readonly solve?: typeof solveTriangular;
}

/**
 * A backend from the reference's parts with the given replacements. Every request is first read
 * by the reference itself (its answer dropped): a broken backend reports exactly the reference's
 * spec errors, so it fails only because of its bug, never for a validation it skipped.
 */
export function backendWith(name: string, parts: Parts): BackendLike {
  const adj = parts.adjoint ?? referenceAdjoint;
  const algebra: Algebra<Operator, Tensor> = { ...operatorAlgebra, mul: applyWith(adj), adjoint: adj };
  const solve = parts.solve ?? solveTriangular;
  const edgesOf = (c: GraphCase, forward: boolean) => {
    const program = readGraph(c);
    const values = evaluate(program);
    const rewrite = (forward ? parts.forwardEdge ?? parts.edge : parts.edge) ?? ((e: Edge) => e);
    const edges = (parts.edges ?? ((es) => [...es]))(linearize(program, values), program);
    return { program, values, edges: edges.map((e) => rewrite(e, program, values)) };
  };
  return {
    hello: () => ({ name, version: "1", capabilities: ["gradient", "solve", "apply", "forward"], precision: "float64" }),
    gradient: (c: GraphCase) => {
      reference.gradient(c);
      const { program, values, edges } = edgesOf(c, false);
      const value = values[program.output] as Tensor;
      const g = values.map((v, k) => (k === program.output ? cotangentOf(program, value) : T.zeros(shapeOf(v))));
      const reached = live(program);
      const ybar = solve(systemMatrix(values.map(shapeOf), edges.filter((e) => reached.has(e.to))), g, algebra, true);
      return { value, gradient: Object.fromEntries(program.wrt.map((k) => [program.ids[k] as string, ybar[k] as Tensor])) };
    },
    jvp: (c: GraphCase, tangent: Readonly<Record<string, RawTensor>>) => {
      reference.jvp(c, tangent);
      const { program, values, edges } = edgesOf(c, true);
      const rhs = values.map((v, k) => {
        const t = tangent[program.ids[k] as string];
        return k < c.graph.inputs.length && t !== undefined ? parseTensor(t) : T.zeros(shapeOf(v));
      });
      const xdot = solve(systemMatrix(values.map(shapeOf), edges), rhs, algebra);
      return { value: values[program.output] as Tensor, tangent: xdot[program.output] as Tensor };
    },
    solve: (c: SystemCase) => {
      reference.solve(c);
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
      reference.apply(c);
      const a = parseOperator(c.operator);
      const run = applyWith(adj);
      return { apply: run(a, parseTensor(c.x)), ...(c.y !== undefined ? { adjoint: run(adj(a), parseTensor(c.y)) } : {}) };
    },
  };
}

/** Rewrites the edges into nodes of primitive `op`. */
export const onNodes =
  (op: string, f: (e: Edge, args: readonly Tensor[], y: Tensor) => Edge): EdgeRewrite =>
  (e, program, values) => {
    const n = program.nodes[e.to - program.sources.length];
    return n?.op === op ? f(e, n.args.map((k) => values[k] as Tensor), values[e.to] as Tensor) : e;
  };

/**
 * Drops the edge from argument `position` of every node of primitive `op`. linearize emits a
 * node's edges together, in argument order, so the position is the offset from the node's first
 * edge (an argument's id would not do: `mul(x, x)` has two edges from `x`).
 */
export const withoutArgument =
  (op: string, position: number) =>
  (edges: readonly Edge[], program: Program): Edge[] =>
    edges.filter((e, k) => program.nodes[e.to - program.sources.length]?.op !== op || k - edges.findIndex((f) => f.to === e.to) !== position);
