/**
 * Where an operator's adjoint lands: for 𝓐 and a codomain shape T, the domain shape S with
 * cod(𝓐, S) = T — the shape the materialized adjoint (the transposed matrix) maps to, so that
 * `adjoint(o)` can be materialized at a point of shape T as the transpose of o's matrix at S.
 *
 * This is shape bookkeeping only: no value of any adjoint is computed here. Each case restates the
 * "from … to …" of the kind's `.adjoint` rule. `zero` follows its rule's stated choice: without a
 * `domain`, the adjoint maps back to T itself. A shape no domain maps to is E_SHAPE.
 * These are exactly the shapes of the data adjoint `adj(o)` (op.def.data-adjoint asks for E_SHAPE at
 * the same points), including one corner where they are not the true adjoint's: `zero` with a
 * `domain` D and no `codomain` maps only D to D, yet `adj` (zero with `codomain` D) accepts any T
 * and returns 0_D. materialize.ts gives the zero matrix there.
 *
 * @see spec/02-operators.md#op.def.adjoint
 * @see spec/02-operators.md#op.zero.adjoint
 */
import { assertNever, fail } from "../../reference/errors.js";
import type { DShape } from "../dtensor.js";
import { dshape } from "../dtensor.js";
import { codomain } from "./codomain.js";
import type { DOperator } from "./read-operator.js";
import { matrixShape, requireShape, sameShape, showShape } from "./shape.js";

export function adjointDomain(op: DOperator, T: DShape): DShape {
  switch (op.op) {
    case "identity":
    case "scale":
      return T;
    case "zero": // @see spec/02-operators.md#op.zero.adjoint
      if (op.codomain !== undefined) requireShape(T, op.codomain, "the point of zero's adjoint");
      return op.domain ?? T;
    case "left": {
      // ℒ(A), A m×k: [k, n] → [m, n]  @see spec/02-operators.md#op.left.adjoint
      const [m, k] = matrixShape(op.matrix, "the matrix of left");
      const [rows, n] = pointShape(T, "left");
      if (rows !== m) fail("E_SHAPE", `left's adjoint needs ${m} rows, got ${showShape(T)}`);
      return [k, n];
    }
    case "right": {
      // ℛ(A), A k×n: [m, k] → [m, n]  @see spec/02-operators.md#op.right.adjoint
      const [k, n] = matrixShape(op.matrix, "the matrix of right");
      const [m, cols] = pointShape(T, "right");
      if (cols !== n) fail("E_SHAPE", `right's adjoint needs ${n} columns, got ${showShape(T)}`);
      return [m, k];
    }
    case "hadamard":
      requireShape(T, dshape(op.matrix), "the point of hadamard's adjoint");
      return T;
    case "kron": {
      // A p×q, B r×s: [s, q] → [r, p]  @see spec/02-operators.md#op.kron.adjoint
      const [p, q] = matrixShape(op.a, "the matrix a of kron");
      const [r, s] = matrixShape(op.b, "the matrix b of kron");
      requireShape(T, [r, p], "the point of kron's adjoint");
      return [s, q];
    }
    case "dot": // ℝ^shape(G) → ℝ  @see spec/02-operators.md#op.dot.adjoint
      requireShape(T, [], "the point of dot's adjoint");
      return dshape(op.matrix);
    case "outer": // ℝ → ℝ^shape(G)  @see spec/02-operators.md#op.outer.adjoint
      requireShape(T, dshape(op.matrix), "the point of outer's adjoint");
      return [];
    case "transpose":
      return T.length === 0 ? T : [T[1], T[0]];
    case "compose": // o1 is applied last, so its adjoint is undone first
      return op.of.reduce((shape, o) => adjointDomain(o, shape), T);
    case "sum": {
      const [first, ...rest] = op.of.map((o) => adjointDomain(o, T));
      if (first === undefined) return fail("E_SHAPE", "a sum of no operators");
      for (const s of rest) if (!sameShape(s, first)) fail("E_SHAPE", `the adjoints of a sum map to ${showShape(first)} and ${showShape(s)}`);
      return first;
    }
    case "adjoint": // adjoint(o) maps cod(o, S) to S, so its adjoint maps T to cod(o, T).
      return codomain(op.of, T);
    default:
      return assertNever(op);
  }
}

function pointShape(T: DShape, kind: string): readonly [number, number] {
  if (T.length === 0) fail("E_SHAPE", `the point of ${kind}'s adjoint must be a matrix, got a scalar`);
  return T;
}
