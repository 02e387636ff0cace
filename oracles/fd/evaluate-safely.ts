/**
 * Calls a forward function without letting a domain error escape: a throw or a non-finite value
 * means "this point is outside the domain" to every finite-difference routine, never a crash.
 *
 * @see spec/03-primitives.md#prim.domain
 */

/** A forward function in float64 on a flat input vector; it may throw outside its domain. */
export type ForwardFunction = (x: Float64Array) => number;

/** The value of `f` at `x`, or `{ value: NaN, error }` when it throws or is not finite. */
export interface SafeValue {
  readonly value: number;
  /** The thrown message, kept as evidence (a bug in `f` would otherwise hide as a domain edge). */
  readonly error?: string;
}

/** Evaluates `f` on a copy of `x`, so that an `f` that writes to its argument cannot corrupt the sweep. */
export function evaluateSafely(f: ForwardFunction, x: Float64Array): SafeValue {
  try {
    const value = f(Float64Array.from(x));
    return Number.isFinite(value) ? { value } : { value: NaN };
  } catch (e) {
    return { value: NaN, error: e instanceof Error ? e.message : String(e) };
  }
}
