/**
 * An operator as written in a case, materialized: its explicit matrix on vec'd tensors of the
 * given domain shape (row-major vec), in decimals, and its codomain shape. Numbers are read as the
 * exact binary64 values the spec prescribes unless `options.numbers` is `"decimal"`.
 *
 * Faults: E_UNKNOWN_OP, E_VALUE (non-finite scale factor) and E_SCHEMA while reading, then E_SHAPE
 * where the domain does not fit — the codes the spec gives for applying the operator.
 *
 * @see spec/02-operators.md#op.def.operator
 * @see spec/02-operators.md#op.def.shape
 */
import type { RawOperator } from "../../reference/case.js";
import type { DecimalContext } from "../decimal.js";
import type { DShape } from "../dtensor.js";
import { materialize, type MaterializedOperator } from "./materialize.js";
import { readOperator } from "./read-operator.js";
import type { ReadOptions } from "./read-tensor.js";

export function operatorMatrix(op: RawOperator, domain: DShape, D: DecimalContext, options: ReadOptions = {}): MaterializedOperator {
  return materialize(D, readOperator(D, op, options), domain);
}
