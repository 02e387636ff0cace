// The schemas are documentation as much as validators: each has $id, title and a description on
// every property and definition; they compile in Ajv's strict mode; and their vocabularies match
// the TypeScript types of reference/case.ts and the error codes (spec: case.file, value.number).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Case, ErrorExpectation, RawOperator } from "../../reference/case.js";
import { ERROR_CODES, type ErrorCode } from "../../reference/errors.js";
import { createSchemaAjv } from "./create-schema-ajv.js";
import { schemaDocuments } from "./schema-documents.js";
import { SCHEMA_IDS } from "./schema-ids.js";

type Json = Record<string, unknown>;
const docs = schemaDocuments();
const byId = (id: string): Json => docs.find((d) => d.schema.$id === id)?.schema as Json;
const defs = (id: string): Record<string, Json> => byId(id)["$defs"] as Record<string, Json>;

/**
 * Every subschema with the path to it; `named` marks entries of `properties` and `$defs`. The
 * conditions under `if` are skipped: they test a field's value (`kind`, `op`), they do not define it.
 */
type Visit = { path: string; schema: Json; named: boolean };
function* subschemas(schema: unknown, path: string, named = false): Generator<Visit> {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return;
  const s = schema as Json;
  yield { path, schema: s, named };
  for (const [key, value] of Object.entries(s)) {
    if (key === "properties" || key === "$defs") {
      for (const [name, sub] of Object.entries(value as Json)) yield* subschemas(sub, `${path}/${key}/${name}`, true);
    } else if (["allOf", "anyOf", "oneOf", "prefixItems"].includes(key)) {
      for (const [i, sub] of (value as unknown[]).entries()) yield* subschemas(sub, `${path}/${key}/${i}`);
    } else if (["then", "else", "not", "items", "additionalProperties", "propertyNames"].includes(key)) {
      yield* subschemas(value, `${path}/${key}`);
    }
  }
}

/** Known operator kinds; the `Missing` check below fails to compile if RawOperator gains one. */
const OPERATOR_KINDS = [
  "identity", "zero", "scale", "left", "right", "hadamard", "kron", "dot", "outer", "transpose", "compose", "sum", "adjoint",
] as const satisfies readonly RawOperator["op"][];
type Missing = Exclude<RawOperator["op"], (typeof OPERATOR_KINDS)[number]>;
const noneMissing: [Missing] extends [never] ? true : false = true;
const CASE_KINDS = ["graph", "system", "operator"] as const satisfies readonly Case["kind"][];

/** The codes a case cannot expect: structural faults (found by the loader) and backend bugs. */
const UNEXPECTABLE: readonly ErrorCode[] = ["E_JSON", "E_SCHEMA", "E_INTERNAL"];
type ExpectableCode = ErrorExpectation["error"];
/** Fails to compile if ErrorExpectation["error"] and ERROR_CODES minus UNEXPECTABLE drift apart. */
const sameExpectable: [Exclude<ErrorCode, "E_JSON" | "E_SCHEMA" | "E_INTERNAL">] extends [ExpectableCode]
  ? [ExpectableCode] extends [Exclude<ErrorCode, "E_JSON" | "E_SCHEMA" | "E_INTERNAL">]
    ? true
    : false
  : false = true;

describe("schema documents", () => {
  const named = docs.map((d) => [d.path, d] as const);
  it.each(named)("%s has $schema 2020-12, the expected $id, a title and a description", (path, doc) => {
    const name = path.replace("spec/schema/", "");
    expect(doc.schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.schema.$id).toBe(`https://backslash-ad.dev/schema/v1/${name}`);
    expect(Object.values(SCHEMA_IDS)).toContain(doc.schema.$id);
    expect(doc.schema["title"]).toEqual(expect.any(String));
    expect(doc.schema["description"]).toEqual(expect.any(String));
  });

  it("describes every property and every definition", () => {
    const undocumented = docs.flatMap((d) =>
      [...subschemas(d.schema, d.path)]
        .filter((s) => s.named && !(typeof s.schema["description"] === "string" && s.schema["description"].length > 0))
        .map((s) => s.path),
    );
    expect(undocumented).toEqual([]);
  });

  it("compiles in Ajv strict mode, with cross-file $refs resolved by $id", () => {
    const ajv = createSchemaAjv();
    for (const id of Object.values(SCHEMA_IDS)) expect(ajv.getSchema(id), id).toBeTypeOf("function");
  });
});

