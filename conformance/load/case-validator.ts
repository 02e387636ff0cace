/**
 * The compiled validator of one case (`$defs/case` of case-file.schema.json).
 *
 * @see spec/05-cases.md#case.file
 */
import type { ValidateFunction } from "ajv";
import { createSchemaAjv } from "./create-schema-ajv.js";
import { SCHEMA_IDS } from "./schema-ids.js";

let compiled: ValidateFunction | undefined;

/** The validator of a single case, compiled on first use and shared afterwards. */
export function caseValidator(): ValidateFunction {
  if (compiled === undefined) {
    const ref = `${SCHEMA_IDS.caseFile}#/$defs/case`;
    const validate = createSchemaAjv().getSchema(ref);
    if (validate === undefined) throw new Error(`internal: schema ${ref} not found`);
    compiled = validate;
  }
  return compiled;
}
