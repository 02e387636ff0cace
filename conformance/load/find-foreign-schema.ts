/**
 * A case file's `$schema` must name the case-file schema: by its `$id`, or by a path or URL whose
 * last segment is `case-file.schema.json`. The rule is the schema's own `pattern` for `$schema`
 * (read from case-file.schema.json, so editors and the loader agree by construction); this module
 * only gives a file that breaks it a message saying what it names instead — another schema, or
 * another version of the case format — rather than Ajv's "must match pattern".
 *
 * @see spec/05-cases.md#case.schema-uri
 */
import { quote, SpecError } from "../../reference/errors.js";
import { schemaDocuments } from "./schema-documents.js";
import { SCHEMA_IDS } from "./schema-ids.js";

let accepted: RegExp | undefined;

/** The `$schema` pattern of case-file.schema.json (draft 2020-12 patterns are ECMA-262, "u" as Ajv uses them). */
function acceptedNames(): RegExp {
  if (accepted === undefined) {
    const doc = schemaDocuments().find((d) => d.schema.$id === SCHEMA_IDS.caseFile);
    const pattern = (doc?.schema["properties"] as { $schema?: { pattern?: unknown } } | undefined)?.$schema?.pattern;
    if (typeof pattern !== "string") throw new Error("internal: case-file.schema.json gives $schema no pattern");
    accepted = new RegExp(pattern, "u");
  }
  return accepted;
}

/**
 * E_SCHEMA at `/$schema` if the parsed file names a schema other than the case-file schema of
 * this version; undefined otherwise (no `$schema`, or one that is not a string: the schema's type
 * check reports that). Never reads or fetches what `$schema` names.
 */
export function findForeignSchema(json: unknown): SpecError | undefined {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
  const value = (json as { $schema?: unknown }).$schema;
  if (typeof value !== "string" || acceptedNames().test(value)) return undefined;
  const version = /^https?:\/\/backslash-ad\.dev\/schema\/([^/?#]+)\//.exec(value)?.[1];
  const what = version !== undefined && /case-file\.schema\.json([?#].*)?$/.test(value)
    ? `the case-file schema of format version ${quote(version)}, which this harness does not read (it reads ${SCHEMA_IDS.caseFile})`
    : `another schema than the case-file schema`;
  return new SpecError("E_SCHEMA", `$schema names ${quote(value)}: ${what}; write its $id ${SCHEMA_IDS.caseFile} or a path ending in case-file.schema.json (spec: case.schema-uri)`, { pointer: "/$schema" });
}
