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
import { EDGE, PRIM } from "./tags.js";
import { nodeFault } from "./sweeps.js";
import { PRIMITIVE_NAMES } from "../reference/index.js";

/** @see spec/03-primitives.md#prim.graph.evaluation */
export function forwardScalar(g: GraphCode, x: Float64Array): void {
  const { op, arg0, arg1, nsrc, nnodes } = g;
  for (let i = 0; i < nnodes; i++) {
    const A = arg0[i]!;
    const v = x[A]!;
    let y: number;
    switch (op[i]) {
      case PRIM.add: y = v + x[arg1[i]!]!; break;
      case PRIM.sub: y = v - x[arg1[i]!]!; break;
      case PRIM.mul: y = v * x[arg1[i]!]!; break;
      case PRIM.div: { // prim.div.domain
        const w = x[arg1[i]!]!;
        if (w === 0) nodeFault(g, i, "div (argument 2) needs every element ≠ 0, got 0");
        y = v / w;
        break;
      }
      case PRIM.scale: y = v * x[arg1[i]!]!; break; // sX with s = A
      case PRIM.dot: y = v * x[arg1[i]!]!; break; // a scalar inner product is the product
      case PRIM.neg: y = -v; break;
      case PRIM.transpose: case PRIM.sum: y = v; break;
      case PRIM.exp: y = Math.exp(v); break;
      case PRIM.sin: y = Math.sin(v); break;
      case PRIM.cos: y = Math.cos(v); break;
      case PRIM.tanh: y = Math.tanh(v); break;
      case PRIM.sigmoid: y = 1 / (1 + Math.exp(-v)); break;
      case PRIM.square: y = v * v; break;
      case PRIM.relu: y = Math.max(v, 0); break;
      case PRIM.log: // prim.log.domain
        if (v <= 0) domainFault(g, i, x);
        y = Math.log(v);
        break;
      case PRIM.sqrt: // prim.sqrt.domain
        if (v < 0) domainFault(g, i, x);
        y = Math.sqrt(v);
        break;
      case PRIM.pow: {
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
  const { arg0, arg1, nsrc, adjOff, revStart, revFrom, revTag, revInit } = g;
  for (const k of g.wrt) x[adjOff[k]!] = 0;
  const o = adjOff[g.output]!;
  if (o >= 0) x[o] = cotangent[0]!;
  for (let i = g.nnodes - 1; i >= 0; i--) {
    const end = revStart[i + 1]!;
    let e = revStart[i]!;
    if (e === end) continue;
    const u = nsrc + i;
    const ybar = x[adjOff[u]!]!;
    for (; e < end; e++) {
      const dst = adjOff[revFrom[e]!]!;
      let D: number;
      switch (revTag[e]) {
        case EDGE.IDENTITY: case EDGE.TRANSPOSE: case EDGE.SUM: D = 1; break; // 𝓘, 𝒯, 𝟙ᵀ• at 1×1
        case EDGE.NEGATE: D = -1; break;
        case EDGE.MUL_A: case EDGE.SCALE_S: case EDGE.DOT_A: D = x[arg1[i]!]!; break; // ℋ(B), outer(X), outer(B)
        case EDGE.MUL_B: case EDGE.SCALE_X: case EDGE.DOT_B: D = x[arg0[i]!]!; break; // ℋ(A), scale(s), outer(A)
        case EDGE.DIV_A: D = 1 / x[arg1[i]!]!; break;
        case EDGE.DIV_B: { const v = x[arg1[i]!]!; D = -x[arg0[i]!]! / (v * v); break; }
        case EDGE.EXP: D = x[u]!; break;
        case EDGE.LOG: D = 1 / x[arg0[i]!]!; break;
        case EDGE.SIN: D = Math.cos(x[arg0[i]!]!); break;
        case EDGE.COS: D = -Math.sin(x[arg0[i]!]!); break;
        case EDGE.TANH: { const v = x[u]!; D = 1 - v * v; break; }
        case EDGE.SIGMOID: { const v = x[u]!; D = v * (1 - v); break; }
        case EDGE.SQRT: { const v = x[u]!; D = v === 0 ? Infinity : 1 / (2 * v); break; }
        case EDGE.SQUARE: D = 2 * x[arg0[i]!]!; break;
        case EDGE.RELU: { const v = x[arg0[i]!]!; D = v > 0 ? 1 : v !== v ? NaN : 0; break; }
        case EDGE.POW: { const p = g.attr[i] ?? 0; D = p === 0 ? 0 : p * Math.pow(x[arg0[i]!]!, p - 1); break; }
        default: throw new Error(`internal: edge ${revTag[e]} in a scalar graph`);
      }
      x[dst] = (revInit[e] === 1 ? 0 : x[dst]!) + D * ybar;
    }
  }
}
