/**
 * Loading conformance case files: schemas, JSON syntax positions, per-case faults, duplicate ids.
 *
 * @see spec/05-cases.md#case.file
 */
export { caseFileValidator } from "./case-file-validator.js";
export { caseValidator } from "./case-validator.js";
export { createSchemaAjv } from "./create-schema-ajv.js";
export { findDuplicateIds, type DuplicateCheck } from "./find-duplicate-ids.js";
export { findInvalidUtf8, lineAndColumn } from "./find-invalid-utf8.js";
export { findForeignSchema } from "./find-foreign-schema.js";
export { findLargeShape, type LargeShape } from "./find-large-shape.js";
export { findRaggedRow, type RaggedRow } from "./find-ragged-row.js";
export { findTooDeep, MAX_CASE_DEPTH } from "./find-too-deep.js";
export { listCaseFiles, type CaseFileList } from "./list-case-files.js";
export { loadCaseFiles } from "./load-case-files.js";
export type { LoadedCase } from "./loaded-case.js";
export type { LoadResult } from "./load-result.js";
export { locateJsonSyntaxError, type JsonSyntaxError } from "./locate-json-syntax-error.js";
export { mostSpecificSchemaError, type SchemaProblem } from "./most-specific-schema-error.js";
export { parseCaseFileText, type ParsedText } from "./parse-case-file-text.js";
export { MAX_CASE_FILE_BYTES, readCaseFile } from "./read-case-file.js";
export { schemaDocuments, type SchemaDocument } from "./schema-documents.js";
export { SCHEMA_IDS } from "./schema-ids.js";
export { validateCaseFile, type FileOutcome } from "./validate-case-file.js";
