/**
 * The JSON values the fuzzers mutate: what `JSON.parse` returns.
 *
 * @see spec/05-cases.md#case.file
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
