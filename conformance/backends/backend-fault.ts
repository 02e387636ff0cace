/**
 * A request the harness could not get answered: the backend crashed or exited, did not reply in
 * time, or broke the protocol. Its outcome is **error**, never a failure of the backend's arithmetic.
 *
 * @see spec/08-backends.md#backend.faults
 */

/** Why no answer came: "crashed" (exit, signal, cannot start), "timeout", "protocol". */
export type FaultKind = "crashed" | "timeout" | "protocol";

export class BackendFault extends Error {
  constructor(
    readonly kind: FaultKind,
    message: string,
  ) {
    super(message);
    this.name = "BackendFault";
  }
}
