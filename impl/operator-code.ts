/**
 * Compiling operator data (spec chapter 2) into flat kernel code for one domain shape and one
 * direction: `adjoint(·)` nodes, the reversal of compositions and the adjoint of each kind are
 * resolved here, once, so running the code is a walk over integer arrays with a switch — no
 * operator objects. Shape faults are found while compiling, with the reference's checks.
 *
 * Conventions: `S` the shape the compiled node receives, `T` the one it produces; `adj` compiles
 * `oᵀ•` instead of `o`. Matrices are copied into the arena as constants; compositions and kron get
 * scratch buffers for their intermediate results. Node fields: `m, n, k` are gemm dimensions (kron: of its first product, `l` the codomain's columns), or
 * `n` the element count (and `k` = 1 for a scalar G of dot), or `m × n` the shape to transpose.
 *
 * @see spec/02-operators.md#op.def.data-adjoint
 */
import { elements, fail, formatShape, sameShape, shapeOf, type Operator, type Shape, type Tensor } from "../reference/index.js";

export const OPK = {
  IDENTITY: 0, ZERO: 1, SCALE: 2, LEFT: 3, LEFT_T: 4, RIGHT: 5, RIGHT_T: 6, HADAMARD: 7, KRON: 8, KRON_T: 9,
  DOT: 10, OUTER: 11, TRANSPOSE: 12, COMPOSE: 13, SUM: 14,
} as const;

