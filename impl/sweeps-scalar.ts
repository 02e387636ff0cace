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
import type { EDGE, PRIM } from "./tags.js";
import { nodeFault } from "./sweeps.js";
import { PRIMITIVE_NAMES } from "../reference/index.js";

/**
 * Case labels are number literals, each checked against its named tag by `satisfies` (tsc fails if
 * they drift): a literal gives V8 a jump table, while `PRIM.add` is a property load per case (and,
 * through a transpiler's module getters, a call) — that cost half the scalar sweeps' time.
 */
type P = typeof PRIM;
type E = typeof EDGE;

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
        if (w === 0) nodeFault(g, i, "div (argument 2) needs every element ≠ 0, got 0");
        y = v / w;
        break;
      }
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
        if (v <= 0) domainFault(g, i, x);
        y = Math.log(v);
        break;
      case (17 satisfies P["sqrt"]): // prim.sqrt.domain
        if (v < 0) domainFault(g, i, x);
        y = Math.sqrt(v);
        break;
      case (20 satisfies P["pow"]): {
        const p = g.attr[i] ?? 0;
        domainFault(g, i, x);
        y = Math.pow(v, p);
        break;
      }
      default: throw new Error(`internal: ${op[i]} in a scalar graph`);
    }
    x[nsrc + i] = y;
  }
  if (g.fault !== undefined) throw g.fault.error;
}

/** Raises the elementwise primitive's domain fault at node i, if its argument is outside the domain. */
function domainFault(g: GraphCode, i: number, x: Float64Array): void {
  const op = g.op[i]!;
  const bad = elementwiseDomainFault(op, x, g.arg0[i]!, 1, g.attr[i] ?? 0);
  if (bad !== undefined) nodeFault(g, i, `${PRIMITIVE_NAMES[op]} (argument 1) needs ${bad.need}, got ${bad.got}`);
}

/** @see spec/04-system.md#system.reverse */
export function reverseScalar(g: GraphCode, x: Float64Array, cotangent: ArrayLike<number>): void {
  const { arg0, arg1, nsrc, adjOff, adjBase, revStart, revFrom, revTag, revInit } = g;
  for (const k of g.wrt) x[adjOff[k]!] = 0;
  const o = adjOff[g.output]!;
  if (o >= 0) x[o] = cotangent[0]!;
  for (let i = g.nnodes - 1; i >= 0; i--) {
    const end = revStart[i + 1]!;
    let e = revStart[i]!;
    if (e === end) continue;
    const u = nsrc + i;
    const ybar = x[adjBase + u]!; // = x[adjOff[u]]: no offset table to read
    for (; e < end; e++) {
      const dst = adjBase + revFrom[e]!;
      let D: number;
      switch (revTag[e]) {
        case (0 satisfies E["IDENTITY"]): case (10 satisfies E["TRANSPOSE"]): case (11 satisfies E["SUM"]): D = 1; break; // 𝓘, 𝒯, 𝟙ᵀ• at 1×1
        case (1 satisfies E["NEGATE"]): D = -1; break;
        case (2 satisfies E["MUL_A"]): case (6 satisfies E["SCALE_S"]): case (12 satisfies E["DOT_A"]): D = x[arg1[i]!]!; break; // ℋ(B), outer(X), outer(B)
        case (3 satisfies E["MUL_B"]): case (7 satisfies E["SCALE_X"]): case (13 satisfies E["DOT_B"]): D = x[arg0[i]!]!; break; // ℋ(A), scale(s), outer(A)
        case (4 satisfies E["DIV_A"]): D = 1 / x[arg1[i]!]!; break;
        case (5 satisfies E["DIV_B"]): { const v = x[arg1[i]!]!; D = -x[arg0[i]!]! / (v * v); break; }
        case (15 satisfies E["EXP"]): D = x[u]!; break;
        case (16 satisfies E["LOG"]): D = 1 / x[arg0[i]!]!; break;
        case (17 satisfies E["SIN"]): D = Math.cos(x[arg0[i]!]!); break;
        case (18 satisfies E["COS"]): D = -Math.sin(x[arg0[i]!]!); break;
        case (19 satisfies E["TANH"]): { const v = x[u]!; D = 1 - v * v; break; }
        case (20 satisfies E["SIGMOID"]): { const v = x[u]!; D = v * (1 - v); break; }
        case (21 satisfies E["SQRT"]): { const v = x[u]!; D = v === 0 ? Infinity : 1 / (2 * v); break; }
        case (22 satisfies E["SQUARE"]): D = 2 * x[arg0[i]!]!; break;
        case (23 satisfies E["RELU"]): { const v = x[arg0[i]!]!; D = v > 0 ? 1 : v !== v ? NaN : 0; break; }
        case (24 satisfies E["POW"]): { const p = g.attr[i] ?? 0; D = p === 0 ? 0 : p * Math.pow(x[arg0[i]!]!, p - 1); break; }
        default: throw new Error(`internal: edge ${revTag[e]} in a scalar graph`);
      }
      x[dst] = (revInit[e] === 1 ? 0 : x[dst]!) + D * ybar;
    }
  }
}
