/**
 * The invalid corpus's manifest (manifest.json): per file of cases/, the fault it holds, written by hand
 * from the spec, and the valid cases beside it.
 *
 * @see spec/06-conformance.md#error.scope
 * @see spec/06-conformance.md#error.message
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorCode } from "../../reference/errors.js";

/** One kind of invalid input. */
export interface InvalidEntry {
  /** The file holding the fault, relative to conformance/invalid/cases/. */
  readonly file: string;
  /** Who finds it: the loader before any backend, or a backend as the case's result (error.scope). */
  readonly level: "loader" | "backend";
  readonly code: ErrorCode;
  /** The case the fault is in; null when it is the whole file's (or the case has no id). */
  readonly caseId: string | null;
  /** JSON pointer from the file's root. */
  readonly pointer: string;
  /** The rule broken, as `spec/<chapter>.md#<anchor>`. */
  readonly anchor: string;
  /** For E_JSON: where the text stops being JSON. */
  readonly line?: number;
  readonly column?: number;
  /** What to load, relative to conformance/invalid/cases/ (default: the file alone). */
  readonly load?: readonly string[];
  /** Valid cases in the same file(s): they load, and pass on a correct backend. */
  readonly valid: readonly string[];
}

/** The directory of the corpus's case files (the manifest sits beside it, so it is not one of them). */
export const CASES_DIR = join(import.meta.dirname, "cases");

export function readManifest(): readonly InvalidEntry[] {
  return (JSON.parse(readFileSync(join(import.meta.dirname, "manifest.json"), "utf8")) as { entries: InvalidEntry[] }).entries;
}
