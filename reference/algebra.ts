/**
 * Element algebras for the generic solver: real numbers, operators acting on tensors, and
 * operators acting on operators (composition). decimal.js numbers have theirs in the tests and
 * the oracles, written the same way.
 *
 * @see spec/04-system.md#system.solver
 */
import { fail } from "./errors.js";
import * as O from "./operator.js";
import type { Operator } from "./operator.js";
import { adjoint } from "./operator-adjoint.js";
import { apply } from "./operator-apply.js";
import * as T from "./tensor.js";
import type { Tensor } from "./tensor.js";
import type { Algebra } from "./solve.js";

// Stryker disable all: not backend behaviour — numberAlgebra is used only by reference/solve.test.ts (the solver over numbers), which covers it
export const numberAlgebra: Algebra<number, number> = {
  mul: (a, x) => a * x,
  sub: (x, y) => x - y,
  ldiv: (a, x) => x / a,
  adjoint: (a) => a,
};
// Stryker restore all

/** The diagonal of I − L is 𝓘; a scaled identity is the only other entry this algebra inverts. */
function invertDiagonal(a: Operator): Operator {
  // Stryker disable next-line ConditionalExpression: equivalent for a backend — every diagonal entry systemMatrix builds is O.identity (system.ts), so the test is always true there; other diagonals come only from reference/solve.test.ts
  if (a.op === "identity") return a;
  // Stryker disable next-line all: not backend behaviour — a scaled-identity diagonal comes only from reference/solve.test.ts (compositionAlgebra), which covers it
  if (a.op === "scale") return O.scale(1 / a.by);
  // Stryker disable next-line all: not backend behaviour — unreachable from a backend (its diagonal is always O.identity); a guard for solve.test.ts's algebras
  return fail("E_INTERNAL", `cannot invert the diagonal operator ${a.op}`);
}

/** Entries are operators, elements are tensors: mul applies. */
export const operatorAlgebra: Algebra<Operator, Tensor> = {
  mul: apply,
  sub: T.sub,
  ldiv: (a, x) => apply(invertDiagonal(a), x),
  adjoint,
};

/**
 * Entries and elements are both operators: mul composes. Solving with operator right-hand sides
 * yields the path-weight operators of (I − L)⁻¹ themselves, printable as the paper prints them.
 */
// Stryker disable all: not backend behaviour — compositionAlgebra is used only by reference/solve.test.ts (the path-weight operators the paper prints), which covers it
export const compositionAlgebra: Algebra<Operator, Operator> = {
  mul: (a, x) => O.compose(a, x),
  sub: (x, y) => O.sum(x, O.compose(O.scale(-1), y)),
  ldiv: (a, x) => O.compose(invertDiagonal(a), x),
  adjoint,
};
// Stryker restore all
