/**
 * The forward and reverse sweeps specialized to graphs whose unknowns are all scalars (the
 * "scalar graph" of micrograd-style programs): no element loops, no kernel calls, and no value
 * offsets — unknown k's value is `x[k]` (values are laid out in order, one element each). Each
 * case computes exactly the expression of the general kernels at n = 1 (kernels-structural.ts,
 * kernels-elementwise.ts), so results are bitwise those of the general sweeps, which the tests
 * check.
 *
 * Back substitution is one line per edge, `ȳ_j += D·ȳ_i`, with the 1×1 operator D of the edge
 * computed from the forward values as its linearization rule says.
 *
 * Conventions: `g` the code (g.scalar is true), `x` the arena; node i is unknown u = nsrc + i
 * with arguments A, B.
 *
 * @see spec/04-system.md#system.reverse
 */
import type { GraphCode } from "./graph-code.js";
import { elementwiseDomainFault } from "./kernels-elementwise.js";
import type { PRIM } from "./tags.js";
import { nodeFault } from "./sweeps.js";
import { PRIMITIVE_NAMES } from "../reference/index.js";

/**
 * Case labels are number literals, each checked against its named tag by `satisfies` (tsc fails if
 * they drift): a literal gives V8 a jump table, while `PRIM.add` is a property load per case (and,
 * through a transpiler's module getters, a call) — that cost half the scalar sweeps' time.
 */
type P = typeof PRIM;

/** @see spec/03-primitives.md#prim.graph.evaluation */
export function forwardScalar(g: GraphCode, x: Float64Array): void {
  const { op, arg0, arg1, nsrc, nnodes } = g;
  for (let i = 0; i < nnodes; i++) {
    const A = arg0[i]!;
    const v = x[A]!;
    let y: number;
    switch (op[i]) {
      case (0 satisfies P["add"]): y = v + x[arg1[i]!]!; break;
      case (1 satisfies P["sub"]): y = v - x[arg1[i]!]!; break;
      case (3 satisfies P["mul"]): y = v * x[arg1[i]!]!; break;
      case (4 satisfies P["div"]): { // prim.div.domain
        const w = x[arg1[i]!]!;
        // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
        if (w === 0) nodeFault(g, i, "div (argument 2) needs every element ≠ 0, got 0");
        y = v / w;
        break;
      }
      // Stryker disable next-line ConditionalExpression: equivalent — without this label scale falls through to dot's case, the same y = v·x[B]
      case (5 satisfies P["scale"]): y = v * x[arg1[i]!]!; break; // sX with s = A
      case (9 satisfies P["dot"]): y = v * x[arg1[i]!]!; break; // a scalar inner product is the product
      case (2 satisfies P["neg"]): y = -v; break;
      case (7 satisfies P["transpose"]): case (8 satisfies P["sum"]): y = v; break;
      case (11 satisfies P["exp"]): y = Math.exp(v); break;
      case (13 satisfies P["sin"]): y = Math.sin(v); break;
      case (14 satisfies P["cos"]): y = Math.cos(v); break;
      case (15 satisfies P["tanh"]): y = Math.tanh(v); break;
      case (16 satisfies P["sigmoid"]): y = 1 / (1 + Math.exp(-v)); break;
      case (18 satisfies P["square"]): y = v * v; break;
      case (19 satisfies P["relu"]): y = Math.max(v, 0); break;
      case (12 satisfies P["log"]): // prim.log.domain
        // Stryker disable next-line ConditionalExpression: equivalent (true) — domainFault re-checks log's domain (elementwiseDomainFault: v <= 0 is outside) and raises nothing for v > 0
        if (v <= 0) domainFault(g, i, x);
        y = Math.log(v);
        break;
      case (17 satisfies P["sqrt"]): // prim.sqrt.domain
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (true, v <= 0) — domainFault re-checks sqrt's domain (elementwiseDomainFault: v < 0 is outside) and raises nothing for v ≥ 0
        if (v < 0) domainFault(g, i, x);
        y = Math.sqrt(v);
        break;
      case (20 satisfies P["pow"]): {
        const p = g.attr[i] ?? 0;
        domainFault(g, i, x);
        y = Math.pow(v, p);
        break;
      }
      // Stryker disable next-line ConditionalExpression: equivalent — unreachable: a scalar graph has no deferred fault, so matmul, trace, inv and logdet (shape faults on scalars) are absent and every other primitive has its case
      default: throw new Error(`internal: ${op[i]} in a scalar graph`);
    }
    x[nsrc + i] = y;
  }
  // Stryker disable next-line ConditionalExpression: equivalent (false) — a scalar graph has no deferred fault: compile-graph.ts sets scalar = false when there is one
  if (g.fault !== undefined) throw g.fault.error;
}

