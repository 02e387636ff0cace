/**
 * A reply nested deeper than any reply of the schema can be (a tensor map's element is four levels
 * down) breaks the schema; it is found before the schema check, iteratively, because the schema
 * check's error report quotes the offending value with JSON.stringify, which overflows the call
 * stack on a value nested some 10⁴ levels deep — and JSON.parse accepts 10⁵ and more (found by
 * conformance/fuzz: {"id":1,"error":[[[…]]]} made readReply throw a RangeError, not a fault).
 *
 * @see spec/08-backends.md#backend.replies
 */
import { findTooDeep, MAX_CASE_DEPTH } from "../load/index.js";

/** "at <pointer>: …" for a value nested deeper than {@link MAX_CASE_DEPTH} levels; undefined otherwise. */
export function tooDeep(reply: unknown): string | undefined {
  const at = findTooDeep(reply, MAX_CASE_DEPTH);
  return at === undefined ? undefined : `at ${at.length > 80 ? `${at.slice(0, 80)}…` : at}: nested deeper than ${MAX_CASE_DEPTH} levels`;
}
