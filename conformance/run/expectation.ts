/**
 * What a corpus case is judged against: its own `expect`, or — for a case without one — the
 * oracles' (never the reference's): the high-precision value and gradient of a graph case, the
 * explicit solve of a system case, the explicit matrix of an operator case
 * (conformance/properties/oracle-expect.ts).
 *
 * Where the oracles cannot give values: a spec error they raise while reading or evaluating the
 * case (a domain error such as `log(0)`, a shape fault) becomes the expected error, so the backend
 * must report the same code (error parity, `conform.outcome`); a gradient input with an element the
 * oracles cannot decide (a kink at the point, an exact cancellation) is left out and named in
 * `unjudged`; any other oracle fault is a harness fault, returned as `fault` so that the case's
 * outcome is error rather than a crash or a silent pass.
 *
 * @see spec/06-conformance.md#conform.expect-absent
 */
import { SpecError, type Case } from "../../reference/index.js";
import { withOracleExpect } from "../properties/oracle-expect.js";

export type Expectation =
  | { readonly case: Case; readonly source: "case" | "oracle"; readonly unjudged: readonly string[] }
  | { readonly fault: string };

/** Codes a case may expect (case.expect.error): the structural ones and E_INTERNAL are not answers. */
const NOT_EXPECTABLE = new Set(["E_JSON", "E_SCHEMA", "E_INTERNAL"]);

export function expectationFor(c: Case): Expectation {
  if (c.expect !== undefined) return { case: c, source: "case", unjudged: [] };
  try {
    const filled = withOracleExpect(c);
    const gradient = filled.kind === "graph" && filled.expect !== undefined && !("error" in filled.expect) ? filled.expect.gradient ?? {} : undefined;
    const asked = c.kind === "graph" ? c.wrt ?? c.graph.inputs.map((x) => x.id) : [];
    const unjudged = gradient === undefined ? [] : asked.filter((id) => !(id in gradient)).map((id) => `gradient.${id}`);
    return { case: filled, source: "oracle", unjudged };
  } catch (e) {
    if (e instanceof SpecError && !NOT_EXPECTABLE.has(e.code)) {
      return { case: { ...c, expect: { error: e.code as Exclude<typeof e.code, "E_JSON" | "E_SCHEMA" | "E_INTERNAL"> } } as Case, source: "oracle", unjudged: [] };
    }
    return { fault: `the oracles could not judge this case without expect: ${e instanceof Error ? e.message : String(e)}` };
  }
}
