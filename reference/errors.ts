/**
 * Spec-defined errors and internal errors.
 *
 * A {@link SpecError} is an outcome the spec defines (a case may expect its code); anything else
 * thrown is a bug in this interpreter. Messages name the case id and the JSON pointer or node.
 *
 * @see spec/06-conformance.md#error.codes
 */

/** The stable error codes. @see spec/06-conformance.md#error.codes */
export const ERROR_CODES = [
  "E_JSON",
  "E_SCHEMA",
  "E_DUPLICATE_ID",
  "E_UNKNOWN_ID",
  "E_ORDER",
  "E_CYCLE",
  "E_UNKNOWN_OP",
  "E_ARITY",
  "E_ATTRIBUTE",
  "E_SHAPE",
  "E_NOT_SCALAR",
  "E_DOMAIN",
  "E_VALUE",
  "E_INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error was found: any of file, case id, JSON pointer (RFC 6901) and node id. */
export interface ErrorLocation {
  readonly file?: string;
  readonly caseId?: string;
  readonly pointer?: string;
  readonly node?: string;
}

/** An error the spec defines. `detail` is the bare problem; `message` adds the location. */
export class SpecError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly where: ErrorLocation = {},
  ) {
    super(formatMessage(code, detail, where));
    // Stryker disable next-line StringLiteral: equivalent — the name shows only in String(e) and stack traces; nothing reads it (SpecError is told by instanceof, and judged by code and pointer, spec: error.message)
    this.name = "SpecError";
  }

  /**
   * The same error seen from further out: the outer location fills what is missing, and an outer
   * pointer (e.g. `/cases/3`) is prefixed to the inner one (relative to the case).
   */
  within(outer: ErrorLocation): SpecError {
    const where = { ...outer, ...this.where };
    return new SpecError(this.code, this.detail, outer.pointer === undefined ? where : { ...where, pointer: outer.pointer + (this.where.pointer ?? "") });
  }
}

function formatMessage(code: ErrorCode, detail: string, where: ErrorLocation): string {
  const parts = [
    where.file,
    where.caseId !== undefined ? `case ${shorten(where.caseId)}` : undefined,
    where.pointer !== undefined ? `at ${formatPointer(where.pointer)}` : undefined,
    where.node !== undefined ? `node ${shorten(where.node)}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return `${code}: ${parts.length > 0 ? parts.join(", ") + ": " : ""}${shorten(detail, MAX_DETAIL)}`;
}

/**
 * A JSON pointer for a message, each token shortened. The empty pointer is the whole document (RFC
 * 6901) and is written out in words: `/` is a different pointer (the member named ""), and an
 * empty `at ` reads as a missing location.
 *
 * @see spec/06-conformance.md#error.message
 */
export function formatPointer(pointer: string): string {
  return pointer === "" ? ROOT : pointer.split("/").map((t) => shorten(t)).join("/");
}

/** How a message names the location of the empty pointer. @see spec/06-conformance.md#error.message */
// Stryker disable next-line StringLiteral: equivalent — message text (the root pointer's wording); the spec judges an error by its code and pointer, never its words (spec: error.message)
const ROOT = "the document root";

/**
 * Messages stay short whatever a file holds (spec/06-conformance.md#load.size): a name or a value
 * is quoted up to {@link MAX_QUOTED} characters, and the problem up to {@link MAX_DETAIL}; the
 * rest is replaced by its length. The error's fields keep the whole text.
 */
export const MAX_QUOTED = 80;
const MAX_DETAIL = 2000;

/** `text` as it is, or its first `max` characters and how many there are in all. */
export function shorten(text: string, max: number = MAX_QUOTED): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** A name or value as a JSON string for a message, shortened like {@link shorten}. */
export function quote(text: string): string {
  return text.length <= MAX_QUOTED ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, MAX_QUOTED))}… (${text.length} characters)`;
}

/** Shorthand for throwing a spec error. */
export function fail(code: ErrorCode, detail: string, where: ErrorLocation = {}): never {
  throw new SpecError(code, detail, where);
}

/** Exhaustiveness guard: reaching it is an internal error. */
// Stryker disable next-line BlockStatement: equivalent — unreachable: every call (reference/, oracles/, conformance/arbitraries/) is a switch's default over a closed union with a case for each member; x: never is the compile-time check (see the disabled defaults in operator-apply.ts, operator-adjoint.ts, domain.ts)
export function assertNever(x: never): never {
  throw new Error(`internal: unexpected ${JSON.stringify(x)}`);
}

/** Escape one JSON-pointer reference token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Runs `f`; a spec error it raises is seen from `where` (see {@link SpecError.within}). */
export function locate<R>(where: ErrorLocation, f: () => R): R {
  try {
    return f();
  } catch (e) {
    throw e instanceof SpecError ? e.within(where) : e;
  }
}
