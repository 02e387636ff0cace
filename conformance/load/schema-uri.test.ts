// The schemas as editors and users meet them (spec: case.schema-uri, case.schemas, backend.schema):
// unique $ids, every $ref resolved offline through them, corpus files naming the case-file schema,
// a user's file naming it by $id loads, a file naming another schema is refused with E_SCHEMA at
// /$schema, the schemas are exported by the package, and .vscode maps case files to them.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { fixture } from "../run/fixture.js";
import { findForeignSchema } from "./find-foreign-schema.js";
import { loadCaseFiles } from "./load-case-files.js";
import { SCHEMA_IDS } from "./schema-ids.js";

const Ajv2020 = Ajv2020Module.default;
type Json = Record<string, unknown>;
const SCHEMA_DIR = "spec/schema";
const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json"));
const schemas = files.map((f) => ({ file: f, schema: JSON.parse(readFileSync(join(SCHEMA_DIR, f), "utf8")) as Json }));
const CASE_FILE_ID = "https://backslash-ad.dev/schema/v1/case-file.schema.json";

/** Every `$ref` string anywhere in a schema. */
function refs(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value as Json).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v)));
}

/** A minimal valid case, written as a user would. */
const sinCase = {
  id: "user.sin.scalar",
  description: "d/dx sin(x) at 0",
  kind: "graph",
  graph: { inputs: [{ id: "x", value: 0 }], nodes: [{ id: "y", op: "sin", args: ["x"] }], output: "y" },
  expect: { value: 0, gradient: { x: 1 } },
  provenance: { method: "closed-form", source: "sin 0 = 0, cos 0 = 1" },
};

describe("schemas by $id", () => {
  it("are the four schema files, each with its own $id", () => {
    expect(files.sort()).toEqual(["case-file.schema.json", "operator.schema.json", "protocol.schema.json", "tensor.schema.json"]);
    const ids = schemas.map((s) => s.schema["$id"]);
    expect(new Set(ids).size).toBe(4);
    for (const { file, schema } of schemas) expect(schema["$id"]).toBe(`https://backslash-ad.dev/schema/v1/${file}`);
  });

  it("resolve every $ref offline through the $ids (Ajv with the four schemas and no loader)", () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    for (const { schema } of schemas) ajv.addSchema(schema);
    let checked = 0;
    for (const { schema } of schemas) {
      const id = schema["$id"] as string;
      expect(ajv.getSchema(id), id).toBeTypeOf("function"); // compiles: no missing $ref
      for (const ref of refs(schema)) {
        const target = new URL(ref, id).href;
        // Relative to the $id, so editors that load the files from disk find the sibling file too.
        expect(ref.startsWith("http"), `${id}: ${ref}`).toBe(false);
        expect(ajv.getSchema(target), `${id}: ${ref} → ${target}`).toBeTypeOf("function");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("every corpus and test-data case file's $schema resolves, from its folder, to the case-file schema", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : []));
    const named = [...walk("conformance/cases"), ...walk("conformance/testdata")].flatMap((file) => {
      let json: { $schema?: unknown };
      try {
        json = JSON.parse(readFileSync(file, "utf8")) as { $schema?: unknown };
      } catch {
        return []; // the malformed-JSON test files
      }
      return typeof json.$schema === "string" ? [{ file, ref: json.$schema }] : [];
    });
    expect(named.filter((n) => n.file.startsWith("conformance/cases/")).length).toBe(readdirSync("conformance/cases").length);
    for (const { file, ref } of named) {
      const target = JSON.parse(readFileSync(resolve(dirname(file), ref), "utf8")) as Json;
      expect(target["$id"], file).toBe(CASE_FILE_ID);
    }
  });
});

describe("a case file's $schema (spec: case.schema-uri)", () => {
  const load = (schema: unknown) => {
    const file = join(fixture(), "user.json");
    writeFileSync(file, JSON.stringify({ ...(schema === undefined ? {} : { $schema: schema }), cases: [sinCase] }));
    return loadCaseFiles([file]);
  };

  it("loads a file written as a user would, naming the schema by its $id, by a path or by a URL of the file", () => {
    expect(SCHEMA_IDS.caseFile).toBe(CASE_FILE_ID);
    for (const name of [
      CASE_FILE_ID,
      "../../spec/schema/case-file.schema.json",
      "./node_modules/backslash-ad/spec/schema/case-file.schema.json",
      "case-file.schema.json",
      "https://unpkg.com/backslash-ad/spec/schema/case-file.schema.json",
      "..\\schemas\\case-file.schema.json",
      undefined,
    ]) {
      const r = load(name);
      expect(r.faults, String(name)).toEqual([]);
      expect(r.cases.map((c) => c.case.id)).toEqual(["user.sin.scalar"]);
    }
  });

  it("refuses a file naming another schema or another version, with E_SCHEMA at /$schema naming the value", () => {
    const refused = [
      ["https://json-schema.org/draft/2020-12/schema", "another schema than the case-file schema"],
      ["https://backslash-ad.dev/schema/v1/tensor.schema.json", "another schema than the case-file schema"],
      ["../../spec/schema/protocol.schema.json", "another schema than the case-file schema"],
      ["my-case-file.schema.json", "another schema than the case-file schema"],
      ["https://backslash-ad.dev/schema/v2/case-file.schema.json", `format version "v2", which this harness does not read`],
    ] as const;
    for (const [name, says] of refused) {
      const r = load(name);
      expect(r.cases).toEqual([]);
      expect(r.faults).toHaveLength(1);
      const fault = r.faults[0];
      expect(fault?.code).toBe("E_SCHEMA");
      expect(fault?.where.pointer).toBe("/$schema");
      expect(fault?.message).toContain(JSON.stringify(name));
      expect(fault?.message).toContain(says);
    }
  });

  it("is checked by the schema's own pattern, so editors flag what the loader refuses", () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    for (const { schema } of schemas) ajv.addSchema(schema);
    const validate = ajv.getSchema(CASE_FILE_ID);
    for (const name of [CASE_FILE_ID, "a/case-file.schema.json", "https://backslash-ad.dev/schema/v3/case-file.schema.json", "https://json-schema.org/draft/2020-12/schema", "x.json"]) {
      const file = { $schema: name, cases: [] };
      expect(validate?.(file), name).toBe(findForeignSchema(file) === undefined);
    }
  });
});

describe("publishing the schemas", () => {
  it("exports spec/schema/* as backslash-ad/schema/*, and the files are in the package", () => {
    const require = createRequire(import.meta.url);
    for (const f of files) expect(require.resolve(`backslash-ad/schema/${f}`)).toBe(resolve(SCHEMA_DIR, f));
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { files?: string[] };
    expect(pkg.files).toContain("spec/");
  });

  it(".vscode maps the corpus case files to the case-file schema", () => {
    const settings = JSON.parse(readFileSync(".vscode/settings.json", "utf8")) as { "json.schemas": { fileMatch: string[]; url: string }[] };
    const entry = settings["json.schemas"].find((s) => s.fileMatch.includes("/conformance/cases/*.json"));
    expect(entry).toBeDefined();
    expect((JSON.parse(readFileSync(entry?.url ?? "", "utf8")) as Json)["$id"]).toBe(CASE_FILE_ID);
  });
});
