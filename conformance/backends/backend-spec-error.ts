/**
 * A spec error as a backend reported it: an error reply of the subprocess protocol, or an object
 * with a string `code` and `message` thrown by an in-process backend. It is the case's answer,
 * judged by code (`conform.outcome`).
 *
 * @see spec/08-backends.md#backend.errors
 */
export class BackendSpecError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "BackendSpecError";
  }
}
