/**
 * An expected gradient or solution keyed by an id the case does not report: a gradient key outside
 * `wrt` (default: the inputs), a solution key that is not an unknown. Such a case could never pass,
 * so the loader rejects it before any backend runs it.
 *
 * @see spec/05-cases.md#case.expect.graph
 * @see spec/05-cases.md#case.expect.system
 */
import type { Case } from "../../reference/case.js";
import { pointerToken, quote } from "../../reference/errors.js";

export interface UnknownExpectKey {
  readonly pointer: string;
  readonly detail: string;
}

/** The first expected key that names nothing reported, in a case that passed the schema. */
export function findUnknownExpectKey(c: Case): UnknownExpectKey | undefined {
  const e = c.expect;
  if (e === undefined || "error" in e) return undefined;
  const [member, expected, known, what] =
    c.kind === "graph"
      ? (["gradient", "gradient" in e ? e.gradient : undefined, c.wrt ?? c.graph.inputs.map((v) => v.id), "an input in wrt"] as const)
      : c.kind === "system"
        ? (["solution", "solution" in e ? e.solution : undefined, c.system.unknowns.map((u) => u.id), "an unknown"] as const)
        : ([undefined, undefined, [], ""] as const);
  if (member === undefined || expected === undefined) return undefined;
  const key = Object.keys(expected).find((k) => !known.includes(k));
  return key === undefined ? undefined : { pointer: `/expect/${member}/${pointerToken(key)}`, detail: `expected ${member} for ${quote(key)}, which is not ${what}` };
}
