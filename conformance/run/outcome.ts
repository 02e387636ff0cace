/**
 * The outcome of judging one case against one backend.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import type { Case } from "../../reference/case.js";
import type { FaultKind } from "../backends/index.js";
import type { FailureDossier } from "../report/dossier.js";

export type Status = "pass" | "fail" | "skip" | "error";

export interface Outcome {
  readonly id: string;
  readonly file: string;
  readonly status: Status;
  /** Why it failed, errored or was skipped. */
  readonly reason?: string;
  /** For an error: the request got no answer because the backend crashed, timed out or broke the protocol. */
  readonly fault?: FaultKind;
  /** For a failed property: the shrunk counterexample, an ordinary case with `expect` from the oracles. */
  readonly counterexample?: Case;
  /**
   * For a wrong gradient of a graph case (a corpus case or a property's counterexample): what the
   * HTML report draws — the case, the worst element, the departure, the FD sweep and Taylor
   * remainders. Plain JSON; never on a pass.
   *
   * @see spec/06-conformance.md#conform.dossier
   */
  readonly dossier?: FailureDossier;
}
