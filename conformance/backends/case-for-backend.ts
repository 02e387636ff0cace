/**
 * The case as a backend receives it: the loaded case without `expect`, `compare` and
 * `provenance`, so that no backend can answer from the expected values.
 *
 * @see spec/08-backends.md#backend.case
 */
import type { Case } from "../../reference/index.js";

export function caseForBackend<C extends Case>(c: C): C {
  const { expect: _expect, compare: _compare, provenance: _provenance, ...sent } = c as C & Record<string, unknown>;
  return sent as C;
}
