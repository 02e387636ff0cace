/**
 * Files and directories → every case that loads, and every fault, without throwing.
 *
 * @see spec/05-cases.md#case.file
 */
import type { SpecError } from "../../reference/errors.js";
import { findDuplicateIds } from "./find-duplicate-ids.js";
import { listCaseFiles } from "./list-case-files.js";
import type { LoadedCase } from "./loaded-case.js";
import type { LoadResult } from "./load-result.js";
import { parseCaseFileText } from "./parse-case-file-text.js";
import { readCaseFile } from "./read-case-file.js";
import { validateCaseFile } from "./validate-case-file.js";

/**
 * Load case files. Directories are walked recursively for `*.json`; all files found load sorted by
 * path, whatever the order of `paths` (spec/06-conformance.md#error.scope). Faults, all collected:
 * E_JSON for a file that cannot be read, is too large (spec/06-conformance.md#load.size), is not
 * UTF-8 or is not JSON; E_SCHEMA for a file or a case that breaks the schema (or holds a ragged
 * matrix, or nests too deeply); E_DUPLICATE_ID for a case whose id an earlier
 * loaded case already has (a case rejected with E_SCHEMA claims no id). Faults are in load order,
 * except that duplicate-id faults come last. Never throws on user input.
 */
export function loadCaseFiles(paths: readonly string[]): LoadResult {
  const listed = listCaseFiles(paths);
  const faults: SpecError[] = [...listed.faults];
  const cases: LoadedCase[] = [];
  for (const file of listed.files) {
    const text = readCaseFile(file);
    const parsed = typeof text === "string" ? parseCaseFileText(file, text) : { ok: false as const, fault: text };
    if (!parsed.ok) {
      faults.push(parsed.fault);
      continue;
    }
    const outcome = validateCaseFile(file, parsed.value);
    cases.push(...outcome.cases);
    faults.push(...outcome.faults);
  }
  const duplicates = findDuplicateIds(cases);
  return { files: listed.files, cases: duplicates.unique, faults: [...faults, ...duplicates.faults] };
}
