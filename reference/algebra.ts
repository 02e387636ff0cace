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

export const numberAlgebra: Algebra<number, number> = {
  mul: (a, x) => a * x,
  sub: (x, y) => x - y,
  ldiv: (a, x) => x / a,
  adjoint: (a) => a,
};

/** The diagonal of I − L is 𝓘; a scaled identity is the only other entry this algebra inverts. */
function invertDiagonal(a: Operator): Operator {
  if (a.op === "identity") return a;
  if (a.op === "scale") return O.scale(1 / a.by);
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
export const compositionAlgebra: Algebra<Operator, Operator> = {
  mul: (a, x) => O.compose(a, x),
  sub: (x, y) => O.sum(x, O.compose(O.scale(-1), y)),
  ldiv: (a, x) => O.compose(invertDiagonal(a), x),
  adjoint,
};
