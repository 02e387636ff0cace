/**
 * What loading returns: the files read, the cases that loaded, and every fault found.
 *
 * @see spec/05-cases.md#case.file
 */
import type { SpecError } from "../../reference/errors.js";
import type { LoadedCase } from "./loaded-case.js";

/** The outcome of loading: a bad case or file adds a fault and never hides the good cases. */
export interface LoadResult {
  /** The files that were listed (read successfully or not), in load order. */
  readonly files: readonly string[];
  /** The cases that loaded, in load order (file order, then case order). */
  readonly cases: readonly LoadedCase[];
  /** Every fault, in load order; each names its file and JSON pointer, and its case id if known. */
  readonly faults: readonly SpecError[];
}
