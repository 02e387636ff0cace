/**
 * Recognizing a spec error thrown by a backend: any object with a string `code` of the form
 * `E_…` and a string `message` (the reference's `SpecError`, a {@link BackendSpecError}, or a
 * plain object). Anything else thrown is not a spec error.
 *
 * @see spec/08-backends.md#backend.errors
 */

const CODE = /^E_[A-Z_]+$/;

/** The code and message of a thrown spec error, or undefined when `e` is not one. */
export function specErrorOf(e: unknown): { readonly code: string; readonly message: string } | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === "string" && CODE.test(code) && typeof message === "string" ? { code, message } : undefined;
}
