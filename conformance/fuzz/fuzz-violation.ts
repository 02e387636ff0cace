/**
 * What a fuzzer reports: an input that made the code under test throw something other than a
 * fault with a code, or answer outside the outcomes the spec allows.
 */
export class FuzzViolation extends Error {
  constructor(message: string, cause?: unknown) {
    super(cause === undefined ? message : `${message}: ${describeThrown(cause)}`, { cause });
    this.name = "FuzzViolation";
  }
}

/** A thrown value's class, message and top stack frames, for reports. */
export function describeThrown(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error thrown: ${String(e)}`;
  const frames = (e.stack ?? "").split("\n").slice(1, 4).map((l) => l.trim()).join(" | ");
  const code = (e as { code?: unknown }).code;
  return `${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${e.message}${frames ? ` [${frames}]` : ""}`;
}
