/**
 * The outcome of judging one case against one backend.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
export type Status = "pass" | "fail" | "skip" | "error";

export interface Outcome {
  readonly id: string;
  readonly file: string;
  readonly status: Status;
  /** Why it failed, errored or was skipped. */
  readonly reason?: string;
}
