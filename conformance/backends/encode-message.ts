/**
 * A protocol message as one line of JSON. Numbers JSON cannot hold travel in the case number
 * encoding: NaN, ±Infinity and −0 become the strings "NaN", "Infinity", "-Infinity" and "-0".
 * Only value positions hold numbers that can be any of these; a case's shapes are positive integers.
 *
 * @see spec/08-backends.md#backend.numbers
 */

function encodeNumber(_key: string, v: unknown): unknown {
  if (typeof v !== "number") return v;
  if (!Number.isFinite(v)) return String(v);
  return Object.is(v, -0) ? "-0" : v;
}

/** `message` as JSON text without line breaks (JSON.stringify escapes those inside strings). */
export function encodeMessage(message: unknown): string {
  return JSON.stringify(message, encodeNumber);
}