/** Compiled operator nodes, one index per node, and the arena layout they refer to. */
export class OperatorCode {
  readonly kind: number[] = [];
  readonly m: number[] = [];
  readonly n: number[] = [];
  readonly k: number[] = [];
  /** kron's second product: the codomain's column count. */
  readonly l: number[] = [];
  /** scale's factor. */
  readonly by: number[] = [];
  /** Offsets of the constant matrices (A or M or G; B for kron). */
  readonly p0: number[] = [];
  readonly p1: number[] = [];
  /** Scratch for kron's intermediate (offset, size). */
  readonly t0: number[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent for a backend — each request compiles its own code into a fresh (all-zero) arena and runs each node once, so this zeroing of a temporary finds it zero already (it matters for code run twice, which only a library caller does); a leading extra element shifts which size is read
  readonly ts: number[] = [];
  /** Children (compose: in acting order; sum: in list order) as a range of `children`, with compose's temporaries. */
  // Stryker disable next-line ArrayDeclaration: equivalent — group() writes c0[id] by index for every group node, the only nodes that read it; node() only grows the array
  readonly c0: number[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent — as c0: written by index in group(), read only for group nodes
  readonly cn: number[] = [];
  readonly children: number[] = [];
  readonly tmp: number[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent for a backend — each request compiles its own code into a fresh (all-zero) arena and runs each node once, so this zeroing of a temporary finds it zero already (it matters for code run twice, which only a library caller does); a leading extra element shifts which size is read
  readonly tmpSize: number[] = [];
  /** Constants to write into the arena once it exists. */
  readonly constants: { readonly at: number; readonly values: readonly number[] }[] = [];

  constructor(public top: number) {}

  /** `size` elements of arena space. */
  reserve(size: number): number {
    const at = this.top;
    this.top += size;
    return at;
  }

  /** Writes the constants into the arena. */
  load(x: Float64Array): void {
    for (const c of this.constants) x.set(c.values, c.at);
  }

  private constant(t: Tensor): number {
    const values = elements(t);
    const at = this.reserve(values.length);
    this.constants.push({ at, values });
    return at;
  }

  private node(kind: number, dims: { m?: number; n?: number; k?: number; l?: number; by?: number; p0?: Tensor; p1?: Tensor; temp?: number } = {}): number {
    const id = this.kind.length;
    this.kind.push(kind);
    this.m.push(dims.m ?? 0);
    this.n.push(dims.n ?? 0);
    this.k.push(dims.k ?? 0);
    this.l.push(dims.l ?? 0);
    this.by.push(dims.by ?? 0);
    // Stryker disable next-line UnaryOperator: equivalent — the −1 sentinel is never read: only kinds that are given p0 read it
    this.p0.push(dims.p0 === undefined ? -1 : this.constant(dims.p0));
    // Stryker disable next-line UnaryOperator: equivalent — the −1 sentinel is never read: only kron reads p1, and it is always given
    this.p1.push(dims.p1 === undefined ? -1 : this.constant(dims.p1));
    // Stryker disable next-line UnaryOperator: equivalent — the −1 sentinel is never read: only kron reads t0, and it is always given
    this.t0.push(dims.temp === undefined ? -1 : this.reserve(dims.temp));
    // Stryker disable next-line LogicalOperator: equivalent for a backend — each request compiles its own code into a fresh (all-zero) arena and runs each node once, so this zeroing of a temporary finds it zero already (it matters for code run twice, which only a library caller does)
    this.ts.push(dims.temp ?? 0);
    this.c0.push(0);
    this.cn.push(0);
    return id;
  }

  /**
   * Compiles `o` (or `oᵀ•` when `adj`) for points of shape S; returns the node and its codomain.
   * E_SHAPE where the reference's apply would raise it.
   */
  compile(o: Operator, S: Shape, adj: boolean): { node: number; T: Shape } {
    switch (o.op) {
      case "identity": // op.identity.apply, op.identity.adjoint
        return { node: this.node(OPK.IDENTITY, { n: sizeOf(S) }), T: S };
      case "zero": { // the adjoint swaps domain and codomain  @see spec/02-operators.md#op.zero.adjoint
        const domain = adj ? o.codomain : o.domain;
        const codomain = adj ? o.domain : o.codomain;
        if (domain !== undefined && !sameShape(domain, S)) fail("E_SHAPE", `zero expects a ${formatShape(domain)} point, got ${formatShape(S)}`);
        return { node: this.node(OPK.ZERO), T: codomain ?? S };
      }
      case "scale": // self-adjoint  @see spec/02-operators.md#op.scale.adjoint
        return { node: this.node(OPK.SCALE, { n: sizeOf(S), by: o.by }), T: S };
      case "left": { // X ↦ AX; adjoint Y ↦ AᵀY  @see spec/02-operators.md#op.left.adjoint
        const [r, c] = matrix(shapeOf(o.matrix), "the matrix of left");
        const [xr, xc] = matrix(S, "the point of left");
        if ((adj ? r : c) !== xr) fail("E_SHAPE", `cannot multiply ${adj ? `${c}×${r}` : `${r}×${c}`} by ${formatShape(S)}`);
        return adj
          ? { node: this.node(OPK.LEFT_T, { m: c, n: xc, k: r, p0: o.matrix }), T: [c, xc] }
          : { node: this.node(OPK.LEFT, { m: r, n: xc, k: c, p0: o.matrix }), T: [r, xc] };
      }
      case "right": { // X ↦ XA; adjoint Y ↦ YAᵀ  @see spec/02-operators.md#op.right.adjoint
        const [xr, xc] = matrix(S, "the point of right");
        const [r, c] = matrix(shapeOf(o.matrix), "the matrix of right");
        if ((adj ? c : r) !== xc) fail("E_SHAPE", `cannot multiply ${formatShape(S)} by ${adj ? `${c}×${r}` : `${r}×${c}`}`);
        return adj
          ? { node: this.node(OPK.RIGHT_T, { m: xr, n: r, k: xc, p0: o.matrix }), T: [xr, r] }
          : { node: this.node(OPK.RIGHT, { m: xr, n: c, k: xc, p0: o.matrix }), T: [xr, c] };
      }
      case "hadamard": // X ↦ M ⊙ X, self-adjoint  @see spec/02-operators.md#op.hadamard.apply
        if (!sameShape(shapeOf(o.matrix), S)) fail("E_SHAPE", `Hadamard factors have different shapes: ${formatShape(shapeOf(o.matrix))} and ${formatShape(S)}`);
        return { node: this.node(OPK.HADAMARD, { n: sizeOf(S), p0: o.matrix }), T: S };
      case "kron": { // X ↦ B X Aᵀ; adjoint Y ↦ Bᵀ Y A  @see spec/02-operators.md#op.kron.adjoint
        const [p, q] = matrix(shapeOf(o.a), "the matrix a of kron");
        const [r, s] = matrix(shapeOf(o.b), "the matrix b of kron");
        const [xr, xc] = matrix(S, "the point of kron");
        if ((adj ? r : s) !== xr || (adj ? p : q) !== xc) fail("E_SHAPE", `kron(${p}×${q}, ${r}×${s}) cannot apply${adj ? " its adjoint" : ""} to ${formatShape(S)}`);
        const inner = adj ? s : r; // the intermediate B X (r × xc) or Bᵀ Y (s × xc)
        return adj
          ? { node: this.node(OPK.KRON_T, { m: s, n: xc, k: r, l: q, p0: o.a, p1: o.b, temp: inner * xc }), T: [s, q] }
          : { node: this.node(OPK.KRON, { m: r, n: xc, k: s, l: p, p0: o.a, p1: o.b, temp: inner * xc }), T: [r, p] };
      }
      case "dot": return adj ? this.outer(o.matrix, S) : this.dot(o.matrix, S); // op.dot.adjoint
      case "outer": return adj ? this.dot(o.matrix, S) : this.outer(o.matrix, S); // op.outer.adjoint
      case "transpose": // 𝒯, self-adjoint  @see spec/02-operators.md#op.transpose.adjoint
        return S.length === 0
          ? { node: this.node(OPK.TRANSPOSE, { m: 1, n: 1 }), T: S }
          : { node: this.node(OPK.TRANSPOSE, { m: S[0], n: S[1] }), T: [S[1], S[0]] };
      case "compose": { // ok acts first; the adjoint applies adj(o1) first  @see spec/02-operators.md#op.compose.adjoint
        const acting = adj ? [...o.of] : [...o.of].reverse();
        const parts: number[] = [];
        const temps: { at: number; size: number }[] = [];
        let shape = S;
        acting.forEach((part, t) => {
          const { node, T } = this.compile(part, shape, adj);
          parts.push(node);
          shape = T;
          const size = t < acting.length - 1 ? sizeOf(T) : 0;
          // Stryker disable next-line UnaryOperator: a sentinel never read — a part with no temporary (size 0) is the composition's last, which writes to the destination
          temps.push({ at: size > 0 ? this.reserve(size) : -1, size });
        });
        return { node: this.group(OPK.COMPOSE, parts, temps), T: shape };
      }
      case "sum": { // pointwise, in list order  @see spec/02-operators.md#op.sum.adjoint
        const parts = o.of.map((part) => this.compile(part, S, adj));
        // Stryker disable next-line OptionalChaining,StringLiteral: not backend behaviour — the schema requires at least one operator in `of` (spec/schema/operator.schema.json, minItems 1), so no backend receives an empty sum; a guard for library callers
        const T = parts[0]?.T ?? fail("E_SHAPE", "a sum of no operators has no codomain");
        for (const p of parts) if (!sameShape(p.T, T)) fail("E_SHAPE", `summands have different shapes: ${formatShape(T)} and ${formatShape(p.T)}`);
        // Stryker disable next-line UnaryOperator: a sentinel never read — a sum's parts each write to the destination; runOperator's SUM case reads no temporaries
        return { node: this.group(OPK.SUM, parts.map((p) => p.node), parts.map(() => ({ at: -1, size: 0 }))), T };
      }
      case "adjoint": // applies adj(o); adj(adj(o)) = o  @see spec/02-operators.md#op.adjoint.apply
        return this.compile(o.of, S, !adj);
    }
  }

  /** X ↦ ⟨G, X⟩.  @see spec/02-operators.md#op.dot.apply */
  private dot(G: Tensor, S: Shape): { node: number; T: Shape } {
    const g = shapeOf(G);
    if (g.length === 0 && S.length !== 0) fail("E_SHAPE", `the argument of a scalar inner product must be a scalar, got ${formatShape(S)}`);
    if (!sameShape(g, S)) fail("E_SHAPE", `inner-product factors have different shapes: ${formatShape(g)} and ${formatShape(S)}`);
    return { node: this.node(OPK.DOT, { n: sizeOf(S), k: g.length === 0 ? 1 : 0, p0: G }), T: [] };
  }

  /** c ↦ cG.  @see spec/02-operators.md#op.outer.apply */
  private outer(G: Tensor, S: Shape): { node: number; T: Shape } {
    if (S.length !== 0) fail("E_SHAPE", `the point of outer must be a scalar, got ${formatShape(S)}`);
    return { node: this.node(OPK.OUTER, { n: sizeOf(shapeOf(G)), p0: G }), T: shapeOf(G) };
  }

  private group(kind: number, parts: readonly number[], temps: readonly { at: number; size: number }[]): number {
    const id = this.node(kind);
    this.c0[id] = this.children.length;
    this.cn[id] = parts.length;
    parts.forEach((p, t) => {
      this.children.push(p);
      this.tmp.push(temps[t]!.at);
      this.tmpSize.push(temps[t]!.size);
    });
    return id;
  }
}

export const sizeOf = (S: Shape): number => (S.length === 0 ? 1 : S[0] * S[1]);

function matrix(S: Shape, what: string): readonly [number, number] {
  if (S.length === 0) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return S;
}
