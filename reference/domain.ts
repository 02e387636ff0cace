/**
 * Domains as data: where a primitive is defined, checked in one place and readable by test
 * generators (which draw inputs inside a domain and away from its kinks).
 *
 * NaN is never a domain error: it propagates. Infinities are checked like any other value.
 *
 * @see spec/03-primitives.md
 */
import { assertNever, fail } from "./errors.js";
import { elements, type Tensor } from "./tensor.js";

export type Domain =
  | { readonly kind: "all" }
  /** Elementwise x > bound (or x ≥ bound when inclusive). */
  | { readonly kind: "above"; readonly bound: number; readonly inclusive: boolean }
  /** Elementwise x ≠ 0. */
  | { readonly kind: "nonzero" }
  /** Square matrices with no zero pivot under Gaussian elimination with partial pivoting. */
  | { readonly kind: "invertible" }
  /** Square matrices with det > 0. */
  | { readonly kind: "positive-determinant" };

/** A point where the derivative jumps, and the derivative this spec assigns there. */
export interface Kink {
  readonly at: number;
  readonly derivative: number;
}

export const ALL: Domain = { kind: "all" };

/** Checks the elementwise domains; matrix domains are checked by the elimination itself. */
export function checkDomain(domain: Domain, t: Tensor, what: string): void {
  switch (domain.kind) {
    case "all":
    case "invertible":
    // Stryker disable next-line ConditionalExpression: equivalent — falling through into "above" compares x with domain.bound, undefined for these kinds, which is false for every x: nothing fails, then return
    case "positive-determinant":
      return;
    case "above": {
      const bad = elements(t).find((x) => (domain.inclusive ? x < domain.bound : x <= domain.bound));
      if (bad !== undefined) {
        fail("E_DOMAIN", `${what} needs x ${domain.inclusive ? "≥" : ">"} ${domain.bound}, got ${bad}`);
      }
      return;
    }
    case "nonzero":
      if (elements(t).some((x) => x === 0)) fail("E_DOMAIN", `${what} needs every element ≠ 0, got 0`);
      return;
    // Stryker disable next-line ConditionalExpression: equivalent — unreachable: domains come only from the rule table and every kind has its case (assertNever is the compile-time check)
    default:
      return assertNever(domain);
  }
}
