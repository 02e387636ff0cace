/**
 * Reading an operator written in a case into data with decimal tensors, before anything is
 * materialized: an unknown kind is E_UNKNOWN_OP at its `op`, a non-finite `scale` factor E_VALUE,
 * malformed numbers E_SCHEMA — so that these faults are found whatever the shapes (as in the spec,
 * where reading an operator precedes applying it).
 *
 * @see spec/02-operators.md#op.vocabulary
 */
import type { RawOperator, RawShape } from "../../reference/case.js";
import { fail, pointerToken } from "../../reference/errors.js";
import type { Decimal, DecimalContext } from "../decimal.js";
import type { DShape, DTensor } from "../dtensor.js";
import { readTensor, type ReadOptions } from "./read-tensor.js";

/** An operator with its numbers read as decimals. Same kinds and members as the spec's JSON. */
export type DOperator =
  | { readonly op: "identity" | "transpose" }
  | { readonly op: "zero"; readonly domain?: DShape; readonly codomain?: DShape }
  | { readonly op: "scale"; readonly by: Decimal }
  | { readonly op: "left" | "right" | "hadamard" | "dot" | "outer"; readonly matrix: DTensor }
  | { readonly op: "kron"; readonly a: DTensor; readonly b: DTensor }
  | { readonly op: "compose" | "sum"; readonly of: readonly DOperator[] }
  | { readonly op: "adjoint"; readonly of: DOperator };

const KINDS: readonly string[] = [
  "identity", "zero", "scale", "left", "right", "hadamard", "kron", "dot", "outer", "transpose", "compose", "sum", "adjoint",
];

const at = (pointer: string, token: string | number): string => `${pointer}/${pointerToken(token)}`;

function readShape(raw: RawShape, pointer: string): DShape {
  const ok = Array.isArray(raw) && (raw.length === 0 || (raw.length === 2 && raw.every((d) => Number.isInteger(d) && d > 0)));
  if (!ok) fail("E_SCHEMA", `not a shape: ${JSON.stringify(raw)}`, { pointer });
  return raw;
}

/** @see spec/02-operators.md#op.vocabulary */
export function readOperator(D: DecimalContext, raw: RawOperator, options: ReadOptions = {}, pointer = ""): DOperator {
  const kind = (raw as { op: unknown }).op;
  if (typeof kind !== "string" || !KINDS.includes(kind)) {
    fail("E_UNKNOWN_OP", `unknown operator kind ${JSON.stringify(kind)}`, { pointer: at(pointer, "op") });
  }
  const tensor = (t: Parameters<typeof readTensor>[1], name: string): DTensor => readTensor(D, t, options, at(pointer, name));
  switch (raw.op) {
    case "identity":
    case "transpose":
      return { op: raw.op };
    case "zero":
      return {
        op: "zero",
        ...(raw.domain !== undefined ? { domain: readShape(raw.domain, at(pointer, "domain")) } : {}),
        ...(raw.codomain !== undefined ? { codomain: readShape(raw.codomain, at(pointer, "codomain")) } : {}),
      };
    case "scale": {
      // @see spec/02-operators.md#op.scale — a case's factor must be finite.
      const by = tensor(raw.by, "by") as Decimal;
      if (!by.isFinite()) fail("E_VALUE", `the factor of scale must be finite, got ${by.toString()}`, { pointer: at(pointer, "by") });
      return { op: "scale", by };
    }
    case "left":
    case "right":
    case "hadamard":
    case "dot":
    case "outer":
      return { op: raw.op, matrix: tensor(raw.matrix, "matrix") };
    case "kron":
      return { op: "kron", a: tensor(raw.a, "a"), b: tensor(raw.b, "b") };
    case "compose":
    case "sum":
      if (raw.of.length === 0) fail("E_SCHEMA", `${raw.op} needs at least one operator`, { pointer: at(pointer, "of") });
      return { op: raw.op, of: raw.of.map((o, i) => readOperator(D, o, options, at(at(pointer, "of"), i))) };
    case "adjoint":
      return { op: "adjoint", of: readOperator(D, raw.of, options, at(pointer, "of")) };
  }
}
