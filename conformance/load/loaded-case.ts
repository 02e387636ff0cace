/**
 * A case that passed loading, with where it came from.
 *
 * @see spec/05-cases.md#case.file
 */
import type { Case } from "../../reference/case.js";

/** A case that passed the schema and the loader's checks, and its location. */
export interface LoadedCase {
  /** The file, as listed (a given path, or a directory joined with the found name). */
  readonly file: string;
  /** Its index in the file's "cases" array. */
  readonly index: number;
  /** JSON pointer of the case in its file: `/cases/<index>`. */
  readonly pointer: string;
  readonly case: Case;
}
