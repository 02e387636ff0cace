/**
 * Loading conformance case files: schemas, JSON syntax positions, per-case faults, duplicate ids.
 *
 * @see spec/05-cases.md#case.file
 */
export { caseFileValidator } from "./caseFileValidator.js";
export { caseValidator } from "./caseValidator.js";
export { createSchemaAjv } from "./createSchemaAjv.js";
export { findDuplicateIds, type DuplicateCheck } from "./findDuplicateIds.js";
export { findRaggedRow, type RaggedRow } from "./findRaggedRow.js";
export { findTooDeep, MAX_CASE_DEPTH } from "./findTooDeep.js";
export { listCaseFiles, type CaseFileList } from "./listCaseFiles.js";
export { loadCaseFiles } from "./loadCaseFiles.js";
export type { LoadedCase } from "./LoadedCase.js";
export type { LoadResult } from "./LoadResult.js";
export { locateJsonSyntaxError, type JsonSyntaxError } from "./locateJsonSyntaxError.js";
export { mostSpecificSchemaError, type SchemaProblem } from "./mostSpecificSchemaError.js";
export { parseCaseFileText, type ParsedText } from "./parseCaseFileText.js";
export { schemaDocuments, type SchemaDocument } from "./schemaDocuments.js";
export { SCHEMA_IDS } from "./schemaIds.js";
export { validateCaseFile, type FileOutcome } from "./validateCaseFile.js";
