/**
 * The protocol's JSON Schema (spec/schema/protocol.schema.json), compiled once with the case-file
 * schemas it refers to, and a check of one value against one of its definitions.
 *
 * @see spec/08-backends.md#backend.schema
 */
import { readFileSync } from "node:fs";
import { createSchemaAjv, mostSpecificSchemaError } from "../load/index.js";
import { formatPointer } from "../../reference/errors.js";

export const PROTOCOL_SCHEMA_ID = "https://backslash-ad.dev/schema/v1/protocol.schema.json";

let ajv: ReturnType<typeof createSchemaAjv> | undefined;

/** Ajv with the tensor, operator, case-file and protocol schemas registered. */
export function protocolAjv(): ReturnType<typeof createSchemaAjv> {
  if (ajv === undefined) {
    const schema = JSON.parse(readFileSync(new URL("../../spec/schema/protocol.schema.json", import.meta.url), "utf8"));
    ajv = createSchemaAjv();
    ajv.addSchema(schema);
  }
  return ajv;
}

/**
 * Checks `value` against `#/$defs/<definition>` of the protocol schema: undefined when it is
 * valid, otherwise the most specific problem as "at <pointer>: <what>".
 */
export function protocolProblem(definition: string, value: unknown): string | undefined {
  const validate = protocolAjv().getSchema(`${PROTOCOL_SCHEMA_ID}#/$defs/${definition}`);
  if (validate === undefined) throw new Error(`internal: no protocol definition ${definition}`);
  if (validate(value)) return undefined;
  const problem = mostSpecificSchemaError(validate.errors ?? []);
  return problem === undefined ? "does not match the schema" : `at ${formatPointer(problem.pointer)}: ${problem.detail}`;
}
