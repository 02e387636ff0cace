/**
 * The three sweeps over a compiled graph, each one loop over typed arrays with a switch on a
 * small integer tag: forward evaluation (values, with domain checks), back substitution on
 * (I − L)ᵀ• (gradient) and forward substitution on (I − L) (jvp).
 *
 * Conventions: `g` the code, `x` the arena; node i is unknown u = nsrc + i.
 *
 * @see spec/04-system.md#system.reverse
 */
import { fail, locate, PRIMITIVE_NAMES } from "../reference/index.js";
import { runEdge } from "./edge-kernels.js";
import type { GraphCode } from "./graph-code.js";
import { elementwiseDomainFault, elementwiseForward } from "./kernels-elementwise.js";
import { inverseInto, logdetOf } from "./kernels-linalg.js";
import type { Matmul } from "./kernels-matmul.js";
import {
  addForward, divForward, firstZero, inner, mulForward, negForward, scaleForward, subForward, sumOf, traceOf, transposeForward,
} from "./kernels-structural.js";
import { EDGE_OF_PRIM } from "./tags.js";
import type { PRIM } from "./tags.js";

/** Case labels are literals checked against tags.ts by `satisfies`: a jump table, no property loads (see sweeps-scalar.ts). */
type P = typeof PRIM;

/**
 * Evaluates every node in file order (spec/03-primitives.md#prim.graph.evaluation), also those the
 * output does not need: a domain fault anywhere is the case's result. A shape fault found when
 * compiling is raised when evaluation reaches its node, after the domain faults before it.
 */
export function forwardSweep(g: GraphCode, x: Float64Array, mm: Matmul): void {
  // Stryker disable next-line ObjectLiteral,UnaryOperator,BooleanLiteral: equivalent — logdetOf sets why.nan first, and why.singularAt whenever why.nan is false, before the caller reads either
  const why = { singularAt: -1, nan: false };
  for (let i = 0; i < g.nnodes; i++) {
    const op = g.op[i]!;
    const u = g.nsrc + i;
    const A = g.arg0[i]!;
    const B = g.arg1[i]!;
    const a = g.valOff[A]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (true, B > 0) — b is read only by the two-argument primitives (B ≥ 0), and valOff[0] = 0, so B = 0 gives b = 0 either way
    const b = B >= 0 ? g.valOff[B]! : 0;
    const c = g.valOff[u]!;
    const n = g.size[u]!;
    switch (op) {
      case (0 satisfies P["add"]): addForward(x, a, b, c, n); break;
      case (1 satisfies P["sub"]): subForward(x, a, b, c, n); break;
      case (2 satisfies P["neg"]): negForward(x, a, c, n); break;
      case (3 satisfies P["mul"]): mulForward(x, a, b, c, n); break;
      case (4 satisfies P["div"]): // prim.div.domain: every B_ij ≠ 0
        // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
        if (firstZero(x, b, n) >= 0) nodeFault(g, i, "div (argument 2) needs every element ≠ 0, got 0");
        divForward(x, a, b, c, n);
        break;
      case (5 satisfies P["scale"]): scaleForward(x, a, b, c, n); break;
      case (6 satisfies P["matmul"]): // C = 0 + Σ_k A_ik B_kj  @see spec/03-primitives.md#prim.matmul.forward
        // Stryker disable next-line ArithmeticOperator: equivalent for every request: the backend compiles a fresh plan per request (graph-case.ts: planOf in gradient and jvp), whose arena is a new all-zero Float64Array, and nothing writes node u's value before its own step
        x.fill(0, c, c + n);
        mm.nn(x, g.rows[A]!, g.cols[B]!, g.cols[A]!, 1, a, b, c);
        break;
      case (7 satisfies P["transpose"]): transposeForward(x, a, c, Math.max(1, g.rows[A]!), Math.max(1, g.cols[A]!)); break;
      case (8 satisfies P["sum"]): x[c] = sumOf(x, a, g.size[A]!, g.rows[A] === 0); break;
      case (9 satisfies P["dot"]): x[c] = inner(x, a, b, g.size[A]!, g.rows[A] === 0); break;
      case (10 satisfies P["trace"]): x[c] = traceOf(x, a, g.rows[A]!); break;
      case (21 satisfies P["inv"]): { // prim.inv.domain: no zero pivot; a NaN element gives all NaN (nan.linalg)
        const e = inverseInto(x, g.rows[A]!, a, c, g.scratch[0]);
        // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
        if (e >= 0) nodeFault(g, i, `inv: the matrix is singular (zero pivot in column ${e})`);
        break;
      }
      case (22 satisfies P["logdet"]): { // prim.logdet.domain: det A > 0
        const v = logdetOf(x, g.rows[A]!, a, g.scratch[0], why);
        if (Number.isNaN(v) && !why.nan) { // a NaN element gives NaN, not a fault (nan.linalg)
          // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: message text — both ways raise E_DOMAIN at /graph/nodes/i; the test only picks the detail, singular or negative determinant (spec: error.message)
          if (why.singularAt >= 0) nodeFault(g, i, `logdet: the matrix is singular (zero pivot in column ${why.singularAt})`);
          // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
          nodeFault(g, i, "logdet: the determinant is negative");
        }
        x[c] = v;
        break;
      }
      default: { // the elementwise primitives
        const p = g.attr[i] ?? 0; // empty when the graph has no pow
        const bad = elementwiseDomainFault(op, x, a, n, p);
        // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
        if (bad !== undefined) nodeFault(g, i, `${PRIMITIVE_NAMES[op]} (argument 1) needs ${bad.need}, got ${bad.got}`);
        elementwiseForward(op, x, a, c, n, p);
      }
    }
  }
  if (g.fault !== undefined) throw g.fault.error;
}

