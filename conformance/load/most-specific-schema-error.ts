/**
 * Ajv's errors for one value → the single most specific problem, as a JSON pointer and words.
 *
 * Conventions: a candidate is an Ajv error other than the bookkeeping ones (`if` failures and the
 * inner errors of `propertyNames`). Its pointer is the instance path, extended by the property
 * name when the problem is a stray field. The deepest pointer wins; ties go to the first error.
 *
 * @see spec/05-cases.md#case.file
 */
import type { ErrorObject } from "ajv";
import { pointerToken, quote as quoteName } from "../../reference/errors.js";
import { schemaDocuments } from "./schema-documents.js";
import { SCHEMA_IDS } from "./schema-ids.js";

/** A schema problem: where (RFC 6901 pointer, relative to the validated value) and what. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly detail: string;
}

/** Pick the most specific of `errors` (Ajv with `allErrors` and `verbose`); undefined if none. */
export function mostSpecificSchemaError(errors: readonly ErrorObject[]): SchemaProblem | undefined {
  let best: SchemaProblem | undefined;
  let bestDepth = -1;
  for (const e of errors) {
    if (e.keyword === "if" || e.propertyName !== undefined) continue;
    const pointer = pointerOf(e);
    const depth = pointer.split("/").length;
    if (depth > bestDepth) {
      best = { pointer, detail: describe(e, errors) };
      bestDepth = depth;
    }
  }
  return best;
}

function strayField(e: ErrorObject): string | undefined {
  const p = e.params as Record<string, unknown>;
  const fromNames = e.keyword === "propertyNames" ? p["propertyName"] : undefined;
  const name = p["additionalProperty"] ?? p["unevaluatedProperty"] ?? fromNames;
  return typeof name === "string" ? name : undefined;
}

function pointerOf(e: ErrorObject): string {
  const field = strayField(e);
  return field === undefined ? e.instancePath : `${e.instancePath}/${pointerToken(field)}`;
}

function describe(e: ErrorObject, all: readonly ErrorObject[]): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type":
      return `must be ${String(p["type"]).split(",").join(" or ")}, found ${shown(e.data)}`;
    case "required":
      return `missing required field ${JSON.stringify(p["missingProperty"])}`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `unknown field ${quoteName(strayField(e) ?? "")}`;
    case "propertyNames":
      return describeName(e, all);
    case "enum":
      return `must be one of ${(p["allowedValues"] as unknown[]).map(quote).join(", ")}, found ${shown(e.data)}`;
    case "const":
      return `must be ${JSON.stringify(p["allowedValue"])}, found ${shown(e.data)}`;
    case "pattern":
      return p["pattern"] === numberPattern()
        ? `not a number: ${shown(e.data)} (write a JSON number, a decimal string, "NaN", "Infinity" or "-Infinity")`
        : `must match ${String(p["pattern"])}, found ${shown(e.data)}`;
    default:
      return `${e.message ?? `fails "${e.keyword}"`}, found ${shown(e.data)}`;
  }
}

/** A stray field (allow-list `enum`) or a bad property name (other keywords). */
function describeName(e: ErrorObject, all: readonly ErrorObject[]): string {
  const name = String((e.params as Record<string, unknown>)["propertyName"]);
  const inner = all.find((x) => x.propertyName === name && x.instancePath === e.instancePath);
  if (inner?.keyword === "enum") {
    const allowed = (inner.params as { allowedValues: unknown[] }).allowedValues.join(", ");
    return `unknown field ${quoteName(name)} (allowed here: ${allowed})`;
  }
  return `field name ${quoteName(name)} ${inner?.message ?? "is not allowed"}`;
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}

function shown(data: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(data) ?? String(data);
  } catch {
    // Nested too deep for a recursive stringify (a 10⁵-deep array parses; found by fuzzing): the
    // message names the kind of value instead.
    text = Array.isArray(data) ? "an array" : typeof data === "object" && data !== null ? "an object" : String(data);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

let pattern: string | undefined;

/** The number pattern of tensor.schema.json, read once (messages name numbers specially). */
function numberPattern(): string {
  if (pattern === undefined) {
    const tensor = schemaDocuments().find((d) => d.schema.$id === SCHEMA_IDS.tensor);
    pattern = String((tensor?.schema["$defs"] as { number: { pattern: string } }).number.pattern);
  }
  return pattern;
}
