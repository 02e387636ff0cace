/**
 * Mutations of a JSON text at the character and byte level: truncation, a flipped bit in the UTF-8
 * bytes (which may leave invalid UTF-8, decoded with replacement characters as a file read as
 * UTF-8 or a stdout set to UTF-8 would be), an inserted fragment, a deleted or repeated span, a
 * number token rewritten as text JSON does not allow (NaN, Infinity, -0, 1e999), a member repeated
 * after an opening brace (duplicate keys), a number replaced by nesting 10⁵ deep. Positions are taken modulo the length.
 *
 * @see spec/05-cases.md#case.file
 * @see spec/08-backends.md#backend.lines
 */
import fc from "fast-check";

export type TextMutation =
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "flip"; readonly at: number; readonly bit: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "delete"; readonly at: number; readonly length: number }
  | { readonly kind: "repeat"; readonly at: number; readonly length: number }
  | { readonly kind: "number-token"; readonly nth: number; readonly text: string }
  | { readonly kind: "duplicate-key"; readonly nth: number; readonly member: string };

const FRAGMENTS = ["{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "0", "-", "e", "1e999", "NaN", "null", "\u0000", "\ud800", "\r", "\n", "\r\n", "é", "🙂", " ", "\t", "\ufeff", "//", "/*"];
/** Nesting far deeper than any recursive reader survives: JSON.parse accepts it. */
const DEEP = ["[".repeat(100_000) + "1" + "]".repeat(100_000), '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000)];
const NUMBER_TEXTS = [...DEEP, "NaN", "Infinity", "-Infinity", "-0", "1e999", "-1e999", "1e-999", "0x1", "01", "1.", ".5", "+1", "1e", "9".repeat(400), `0.${"0".repeat(400)}1`, "123456789012345678901234567890"];
const MEMBERS = ['"id":"dup"', '"id":1', '"kind":"graph"', '"cases":[]', '"op":"exp"', '"args":[]', '"value":1', '"expect":{}', '"error":{"code":"E_SHAPE","message":"m"}', '"protocol":2', '"__proto__":{}', '"gradient":{}'];

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 4 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("number-token" as const), nth: fc.nat(), text: fc.constantFrom(...NUMBER_TEXTS) }),
  fc.record({ kind: fc.constant("duplicate-key" as const), nth: fc.nat(), member: fc.constantFrom(...MEMBERS) }),
);

/** `mutations` applied in order to `text`. */
export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  return mutations.reduce(applyOne, text);
}

function applyOne(text: string, m: TextMutation): string {
  const at = (n: number): number => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case "truncate":
      return text.slice(0, at(m.at));
    case "flip": {
      const bytes = Buffer.from(text, "utf8");
      if (bytes.length === 0) return text;
      const i = m.at % bytes.length;
      bytes[i] = (bytes[i] as number) ^ (1 << m.bit);
      return new TextDecoder("utf-8").decode(bytes);
    }
    case "insert":
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case "delete":
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case "repeat":
      return text.slice(0, at(m.at) + m.length) + text.slice(at(m.at));
    case "number-token": {
      const tokens = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
      const t = tokens[m.nth % Math.max(1, tokens.length)];
      return t === undefined ? text : text.slice(0, t.index) + m.text + text.slice(t.index + t[0].length);
    }
    case "duplicate-key": {
      const braces = [...text.matchAll(/\{/g)];
      const b = braces[m.nth % Math.max(1, braces.length)];
      if (b === undefined) return text;
      const after = b.index + 1;
      const empty = /^\s*\}/.test(text.slice(after));
      return `${text.slice(0, after)}${m.member}${empty ? "" : ","}${text.slice(after)}`;
    }
  }
}
