/**
 * The one generic triangular solver. It was written once and is used unchanged for numbers,
 * decimal.js numbers, operator entries acting on tensors, and operators composed with operators.
 *
 * Conventions: `T` is a lower-triangular N×N matrix of entries `E`; `b` and `x` are vectors of
 * elements `V`. The solver needs only what the algebra gives it: apply an entry to an element,
 * subtract two elements, divide by a diagonal entry, and the adjoint of an entry.
 *
 * @see spec/04-system.md#system.solver
 */

/** What the solver needs of its element types; nothing else. */
export interface Algebra<E, V> {
  /** The entry applied to an element: a·x (a product, an operator application, a composition). */
  mul(a: E, x: V): V;
  /** x − y. */
  sub(x: V, y: V): V;
  /** a \ x for a diagonal entry a. */
  ldiv(a: E, x: V): V;
  /** aᵀ•: the entry's adjoint (the number itself, for real numbers). */
  adjoint(a: E): E;
}

/**
 * Solves `T x = b` by forward substitution, or `Tᵀ• x = b` by back substitution when `transposeDot`
 * is set. Tᵀ• is never formed: its entry (i, j) is read as adjoint(T[j][i]), and the unknowns are
 * visited last to first. Each x_i = diag \ (b_i − Σ entry(i, j) x_j) over the unknowns already solved.
 *
 * @see spec/04-system.md#system.reverse
 * @see spec/04-system.md#system.forward
 */
export function solveTriangular<E, V>(
  T: readonly (readonly E[])[],
  b: readonly V[],
  algebra: Algebra<E, V>,
  transposeDot = false,
): V[] {
  const n = b.length;
  const entry = (i: number, j: number): E =>
    transposeDot ? algebra.adjoint(T[j]?.[i] as E) : (T[i]?.[j] as E);
  const order = Array.from({ length: n }, (_, k) => (transposeDot ? n - 1 - k : k));
  // Stryker disable next-line ArrayDeclaration: equivalent — every x[i] is assigned before it is read or returned; the length only preallocates
  const x: V[] = new Array<V>(n);
  order.forEach((i, step) => {
    let r = b[i] as V;
    for (const j of order.slice(0, step)) r = algebra.sub(r, algebra.mul(entry(i, j), x[j] as V));
    x[i] = algebra.ldiv(entry(i, i), r);
  });
  return x;
}
