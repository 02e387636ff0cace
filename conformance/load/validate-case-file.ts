/**
 * One parsed case file → its loaded cases and faults (no I/O, no cross-file checks).
 *
 * @see spec/05-cases.md#case.file
 */
import type { Case } from "../../reference/case.js";
import { SpecError, type ErrorLocation } from "../../reference/errors.js";
import { caseFileValidator } from "./case-file-validator.js";
import { caseValidator } from "./case-validator.js";
import { findForeignSchema } from "./find-foreign-schema.js";
import { findLargeShape } from "./find-large-shape.js";
import { findRaggedRow } from "./find-ragged-row.js";
import { findTooDeep, MAX_CASE_DEPTH } from "./find-too-deep.js";
import { findUnknownExpectKey } from "./find-unknown-expect-key.js";
import type { LoadedCase } from "./loaded-case.js";
import { mostSpecificSchemaError } from "./most-specific-schema-error.js";

/** The cases of one file that loaded, and its faults. */
export interface FileOutcome {
  readonly cases: readonly LoadedCase[];
  readonly faults: readonly SpecError[];
}

/**
 * Validate a parsed file. First the file level (a `$schema` naming another schema, spec
 * case.schema-uri; then case-file.schema.json with the cases left out): a problem there (not an
 * object, no "cases" array, an unknown top-level field) rejects the whole file with one E_SCHEMA fault. Then each case on its own, so one bad case never hides another: a case
 * nested deeper than {@link MAX_CASE_DEPTH}, breaking the case schema (one fault, at its most
 * specific error), holding a ragged matrix (at the offending row) or declaring a shape of more
 * than 2²⁴ elements (spec load.declared-shape, at the shape) gives an E_SCHEMA fault, and an
 * expected gradient or solution for an id the case does not report an E_UNKNOWN_ID fault; every
 * other case loads. Faults carry the case id when the case has a string id. Never throws.
 */
export function validateCaseFile(file: string, json: unknown): FileOutcome {
  const fileLevel = findForeignSchema(json) ?? fileProblem(json);
  if (fileLevel !== undefined) return { cases: [], faults: [fileLevel.within({ file })] };
  const cases: LoadedCase[] = [];
  const faults: SpecError[] = [];
  (json as { cases: readonly unknown[] }).cases.forEach((raw, index) => {
    const pointer = `/cases/${index}`;
    const id = (raw as { id?: unknown } | null)?.id;
    const where: ErrorLocation = { file, pointer, ...(typeof id === "string" ? { caseId: id } : {}) };
    const problem = caseProblem(raw);
    if (problem !== undefined) faults.push(problem.within(where));
    else cases.push({ file, index, pointer, case: raw as Case });
  });
  return { cases, faults };
}

/** The file without its cases against the file schema. */
function fileProblem(json: unknown): SpecError | undefined {
  const isFile = json !== null && typeof json === "object" && Array.isArray((json as { cases?: unknown }).cases);
  const validate = caseFileValidator();
  if (validate(isFile ? { ...json, cases: [] } : json)) return undefined;
  const problem = mostSpecificSchemaError(validate.errors ?? []);
  return new SpecError("E_SCHEMA", problem?.detail ?? "not a case file", { pointer: problem?.pointer ?? "" });
}

/** One case: nesting, then the case schema, then row lengths and declared sizes. Pointers are relative to the case. */
function caseProblem(raw: unknown): SpecError | undefined {
  const deep = findTooDeep(raw);
  if (deep !== undefined) {
    return new SpecError("E_SCHEMA", `nested deeper than ${MAX_CASE_DEPTH} levels`, { pointer: deep });
  }
  const validate = caseValidator();
  if (!validate(raw)) {
    const problem = mostSpecificSchemaError(validate.errors ?? []);
    return new SpecError("E_SCHEMA", problem?.detail ?? "not a case", { pointer: problem?.pointer ?? "" });
  }
  const ragged = findRaggedRow(raw as Case);
  if (ragged !== undefined) return new SpecError("E_SCHEMA", ragged.detail, { pointer: ragged.pointer });
  const large = findLargeShape(raw as Case);
  if (large !== undefined) return new SpecError("E_SCHEMA", large.detail, { pointer: large.pointer });
  const key = findUnknownExpectKey(raw as Case);
  return key === undefined ? undefined : new SpecError("E_UNKNOWN_ID", key.detail, { pointer: key.pointer });
}
