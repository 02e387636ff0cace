/**
 * The Hadamard family: forward maps and domains of the elementwise primitives, and the edge
 * kernels `dst += D ⊙ src` whose mask D is never stored — each element of D is computed from the
 * forward values inside the loop, exactly as the primitive's linearization rule writes it, and
 * multiplied into the accumulation. ℋ(D) is its own adjoint (spec/02-operators.md#op.hadamard.adjoint),
 * so the same kernel serves back substitution and forward substitution.
 *
 * Conventions: offsets into the arena `x`: `a` the argument's value (A), `b` the second argument's
 * value (B, mul and div only), `c` the node's value (C), `src` the incoming adjoint or tangent, `dst`
 * the one accumulated into; `n` elements; `p` pow's exponent.
 *
 * @see spec/03-primitives.md#prim.elementwise
 */
import type { EDGE, PRIM } from "./tags.js";

/** Case labels are literals checked against tags.ts by `satisfies`: a jump table, no property loads (see sweeps-scalar.ts). */
type P = typeof PRIM;
type E = typeof EDGE;

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** C = h.(A) for an elementwise primitive. @see spec/03-primitives.md#prim.elementwise */
export function elementwiseForward(op: number, x: Float64Array, a: number, c: number, n: number, p: number): void {
  switch (op) {
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the extra write lands one element past node u's value: the next unknown's value (values laid out in order, compile-graph.ts), written in full at its own step before any read, or the slot region (adjoint slots zeroed on first touch or by the wrt fill, the output's set to the cotangent; tangent slots filled) or the inv/logdet scratch (written before read), or past the arena's end (ignored)
    case (11 satisfies P["exp"]): for (let k = 0; k < n; k++) x[c + k] = Math.exp(x[a + k]!); return; // prim.exp.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (12 satisfies P["log"]): for (let k = 0; k < n; k++) x[c + k] = Math.log(x[a + k]!); return; // prim.log.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (13 satisfies P["sin"]): for (let k = 0; k < n; k++) x[c + k] = Math.sin(x[a + k]!); return; // prim.sin.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (14 satisfies P["cos"]): for (let k = 0; k < n; k++) x[c + k] = Math.cos(x[a + k]!); return; // prim.cos.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (15 satisfies P["tanh"]): for (let k = 0; k < n; k++) x[c + k] = Math.tanh(x[a + k]!); return; // prim.tanh.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (16 satisfies P["sigmoid"]): for (let k = 0; k < n; k++) x[c + k] = sigmoid(x[a + k]!); return; // prim.sigmoid.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (17 satisfies P["sqrt"]): for (let k = 0; k < n; k++) x[c + k] = Math.sqrt(x[a + k]!); return; // prim.sqrt.forward (sqrt(−0) = −0)
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (18 satisfies P["square"]): for (let k = 0; k < n; k++) { const v = x[a + k]!; x[c + k] = v * v; } return; // prim.square.forward
    // Math.max gives relu(−0) = +0 and relu(NaN) = NaN.  @see spec/03-primitives.md#prim.relu.forward
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (19 satisfies P["relu"]): for (let k = 0; k < n; k++) x[c + k] = Math.max(x[a + k]!, 0); return;
    // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for exp's case above
    case (20 satisfies P["pow"]): for (let k = 0; k < n; k++) x[c + k] = Math.pow(x[a + k]!, p); return; // prim.pow.forward (0^0 = 1)
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: forwardSweep's default branch passes only the elementwise tags 11–20, each with its case
    default: throw new Error(`internal: ${op} is not an elementwise primitive`);
  }
}

/** A domain fault of an elementwise primitive: the rule it breaks and the first element breaking it. */
export interface DomainFault {
  readonly need: string;
  readonly got: number;
}

/**
 * The first element outside the primitive's domain, or undefined. NaN is never outside a domain.
 *
 * @see spec/03-primitives.md#prim.domain
 */
export function elementwiseDomainFault(op: number, x: Float64Array, a: number, n: number, p: number): DomainFault | undefined {
  switch (op) {
    // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
    case (12 satisfies P["log"]): return firstWhere(x, a, n, (v) => v <= 0, "x > 0"); // prim.log.domain
    // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
    case (17 satisfies P["sqrt"]): return firstWhere(x, a, n, (v) => v < 0, "x ≥ 0"); // prim.sqrt.domain
    case (20 satisfies P["pow"]): // prim.pow.domain: negative bases for integer p only, zero for p ≥ 0 only
      // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
      if (Number.isInteger(p)) return p >= 0 ? undefined : firstWhere(x, a, n, (v) => v === 0, "every element ≠ 0");
      // Stryker disable next-line StringLiteral: message text — only the detail of the E_DOMAIN message changes; its code and pointer (/graph/nodes/i, from nodeFault) are the same (spec: error.message)
      return p > 0 ? firstWhere(x, a, n, (v) => v < 0, "x ≥ 0") : firstWhere(x, a, n, (v) => v <= 0, "x > 0");
    // Stryker disable next-line ConditionalExpression: equivalent — without the statement the function falls off its end and returns undefined as well
    default: return undefined;
  }
}

function firstWhere(x: Float64Array, a: number, n: number, bad: (v: number) => boolean, need: string): DomainFault | undefined {
  // Stryker disable next-line ArithmeticOperator,ObjectLiteral: message text (got: x[a - k], {}) — need and got only word the message; any returned object raises the same E_DOMAIN at the same node
  for (let k = 0; k < n; k++) if (bad(x[a + k]!)) return { need, got: x[a + k]! };
  return undefined;
}

/**
 * dst += D ⊙ src, with D the mask of the edge's Hadamard operator.
 *
 * @see spec/02-operators.md#op.hadamard.apply
 */
export function hadamardEdge(tag: number, x: Float64Array, dst: number, src: number, a: number, b: number, c: number, n: number, p: number): void {
  switch (tag) {
    // mul: A ↦ ℋ(B), B ↦ ℋ(A).  @see spec/03-primitives.md#prim.mul.linearize
    case (2 satisfies E["MUL_A"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + x[b + k]! * x[src + k]!; return;
    case (3 satisfies E["MUL_B"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + x[a + k]! * x[src + k]!; return;
    // div: D_A = 𝟙 ⊘ B, (D_B)_ij = −A_ij / B_ij².  @see spec/03-primitives.md#prim.div.linearize
    case (4 satisfies E["DIV_A"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + (1 / x[b + k]!) * x[src + k]!; return;
    case (5 satisfies E["DIV_B"]):
      for (let k = 0; k < n; k++) { const v = x[b + k]!; x[dst + k] = x[dst + k]! + (-x[a + k]! / (v * v)) * x[src + k]!; }
      return;
    // D = C.  @see spec/03-primitives.md#prim.exp.linearize
    case (15 satisfies E["EXP"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + x[c + k]! * x[src + k]!; return;
    // D = 1 / A.  @see spec/03-primitives.md#prim.log.linearize
    case (16 satisfies E["LOG"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + (1 / x[a + k]!) * x[src + k]!; return;
    // D = cos A.  @see spec/03-primitives.md#prim.sin.linearize
    case (17 satisfies E["SIN"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + Math.cos(x[a + k]!) * x[src + k]!; return;
    // D = −sin A.  @see spec/03-primitives.md#prim.cos.linearize
    case (18 satisfies E["COS"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + -Math.sin(x[a + k]!) * x[src + k]!; return;
    // D = 1 − C².  @see spec/03-primitives.md#prim.tanh.linearize
    case (19 satisfies E["TANH"]): for (let k = 0; k < n; k++) { const v = x[c + k]!; x[dst + k] = x[dst + k]! + (1 - v * v) * x[src + k]!; } return;
    // D = C (1 − C).  @see spec/03-primitives.md#prim.sigmoid.linearize
    case (20 satisfies E["SIGMOID"]): for (let k = 0; k < n; k++) { const v = x[c + k]!; x[dst + k] = x[dst + k]! + v * (1 - v) * x[src + k]!; } return;
    // D = 1 / (2C); +∞ at either zero (the domain's edge).  @see spec/03-primitives.md#prim.sqrt.edge
    case (21 satisfies E["SQRT"]):
      for (let k = 0; k < n; k++) { const v = x[c + k]!; x[dst + k] = x[dst + k]! + (v === 0 ? Infinity : 1 / (2 * v)) * x[src + k]!; }
      return;
    // D = 2A.  @see spec/03-primitives.md#prim.square.linearize
    case (22 satisfies E["SQUARE"]): for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + 2 * x[a + k]! * x[src + k]!; return;
    // D = 1 where A > 0, 0 where A < 0 and at the kink (either zero), NaN at NaN.  @see spec/03-primitives.md#prim.relu.kink
    case (23 satisfies E["RELU"]):
      for (let k = 0; k < n; k++) { const v = x[a + k]!; x[dst + k] = x[dst + k]! + (v > 0 ? 1 : v !== v ? NaN : 0) * x[src + k]!; }
      return;
    // D = p·A^(p−1); 0 when p = 0; +∞ at zero for 0 < p < 1 (Math.pow gives it).  @see spec/03-primitives.md#prim.pow.linearize
    case (24 satisfies E["POW"]):
      if (p === 0) for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + 0 * x[src + k]!;
      else for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + p * Math.pow(x[a + k]!, p - 1) * x[src + k]!;
      return;
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: runEdge passes only the Hadamard tags, each with its case
    default: throw new Error(`internal: edge ${tag} is not a Hadamard edge`);
  }
}
