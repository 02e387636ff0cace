/**
 * Text → JSON value, or one E_JSON fault for the file.
 *
 * @see spec/05-cases.md#case.file
 */
import { SpecError } from "../../reference/errors.js";
import { locateJsonSyntaxError } from "./locate-json-syntax-error.js";

/** The parsed value, or the fault explaining why the text is not JSON. */
export type ParsedText =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly fault: SpecError };

/**
 * Parse the text of a case file. A syntax error, or a member name repeated within one object (which
 * case.file lets a loader reject), becomes an E_JSON fault at pointer "" whose message gives the
 * line and column (1-based) and the problem there. Never throws.
 */
export function parseCaseFileText(file: string, text: string): ParsedText {
  let value: unknown;
  let failure: string | undefined;
  try {
    value = JSON.parse(text);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  const at = locateJsonSyntaxError(text, { rejectDuplicateNames: true });
  if (at === undefined && failure === undefined) return { ok: true, value };
  const detail = at !== undefined ? `line ${at.line}, column ${at.column}: ${at.problem}` : failure;
  return { ok: false, fault: new SpecError("E_JSON", `not JSON: ${detail}`, { file, pointer: "" }) };
}