describe("schema vocabularies match reference/case.ts and reference/errors.ts", () => {
  it("operator kinds: one if/then per known kind, allowing exactly op and its operands", () => {
    expect(noneMissing).toBe(true);
    const schema = byId(SCHEMA_IDS.operator);
    const seen: string[] = [];
    for (const branch of schema["allOf"] as { if: { properties: { op: Json } }; then: { $ref: string } }[]) {
      const op = branch.if.properties.op;
      const kinds = (op["enum"] ?? [op["const"]]) as string[];
      seen.push(...kinds);
      const def = defs(SCHEMA_IDS.operator)[branch.then.$ref.replace("#/$defs/", "")] as Json;
      const allowed = (def["propertyNames"] as { enum: string[] }).enum;
      const operands = Object.keys((def["properties"] as Json | undefined) ?? {});
      expect(allowed.sort(), kinds.join()).toEqual(["op", ...operands].sort());
    }
    expect(seen.sort()).toEqual([...OPERATOR_KINDS].sort());
  });

  it("case kinds: each allows exactly the common fields and its own", () => {
    const caseDefs = defs(SCHEMA_IDS.caseFile);
    const common = Object.keys(caseDefs["case"]?.["properties"] as Json);
    expect(caseDefs["case"]?.["properties"]).toMatchObject({ kind: { enum: [...CASE_KINDS] } });
    for (const kind of CASE_KINDS) {
      const def = caseDefs[`${kind}Case`] as Json;
      const own = Object.keys(def["properties"] as Json);
      expect((def["propertyNames"] as { enum: string[] }).enum, kind).toEqual([...common, ...own]);
    }
  });

  it("an expected error is any spec error code except E_JSON, E_SCHEMA and E_INTERNAL (case.expect.error)", () => {
    const error = (defs(SCHEMA_IDS.caseFile)["errorExpectation"]?.["properties"] as Record<string, Json>)["error"];
    const expectable = ERROR_CODES.filter((c): c is ExpectableCode => !UNEXPECTABLE.includes(c));
    expect(sameExpectable).toBe(true);
    expect(error?.["enum"]).toEqual(expectable);
  });
});

describe("number strings (spec: value.number)", () => {
  const ajv = createSchemaAjv();
  const isNumber = ajv.getSchema(`${SCHEMA_IDS.tensor}#/$defs/number`);
  const decimal = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
  const special = ["NaN", "Infinity", "-Infinity"];

  it("accepts exactly the decimal literals and NaN, Infinity, -Infinity", () => {
    const text = fc.string({ unit: fc.constantFrom(..."0123456789+-.eEINaInfity x"), maxLength: 10 });
    fc.assert(fc.property(fc.oneof(text, fc.constantFrom(...special, "+Infinity", "nan", "-NaN")), (s) => {
      expect(isNumber?.(s)).toBe(decimal.test(s) || special.includes(s));
    }));
  });

  it("every accepted string converts to a number (only NaN is NaN)", () => {
    fc.assert(fc.property(fc.stringMatching(decimal), (s) => {
      expect(Number.isNaN(Number(s))).toBe(false);
    }));
  });

  it("accepts JSON numbers and rejects other types", () => {
    for (const v of [0, -1.5, 1e300]) expect(isNumber?.(v), String(v)).toBe(true);
    for (const v of [null, true, [], {}]) expect(isNumber?.(v), JSON.stringify(v)).toBe(false);
  });
});
