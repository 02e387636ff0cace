/**
 * The corpus cases as raw JSON values: the valid starting points that case-file mutants grow from.
 *
 * @see spec/05-cases.md#case.file
 */
import { readdirSync, readFileSync } from "node:fs";
import type { JsonValue } from "./json-value.js";

const CASES_DIR = new URL("../cases/", import.meta.url);

let cached: { readonly schema: JsonValue; readonly cases: readonly JsonValue[] } | undefined;

/** Every case of `conformance/cases/*.json` in file order, and the `$schema` the files name. */
export function corpusCases(): { readonly schema: JsonValue; readonly cases: readonly JsonValue[] } {
  if (cached === undefined) {
    const files = readdirSync(CASES_DIR).filter((f) => f.endsWith(".json")).sort();
    const docs = files.map((f) => JSON.parse(readFileSync(new URL(f, CASES_DIR), "utf8")) as { $schema: JsonValue; cases: JsonValue[] });
    cached = { schema: docs[0]?.$schema ?? null, cases: docs.flatMap((d) => d.cases) };
  }
  return cached;
}
