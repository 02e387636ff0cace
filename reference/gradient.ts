/**
 * Reverse mode: (I − L)ᵀ• ȳ = g, solved by the generic back substitution. The gradient with
 * respect to input s is ȳ_s.
 *
 * @see spec/04-system.md#system.gradient
 */
import type { GraphCase } from "./case.js";
import { fail, locate } from "./errors.js";
import { operatorAlgebra } from "./algebra.js";
import { evaluate } from "./evaluate.js";
import { readGraph, type Program } from "./graph.js";
import { linearize, live } from "./linearize.js";
import { solveTriangular } from "./solve.js";
import { systemMatrix } from "./system.js";
import * as T from "./tensor.js";
import type { Tensor } from "./tensor.js";

export interface GradientResult {
  readonly value: Tensor;
  readonly gradient: Readonly<Record<string, Tensor>>;
}

/** The cotangent g_output: given, or 1 for a scalar output. @see spec/04-system.md#system.cotangent */
export function cotangentOf(program: Program, value: Tensor): Tensor {
  const shape = T.shapeOf(value);
  if (program.cotangent === undefined) {
    if (shape.length !== 0) fail("E_NOT_SCALAR", `the output is ${T.formatShape(shape)}: a cotangent is required`, { pointer: "/graph/output" });
    return 1;
  }
  const given = T.shapeOf(program.cotangent);
  if (!T.sameShape(given, shape)) {
    fail("E_SHAPE", `the cotangent is ${T.formatShape(given)} but the output is ${T.formatShape(shape)}`, { pointer: "/cotangent" });
  }
  return program.cotangent;
}

export function gradient(c: GraphCase): GradientResult {
  return locate({ caseId: c.id }, () => {
    const program = readGraph(c);
    const values = evaluate(program);
    const value = values[program.output] as Tensor;
    const g = values.map((v, k) => (k === program.output ? cotangentOf(program, value) : T.zeros(T.shapeOf(v))));
    const reached = live(program);
    const edges = linearize(program, values).filter((e) => reached.has(e.to)); // system.live
    const A = systemMatrix(values.map(T.shapeOf), edges);
    const ybar = solveTriangular(A, g, operatorAlgebra, true);
    const gradient = Object.fromEntries(program.wrt.map((k) => [program.ids[k] as string, ybar[k] as Tensor]));
    return { value, gradient };
  });
}
