/**
 * Graph cases through a compiled plan: gradient (back substitution) and jvp (forward
 * substitution), with the reference's reading, validation and error order: reading, then
 * evaluation, then the cotangent or the tangents.
 *
 * @see spec/04-system.md#system.gradient
 */
import {
  cotangentOf, elements, fail, formatShape, locate, parseTensor, readGraph, sameShape, shapeOf,
  type GraphCase, type RawTensor, type Shape, type Tensor,
} from "../reference/index.js";
import { child } from "../reference/number.js";
import { fromProgram } from "./compact-program.js";
import { planOf } from "./graph-plan.js";
import { readTensor } from "./tensor-io.js";

export interface GradientResult {
  readonly value: Tensor;
  readonly gradient: Readonly<Record<string, Tensor>>;
}

export interface JvpResult {
  readonly value: Tensor;
  readonly tangent: Tensor;
}

/** @see spec/04-system.md#system.gradient */
export function gradient(c: GraphCase): GradientResult {
  return locate({ caseId: c.id }, () => {
    const program = readGraph(c);
    const plan = planOf(fromProgram(program));
    const { code, arena } = plan;
    plan.forward();
    const o = code.output;
    const value = readTensor(arena, code.valOff[o]!, plan.shapeOf(o));
    const g = plan.gradient(elements(cotangentOf(program, value)));
    return { value, gradient: Object.fromEntries(code.wrt.map((k, w) => [code.idOf(k), readTensor(g[w]!, 0, plan.shapeOf(k))])) };
  });
}

/** @see spec/08-backends.md#backend.jvp */
export function jvp(c: GraphCase, tangent: Readonly<Record<string, RawTensor>>): JvpResult {
  return locate({ caseId: c.id }, () => {
    const program = readGraph(c);
    const plan = planOf(fromProgram(program));
    const { code, arena } = plan;
    plan.forward();
    const inputs = Array.from({ length: code.ninputs }, (_, k) => code.idOf(k));
    for (const id of Object.keys(tangent)) {
      if (!inputs.includes(id)) fail("E_UNKNOWN_ID", `tangent ${JSON.stringify(id)} is not an input`, { pointer: child("/tangent", id) });
    }
    const tangents = inputs.map((id, k) => {
      const raw = Object.hasOwn(tangent, id) ? tangent[id] : undefined; // an input called "constructor" without a tangent is zero
      if (raw === undefined) return undefined;
      const t = parseTensor(raw, child("/tangent", id));
      requireSameShapeOf(t, plan.shapeOf(k), `the tangent of ${id} and its value`);
      return elements(t);
    });
    const o = code.output;
    const value = readTensor(arena, code.valOff[o]!, plan.shapeOf(o));
    const t = plan.jvp(tangents);
    return { value, tangent: readTensor(t, 0, plan.shapeOf(o)) };
  });
}

/** E_SHAPE unless tensor `t` has shape `S` (the reference's check of a tangent). */
function requireSameShapeOf(t: Tensor, S: Shape, what: string): void {
  const s = shapeOf(t);
  if (!sameShape(s, S)) fail("E_SHAPE", `${what} have different shapes: ${formatShape(s)} and ${formatShape(S)}`);
}