/** E_DOMAIN located at node i. */
export function nodeFault(g: GraphCode, i: number, detail: string): never {
  // Stryker disable next-line ArithmeticOperator: message text — the node id only words the message; the pointer /graph/nodes/i is unchanged (as in reference/graph.ts, node is never compared; spec: error.message)
  const node = g.idOf(g.nsrc + i);
  return locate({ pointer: `/graph/nodes/${i}`, node }, () => fail("E_DOMAIN", detail));
}

/**
 * Back substitution on (I − L)ᵀ• ȳ = g: the output's slot holds g_o, every wrt input's slot starts
 * at zero, then for i = last … first, ȳ_j += L_ijᵀ•(ȳ_i) over node i's used edges. Contributions
 * reach each ȳ_j in decreasing i, the order of the reference's solver.
 *
 * @see spec/04-system.md#system.reverse
 */
export function reverseSweep(g: GraphCode, x: Float64Array, mm: Matmul, cotangent: ArrayLike<number>): void {
  // Stryker disable next-line ArithmeticOperator: equivalent for every request: the backend compiles a fresh plan per request (graph-case.ts: planOf in gradient and jvp), whose arena is a new all-zero Float64Array, and the forward sweep writes only value buffers and scratch, never slots
  for (const k of g.wrt) x.fill(0, g.adjOff[k]!, g.adjOff[k]! + g.size[k]!);
  const o = g.adjOff[g.output]!;
  if (o >= 0) for (let t = 0; t < cotangent.length; t++) x[o + t] = cotangent[t]!;
  // Stryker disable next-line ArithmeticOperator: equivalent (nnodes + 1) — at i = nnodes, revStart[nnodes + 1] is undefined, so the edge loop (e < undefined) runs no edge
  for (let i = g.nnodes - 1; i >= 0; i--) {
    const end = g.revStart[i + 1]!;
    let e = g.revStart[i]!;
    // Stryker disable next-line ConditionalExpression: equivalent (false) — the edge loop runs no iteration when e === end
    if (e === end) continue;
    const src = g.adjOff[g.nsrc + i]!;
    for (; e < end; e++) {
      const j = g.revFrom[e]!;
      const dst = g.adjOff[j]!;
      if (g.revInit[e] === 1) {
        const n = g.size[j]!;
        if (n <= 16) for (let t = dst; t < dst + n; t++) x[t] = 0; // cheaper than a fill() call for small blocks
        else x.fill(0, dst, dst + n);
      }
      runEdge(g, x, mm, g.revTag[e]!, true, i, dst, src);
    }
  }
}

/**
 * Forward substitution on (I − L) ẋ = S ṗ over the output's ancestors: each source's slot holds
 * its tangent (zero for constants and missing inputs), then ẋ_u = Σ_q L_{u,arg q}(ẋ_{arg q}) in
 * argument order.
 *
 * @see spec/04-system.md#system.forward
 */
export function tangentSweep(g: GraphCode, x: Float64Array, mm: Matmul, tangents: readonly (ArrayLike<number> | undefined)[]): void {
  for (let k = 0; k < g.nsrc; k++) {
    const t = g.tanOff[k]!;
    // Stryker disable next-line EqualityOperator: equivalent (t <= 0) — tanOff is −1 or a slot offset ≥ top ≥ 1
    if (t < 0) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (true, <=) — tangents has one entry per input (graph-case.ts), so tangents[k] is undefined for k ≥ ninputs
    const given = k < g.ninputs ? tangents[k] : undefined;
    // Stryker disable next-line ArithmeticOperator: equivalent for every request: the backend compiles a fresh plan per request (graph-case.ts: planOf in gradient and jvp), whose arena is a new all-zero Float64Array; sources' tangent slots are allocated first (no reuse yet) and the forward sweep never writes slots
    if (given === undefined) x.fill(0, t, t + g.size[k]!);
    // Stryker disable next-line EqualityOperator: equivalent (s <= given.length) — the extra NaN lands one past source k's tangent slot: the next source's slot (allocated next, written later in this loop), a node's slot (zero-filled before use), scratch (written before read) or past the arena
    else for (let s = 0; s < given.length; s++) x[t + s] = given[s]!;
  }
  for (let s = 0; s < g.tanNodes.length; s++) {
    const i = g.tanNodes[s]!;
    const u = g.nsrc + i;
    const dst = g.tanOff[u]!;
    x.fill(0, dst, dst + g.size[u]!);
    const A = g.arg0[i]!;
    const op = g.op[i]!;
    runEdge(g, x, mm, EDGE_OF_PRIM[op]![0]!, false, i, dst, g.tanOff[A]!);
    const B = g.arg1[i]!;
    if (B >= 0) runEdge(g, x, mm, EDGE_OF_PRIM[op]![1]!, false, i, dst, g.tanOff[B]!);
  }
}
