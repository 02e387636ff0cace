/**
 * A tensor in a reply, in the case number encoding, to binary64 numbers: strings are decimal
 * literals or "NaN", "Infinity", "-Infinity" (`value.number`), matrices are non-empty and
 * rectangular. Anything else is a protocol fault naming where it is.
 *
 * @see spec/08-backends.md#backend.numbers
 */
import { parseTensor, SpecError, type RawTensor, type Tensor } from "../../reference/index.js";
import { BackendFault } from "./backend-fault.js";

/** Decodes `raw`, found at `pointer` of a reply. */
export function decodeTensor(raw: unknown, pointer: string): Tensor {
  try {
    return parseTensor(raw as RawTensor, pointer);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    throw new BackendFault("protocol", `the reply's tensor at ${e.where.pointer ?? pointer} is malformed: ${e.detail}`);
  }
}
