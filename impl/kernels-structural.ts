/**
 * The structural family: add, sub, neg, mul, div, scale, transpose, sum, dot, trace — their forward
 * maps, and the kernels of the edges whose operators are 𝓘, scale(c), 𝒯, transpose dots `Gᵀ•` and
 * their adjoints `outer(G)`. Every kernel accumulates into `dst`.
 *
 * Conventions: offsets into the arena `x`; `n` elements; `rows × cols` a matrix's shape (a scalar is
 * 1 × 1 here, its shape is checked elsewhere).
 *
 * @see spec/03-primitives.md
 */

/** C = A + B, A − B, A ⊙ B, A ⊘ B, −A.  @see spec/03-primitives.md#prim.add.forward */
export function addForward(x: Float64Array, a: number, b: number, c: number, n: number): void {
  // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the extra write lands one element past node u's value: the next unknown's value (values laid out in order, compile-graph.ts), written in full at its own step before any read, or the slot region (adjoint slots zeroed on first touch or by the wrt fill, the output's set to the cotangent; tangent slots filled) or the inv/logdet scratch (written before read), or past the arena's end (ignored)
  for (let k = 0; k < n; k++) x[c + k] = x[a + k]! + x[b + k]!;
}
/** @see spec/03-primitives.md#prim.sub.forward */
export function subForward(x: Float64Array, a: number, b: number, c: number, n: number): void {
  // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for addForward above
  for (let k = 0; k < n; k++) x[c + k] = x[a + k]! - x[b + k]!;
}
/** @see spec/03-primitives.md#prim.mul.forward */
export function mulForward(x: Float64Array, a: number, b: number, c: number, n: number): void {
  // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for addForward above
  for (let k = 0; k < n; k++) x[c + k] = x[a + k]! * x[b + k]!;
}
/** @see spec/03-primitives.md#prim.div.forward */
export function divForward(x: Float64Array, a: number, b: number, c: number, n: number): void {
  // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for addForward above
  for (let k = 0; k < n; k++) x[c + k] = x[a + k]! / x[b + k]!;
}
/** −A, so neg(0) = −0.  @see spec/03-primitives.md#prim.neg.forward */
export function negForward(x: Float64Array, a: number, c: number, n: number): void {
  // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for addForward above
  for (let k = 0; k < n; k++) x[c + k] = -x[a + k]!;
}
/** C = sX.  @see spec/03-primitives.md#prim.scale.forward */
export function scaleForward(x: Float64Array, s: number, a: number, c: number, n: number): void {
  const v = x[s]!;
  // Stryker disable next-line EqualityOperator: equivalent (k <= n) — the write one element past C lands where it is written before any read, as for addForward above
  for (let k = 0; k < n; k++) x[c + k] = v * x[a + k]!;
}

/** The index of the first zero element (either sign) or −1: div's domain.  @see spec/03-primitives.md#prim.div.domain */
export function firstZero(x: Float64Array, a: number, n: number): number {
  for (let k = 0; k < n; k++) if (x[a + k] === 0) return k;
  return -1;
}

/** dst += src: the identity operator.  @see spec/02-operators.md#op.identity.apply */
export function identityAcc(x: Float64Array, dst: number, src: number, n: number): void {
  for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + x[src + k]!;
}

/** dst += c·src: scale(c), its own adjoint.  @see spec/02-operators.md#op.scale.adjoint */
export function scaleAcc(x: Float64Array, c: number, dst: number, src: number, n: number): void {
  for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + c * x[src + k]!;
}

/** dst += Aᵀ for A stored rows × cols (a scalar is 1 × 1).  @see spec/02-operators.md#op.transpose.apply */
export function transposeAcc(x: Float64Array, dst: number, src: number, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) x[dst + j * rows + i] = x[dst + j * rows + i]! + x[src + i * cols + j]!;
}

/** C = Aᵀ (a scalar is its own transpose).  @see spec/03-primitives.md#prim.transpose.forward */
export function transposeForward(x: Float64Array, a: number, c: number, rows: number, cols: number): void {
  // Stryker disable next-line EqualityOperator: equivalent (j <= cols) — the extra writes land up to rows elements past C: later values (each written in full at its own step before any read), the slot region or scratch (written before read), or past the arena
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) x[c + j * rows + i] = x[a + i * cols + j]!;
}

/**
 * ⟨G, X⟩ = 0 + Σ G_ij X_ij in row-major order, as the reference sums it (spec/01-values.md#value.inner-product);
 * for scalars (n = 1 and `scalar`) the plain product G·X, with its zero sign.
 */
export function inner(x: Float64Array, g: number, a: number, n: number, scalar: boolean): number {
  if (scalar) return x[g]! * x[a]!;
  let s = 0;
  for (let k = 0; k < n; k++) s += x[g + k]! * x[a + k]!;
  return s;
}

/** Σ_ij A_ij = ⟨𝟙, A⟩ (for a scalar, A itself).  @see spec/03-primitives.md#prim.sum.forward */
export function sumOf(x: Float64Array, a: number, n: number, scalar: boolean): number {
  if (scalar) return x[a]!;
  let s = 0;
  for (let k = 0; k < n; k++) s += x[a + k]!;
  return s;
}

/** Σ_i A_ii.  @see spec/03-primitives.md#prim.trace.forward */
export function traceOf(x: Float64Array, a: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[a + i * n + i]!;
  return s;
}

/**
 * ⟨I_n, X⟩ with every term, zeros included: the operator dot(I_n) applied as data, so that a
 * non-finite off-diagonal tangent gives NaN as 0·∞ does.  @see spec/03-primitives.md#prim.trace.linearize
 */
export function innerIdentity(x: Float64Array, a: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += (i === j ? 1 : 0) * x[a + i * n + j]!;
  return s;
}

/** dst += c·G: outer(G) applied to the scalar c.  @see spec/02-operators.md#op.outer.apply */
export function outerAcc(x: Float64Array, c: number, dst: number, g: number, n: number): void {
  for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + c * x[g + k]!;
}

/** dst += c·𝟙: outer(𝟙) = sum's adjoint (c·1 = c).  @see spec/03-primitives.md#prim.sum.linearize */
export function outerOnesAcc(x: Float64Array, c: number, dst: number, n: number): void {
  // Stryker disable next-line ArithmeticOperator: equivalent (c / 1) — c / 1 === c * 1 for every double
  for (let k = 0; k < n; k++) x[dst + k] = x[dst + k]! + c * 1;
}

/** dst += c·I_n, zeros included (c·0 is NaN for c = ±∞).  @see spec/02-operators.md#op.dot.adjoint */
export function outerIdentityAcc(x: Float64Array, c: number, dst: number, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x[dst + i * n + j] = x[dst + i * n + j]! + c * (i === j ? 1 : 0);
}
