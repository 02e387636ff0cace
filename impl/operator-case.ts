/**
 * Operator cases: the operator compiled for `x`'s shape and applied, and its adjoint compiled for
 * the codomain and applied to `y`, in one arena.
 *
 * @see spec/05-cases.md#case.operator
 */
import { fail, formatShape, locate, parseOperator, parseTensor, sameShape, shapeOf, type OperatorCase, type Tensor } from "../reference/index.js";
import { OperatorCode, sizeOf } from "./operator-code.js";
import { runOperator } from "./operator-run.js";
import { readTensor, writeTensor } from "./tensor-io.js";

export interface ApplyResult {
  readonly apply: Tensor;
  readonly adjoint?: Tensor;
}

export function applyCase(c: OperatorCase): ApplyResult {
  return locate({ caseId: c.id }, () => {
    const A = parseOperator(c.operator, "/operator");
    const x = parseTensor(c.x, "/x");
    const code = new OperatorCode(0);
    const S = shapeOf(x);
    const forward = locate({ pointer: "/operator" }, () => code.compile(A, S, false));
    const y = c.y === undefined ? undefined : parseTensor(c.y, "/y");
    let back: { node: number; T: ReturnType<typeof shapeOf> } | undefined;
    if (y !== undefined) {
      if (!sameShape(shapeOf(y), forward.T)) {
        fail("E_SHAPE", `y is ${formatShape(shapeOf(y))} but the operator's codomain is ${formatShape(forward.T)}`, { pointer: "/y" });
      }
      back = locate({ pointer: "/operator" }, () => code.compile(A, forward.T, true));
    }
    const xAt = code.reserve(sizeOf(S));
    const AxAt = code.reserve(sizeOf(forward.T));
    const yAt = code.reserve(sizeOf(forward.T));
    const AyAt = code.reserve(back === undefined ? 0 : sizeOf(back.T));
    const arena = new Float64Array(code.top);
    code.load(arena);
    writeTensor(arena, xAt, x);
    runOperator(code, arena, forward.node, xAt, AxAt);
    const apply = readTensor(arena, AxAt, forward.T);
    if (back === undefined || y === undefined) return { apply };
    writeTensor(arena, yAt, y);
    runOperator(code, arena, back.node, yAt, AyAt);
    return { apply, adjoint: readTensor(arena, AyAt, back.T) };
  });
}
