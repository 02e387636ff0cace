/**
 * Reading an operator expression from a case: numbers resolved to binary64, unknown kinds
 * rejected with E_UNKNOWN_OP at the pointer of their `op` field.
 *
 * @see spec/02-operators.md
 */
import type { RawOperator } from "./case.js";
import { fail } from "./errors.js";
import { child, parseFiniteNumber, parseShape, parseTensor } from "./number.js";
import type { Operator } from "./operator.js";
import { OPERATOR_KINDS } from "./operator.js";

export function parseOperator(raw: RawOperator, pointer = ""): Operator {
  const kind = (raw as { op: unknown }).op;
  if (!(OPERATOR_KINDS as readonly unknown[]).includes(kind)) {
    fail("E_UNKNOWN_OP", `unknown operator kind ${JSON.stringify(kind)}`, { pointer: child(pointer, "op") });
  }
  switch (raw.op) {
    case "identity":
    case "transpose":
      return { op: raw.op };
    case "zero":
      return {
        op: "zero",
        ...(raw.domain !== undefined ? { domain: parseShape(raw.domain, child(pointer, "domain")) } : {}),
        ...(raw.codomain !== undefined ? { codomain: parseShape(raw.codomain, child(pointer, "codomain")) } : {}),
      };
    case "scale":
      return { op: "scale", by: parseFiniteNumber(raw.by, child(pointer, "by"), "the factor of scale") };
    case "left":
    case "right":
    case "hadamard":
    case "dot":
    case "outer":
      return { op: raw.op, matrix: parseTensor(raw.matrix, child(pointer, "matrix")) };
    case "kron":
      return { op: "kron", a: parseTensor(raw.a, child(pointer, "a")), b: parseTensor(raw.b, child(pointer, "b")) };
    case "compose":
    case "sum":
      if (raw.of.length === 0) fail("E_SCHEMA", `${raw.op} needs at least one operator`, { pointer: child(pointer, "of") });
      return { op: raw.op, of: raw.of.map((o, i) => parseOperator(o, child(child(pointer, "of"), i))) };
    case "adjoint":
      return { op: "adjoint", of: parseOperator(raw.of, child(pointer, "of")) };
  }
}
