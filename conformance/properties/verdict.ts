/**
 * The judgement of one generated case, and the definition of a property as data: its name, the
 * capabilities it needs, its arbitrary and its check.
 */
import type fc from "fast-check";
import type { Case, RawTensor } from "../../reference/case.js";
import type { PrecisionClass } from "../../oracles/index.js";
import type { FaultKind } from "../backends/backend-fault.js";
import type { Answer } from "./ask.js";
import type { BackendLike, Capability } from "./backend-like.js";

export type Verdict =
  | { readonly kind: "pass" }
  /** Neither oracle could decide (counted, never a failure). */
  | { readonly kind: "inconclusive"; readonly reason: string }
  /** The case to report (its `expect` is filled from the oracles later, for the shrunk one only). */
  | { readonly kind: "fail"; readonly reason: string; readonly case: Case; readonly tangent?: Readonly<Record<string, RawTensor>> }
  /** `fault`: the backend gave no answer (crashed, timed out, broke the protocol). */
  | { readonly kind: "error"; readonly reason: string; readonly case: Case; readonly fault?: FaultKind };

export interface CheckContext {
  /** The backend's precision class (its `hello`), for the allowances. */
  readonly precision: PrecisionClass;
  /** Adds 1 to a named counter (only runs before the first failure count). */
  count(name: string): void;
}

export interface PropertyDefinition<T> {
  readonly name: string;
  readonly requires: readonly Capability[];
  readonly arbitrary: fc.Arbitrary<T>;
  /** Judges one value; throws only on a harness fault (a bug here or in an oracle). */
  readonly check: (backend: BackendLike, value: T, context: CheckContext) => Promise<Verdict>;
}

/** The verdict on a call that did not answer: a spec error on a valid case fails, anything else errs. */
export function refused(answer: Extract<Answer, { ok: false }>, c: Case, what: string): Verdict {
  return answer.code !== undefined
    ? { kind: "fail", reason: `${what}: the backend reported ${answer.code} for a valid case (${answer.message})`, case: c }
    : answer.fault !== undefined
      ? { kind: "error", reason: `${what}: no answer (${answer.fault}): ${answer.message}`, case: c, fault: answer.fault }
      : { kind: "error", reason: `${what}: the backend threw: ${answer.message}`, case: c };
}
