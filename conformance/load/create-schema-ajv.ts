/**
 * One Ajv (JSON Schema draft 2020-12) with all three schemas of spec/schema/ registered.
 *
 * Options: `allErrors` (so the most specific error can be chosen), `verbose` (errors carry the
 * offending data, quoted in messages), strict mode except `strictRequired` (an `if` may require a
 * field it does not declare) and with union types allowed (a number is `["number", "string"]`).
 *
 * @see spec/05-cases.md#case.file
 */
import Ajv2020Module from "ajv/dist/2020.js";
import { schemaDocuments } from "./schema-documents.js";

const Ajv2020 = Ajv2020Module.default;

/** A fresh Ajv with the tensor, operator and case-file schemas registered by their `$id`. */
export function createSchemaAjv(): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  for (const doc of schemaDocuments()) ajv.addSchema(doc.schema);
  return ajv;
}