/** Raises the elementwise primitive's domain fault at node i, if its argument is outside the domain. */
function domainFault(g: GraphCode, i: number, x: Float64Array): void {
  const op = g.op[i]!;
  const bad = elementwiseDomainFault(op, x, g.arg0[i]!, 1, g.attr[i] ?? 0);
  // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
  if (bad !== undefined) nodeFault(g, i, `${PRIMITIVE_NAMES[op]} (argument 1) needs ${bad.need}, got ${bad.got}`);
}

/**
 * Back substitution one node at a time: for node i (last first) with ȳ_i, each argument's slot gets
 * `ȳ_arg += D·ȳ_i`, arguments in order — the general sweep's edges of row i, in its order, but one
 * dispatch per node instead of one per edge. Every unknown has a slot here (adjBase + k), so the
 * edges to inactive arguments (constants, inputs outside wrt, which the general sweep skips) are
 * applied too, into slots nobody reads; nodes that are not live or not active are skipped as there.
 * The region is zeroed first instead of zeroing each slot at its first touch (`0 + D·ȳ` either way).
 *
 * @see spec/04-system.md#system.reverse
 */
export function reverseScalar(g: GraphCode, x: Float64Array, cotangent: ArrayLike<number>): void {
  const { op, arg0, arg1, nsrc, nnodes, adjBase, revStart } = g;
  // Stryker disable next-line ArithmeticOperator: equivalent for every request: the backend compiles a fresh plan per request (graph-case.ts: planOf in gradient and jvp), whose arena is a new all-zero Float64Array, and forwardScalar writes only values, below adjBase
  x.fill(0, adjBase, adjBase + nsrc + nnodes);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (true, > 0) — scalar adjoint slots are adjBase + k with adjBase = top ≥ 1; adjOff[output] < 0 means the output is not active, so no live node is active (it would make the output active), no edge runs and that slot is never read
  if (g.adjOff[g.output]! >= 0) x[adjBase + g.output] = cotangent[0]!;
  for (let i = nnodes - 1; i >= 0; i--) {
    if (revStart[i] === revStart[i + 1]) continue; // not live, or no wrt input below it
    const u = nsrc + i;
    const ybar = x[adjBase + u]!;
    const A = arg0[i]!, a = adjBase + A;
    switch (op[i]) {
      case (0 satisfies P["add"]): { // 𝓘, 𝓘
        x[a] = x[a]! + ybar;
        const b = adjBase + arg1[i]!;
        x[b] = x[b]! + ybar;
        break;
      }
      case (1 satisfies P["sub"]): { // 𝓘, scale(−1)
        x[a] = x[a]! + ybar;
        const b = adjBase + arg1[i]!;
        x[b] = x[b]! + -1 * ybar;
        break;
      }
      case (3 satisfies P["mul"]): case (5 satisfies P["scale"]): case (9 satisfies P["dot"]): { // ℋ(B), ℋ(A) (and their 1×1 kin)
        const B = arg1[i]!, b = adjBase + B;
        x[a] = x[a]! + x[B]! * ybar;
        x[b] = x[b]! + x[A]! * ybar;
        break;
      }
      case (4 satisfies P["div"]): { // ℋ(𝟙 ⊘ B), ℋ(−A ⊘ B²)
        const B = arg1[i]!, b = adjBase + B, v = x[B]!;
        x[a] = x[a]! + (1 / v) * ybar;
        x[b] = x[b]! + (-x[A]! / (v * v)) * ybar;
        break;
      }
      default: x[a] = x[a]! + unaryD(g, x, op[i]!, i, u) * ybar; // one argument
    }
  }
}

/** D of a unary primitive's 1×1 edge, from the forward values.  @see spec/03-primitives.md#prim.elementwise */
function unaryD(g: GraphCode, x: Float64Array, op: number, i: number, u: number): number {
  const v = x[g.arg0[i]!]!;
  switch (op) {
    case (2 satisfies P["neg"]): return -1;
    case (7 satisfies P["transpose"]): case (8 satisfies P["sum"]): return 1;
    case (11 satisfies P["exp"]): return x[u]!;
    case (12 satisfies P["log"]): return 1 / v;
    case (13 satisfies P["sin"]): return Math.cos(v);
    case (14 satisfies P["cos"]): return -Math.sin(v);
    case (15 satisfies P["tanh"]): { const c = x[u]!; return 1 - c * c; }
    case (16 satisfies P["sigmoid"]): { const c = x[u]!; return c * (1 - c); }
    case (17 satisfies P["sqrt"]): { const c = x[u]!; return c === 0 ? Infinity : 1 / (2 * c); }
    case (18 satisfies P["square"]): return 2 * v;
    case (19 satisfies P["relu"]): return v > 0 ? 1 : v !== v ? NaN : 0;
    case (20 satisfies P["pow"]): { const p = g.attr[i] ?? 0; return p === 0 ? 0 : p * Math.pow(v, p - 1); }
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: unaryD gets only the one-argument primitives of a scalar graph, each with its case
    default: throw new Error(`internal: ${op} in a scalar graph`);
  }
}
