/**
 * The JSON Schemas of spec/schema/, read from disk.
 *
 * Conventions: a "document" is one parsed *.schema.json file.
 *
 * @see spec/05-cases.md#case.file
 */
import { readFileSync } from "node:fs";

/** A parsed schema file and the path it was read from. */
export interface SchemaDocument {
  readonly path: string;
  readonly schema: { readonly $id: string } & Record<string, unknown>;
}

const FILES = ["tensor", "operator", "case-file"] as const;

/**
 * Read the three schemas from spec/schema/ (relative to this module, not to the working directory).
 * A missing or malformed schema file is a broken checkout, not user input: this throws.
 */
export function schemaDocuments(): readonly SchemaDocument[] {
  return FILES.map((name) => {
    const url = new URL(`../../spec/schema/${name}.schema.json`, import.meta.url);
    return { path: `spec/schema/${name}.schema.json`, schema: JSON.parse(readFileSync(url, "utf8")) };
  });
}
