/**
 * Forward mode: (I − L) ẋ = S ṗ, solved by the same generic solver as forward substitution.
 * S ṗ carries the input tangents; constants and nodes start from zero.
 *
 * @see spec/04-system.md#system.forward
 */
import type { GraphCase, RawTensor } from "./case.js";
import { fail, locate } from "./errors.js";
import { operatorAlgebra } from "./algebra.js";
import { evaluate } from "./evaluate.js";
import { readGraph } from "./graph.js";
import { linearize } from "./linearize.js";
import { child, parseTensor } from "./number.js";
import { solveTriangular } from "./solve.js";
import { systemMatrix } from "./system.js";
import * as T from "./tensor.js";
import type { Tensor } from "./tensor.js";

export interface JvpResult {
  readonly value: Tensor;
  readonly tangent: Tensor;
}

/** The output's value and its directional derivative along `tangent` (missing inputs: zero). */
export function jvp(c: GraphCase, tangent: Readonly<Record<string, RawTensor>>): JvpResult {
  // Stryker disable next-line ObjectLiteral: equivalent — the case id reaches only the message text (an error crosses as code and message, spec: error.message; no invalid-corpus entry runs jvp)
  return locate({ caseId: c.id }, () => {
    const program = readGraph(c);
    const values = evaluate(program);
    const inputs = program.sources.filter((s) => s.kind === "input").map((s) => s.id);
    for (const id of Object.keys(tangent)) {
      if (!inputs.includes(id)) fail("E_UNKNOWN_ID", `tangent ${JSON.stringify(id)} is not an input`, { pointer: child("/tangent", id) });
    }
    const rhs = values.map((v, k): Tensor => {
      const id = program.ids[k] as string;
      // Only inputs can be named (checked above); an own member only: an input called "constructor" with no
      // tangent is zero, not Object.prototype.constructor.
      const raw = Object.hasOwn(tangent, id) ? tangent[id] : undefined;
      if (raw === undefined) return T.zeros(T.shapeOf(v));
      const t = parseTensor(raw, child("/tangent", id));
      T.requireSameShape(t, v, `the tangent of ${id} and its value`);
      return t;
    });
    const A = systemMatrix(values.map(T.shapeOf), linearize(program, values));
    const xdot = solveTriangular(A, rhs, operatorAlgebra);
    return { value: values[program.output] as Tensor, tangent: xdot[program.output] as Tensor };
  });
}
