/**
 * Values that break assumptions: the number encoding's edge strings (`value.number`), numbers at
 * the ends of binary64, long digit strings, prototype names, lone surrogates, empty and ragged
 * matrices, deep nesting, huge dimensions. Sizes are bounded so that one mutant's work stays
 * bounded too: a fuzzer that finds a slow path must find it in the code, not in the input's size.
 *
 * @see spec/01-values.md#value.number
 * @see spec/01-values.md#value.tensor
 */
import fc from "fast-check";
import type { JsonValue } from "./json-value.js";

/** Names that are also members of every JavaScript object: ids and ops must not be looked up as such. */
export const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"] as const;

const SPECIAL_NUMBERS: readonly JsonValue[] = [
  0, -0, 1, -1, 0.5, 2, 3, 1e308, -1e308, 5e-324, 2.2250738585072014e-308, 2 ** 53 + 2, 2 ** 31, 1e9, 1e21, 1.5, 255, 4294967296,
];

const SPECIAL_STRINGS: readonly JsonValue[] = [
  "NaN", "Infinity", "-Infinity", "-0", "+0", "0", "1e400", "-1e400", "1e-400", "0x10", "1_000", " 1", "1 ", "1e", ".", "-", "",
  "nan", "inf", "1e99999999999999999999", "\u0000", "\ud800", "\udfff", "🙂", "é", "\u202e", "\n", "E_DOMAIN", "E_BOGUS",
  ...PROTOTYPE_NAMES,
];

/** A long decimal literal: more digits than binary64 holds (`value.number.nearest`). */
const longDigits: fc.Arbitrary<JsonValue> = fc
  .tuple(fc.integer({ min: 20, max: 1500 }), fc.constantFrom("1", "9", "0.", "-0.000", "1e-3"), fc.constantFrom("", "5", "e308", "e-330", "e99999"))
  .map(([n, head, tail]) => `${head}${"3".repeat(n)}${tail}`);

/** A matrix of up to 6×6 numbers, strings among them; sometimes ragged or with an empty row. */
const smallMatrix: fc.Arbitrary<JsonValue> = fc
  .tuple(
    fc.array(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom<JsonValue>(...SPECIAL_NUMBERS, "NaN", "-0", "Infinity")), { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([rows, rectangular]) => (rectangular && rows.length > 0 ? rows.map((r) => (r.length === 0 ? [0] : r)).map((r, _, all) => all[0]!.map((_x, j) => r[j] ?? 0)) : rows) as JsonValue);

/** Arrays or objects nested `depth` deep around a number. */
const deepNesting: fc.Arbitrary<JsonValue> = fc.tuple(fc.integer({ min: 2, max: 400 }), fc.boolean()).map(([depth, arrays]) => {
  let v: JsonValue = 1;
  for (let k = 0; k < depth; k++) v = arrays ? [v] : { of: v };
  return v;
});

/** A replacement value of any type. */
export const nastyValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS, ...SPECIAL_STRINGS, null, true, false, [], {}, [[]], [[1], [1, 2]], [1, 2], [[1, 2], [3]]), weight: 6 },
  { arbitrary: longDigits, weight: 2 },
  { arbitrary: smallMatrix, weight: 3 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: fc.double().map((x): JsonValue => x), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }).map((s): JsonValue => s), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>, weight: 2 },
);
