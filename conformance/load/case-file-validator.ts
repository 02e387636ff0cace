/**
 * The compiled validator of case-file.schema.json.
 *
 * @see spec/05-cases.md#case.file
 */
import type { ValidateFunction } from "ajv";
import { createSchemaAjv } from "./create-schema-ajv.js";
import { SCHEMA_IDS } from "./schema-ids.js";

let compiled: ValidateFunction | undefined;

/** The validator of a whole case file, compiled on first use and shared afterwards. */
export function caseFileValidator(): ValidateFunction {
  if (compiled === undefined) {
    const validate = createSchemaAjv().getSchema(SCHEMA_IDS.caseFile);
    if (validate === undefined) throw new Error(`internal: schema ${SCHEMA_IDS.caseFile} not registered`);
    compiled = validate;
  }
  return compiled;
}
