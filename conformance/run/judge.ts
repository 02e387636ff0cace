/**
 * Judging one loaded case against a backend: call the capability the case's kind needs, then
 * compare with `expect` (values under the tolerance, errors by code only).
 *
 * A spec error from the backend is an answer (right or wrong); a request that got no answer
 * (crash, timeout, protocol fault) and anything else the backend throws are the backend erroring.
 * None of them crashes the run. The backend may answer synchronously or with a promise.
 *
 * A case without `expect` is judged against the oracles (expectation.ts). A failure names the worst
 * element over every compared member, which side is which, and by how much; a wrong gradient of a
 * graph case also names the first node, in reverse order, whose adjoint departs from the oracles'
 * (localization-report.ts), and carries the failure dossier the HTML report draws.
 *
 * @see spec/06-conformance.md#conform.outcome
 * @see spec/06-conformance.md#conform.expect-absent
 * @see spec/06-conformance.md#conform.report
 * @see spec/06-conformance.md#conform.dossier
 * @see spec/08-backends.md#backend.faults
 */
import { ERROR_CODES, expectsError, type Case, type RawTensor } from "../../reference/index.js";
import type { PrecisionClass } from "../../oracles/bound/index.js";
import { BackendFault, caseForBackend, specErrorOf } from "../backends/index.js";
import { buildDossier } from "../report/build-dossier.js";
import { allowancesFor, type CaseAllowances } from "./allowances.js";
import { errorAtBinary32 } from "./binary32-outcome.js";
import { compareTensor, DEFAULT_TOLERANCE, describe, type Allowed, type Malformed, type Mismatch } from "./compare.js";
import { expectationFor } from "./expectation.js";
import { localizationReport } from "./localization-report.js";
import type { Outcome } from "./outcome.js";

/**
 * The backend interface as the runner uses it: an in-process object (sync or async) or a loaded
 * {@link import("../backends/index.js").Backend}.
 */
export interface InProcessBackend {
  hello(): { name: string; capabilities: readonly string[]; precision?: string } | Promise<{ name: string; capabilities: readonly string[]; precision?: string }>;
  gradient?(c: Case & { kind: "graph" }): unknown;
  solve?(c: Case & { kind: "system" }): unknown;
  apply?(c: Case & { kind: "operator" }): unknown;
}

const CAPABILITY = { graph: "gradient", system: "solve", operator: "apply" } as const;

export interface LoadedCaseLike {
  readonly file: string;
  /** The case's JSON pointer in its file (`/cases/3`), when it came from one. */
  readonly pointer?: string;
  readonly case: Case;
}

export async function judge(
  loaded: LoadedCaseLike,
  backend: InProcessBackend,
  capabilities: readonly string[],
  precision: PrecisionClass = "float64",
): Promise<Outcome> {
  const base = { id: loaded.case.id, file: loaded.file };
  const capability = CAPABILITY[loaded.case.kind];
  if (!capabilities.includes(capability)) return { ...base, status: "skip", reason: `backend lacks the capability "${capability}"` };
  const expectation = expectationFor(loaded.case);
  if ("fault" in expectation) return { ...base, status: "error", reason: expectation.fault };
  const { case: c, source, unjudged } = expectation;
  const from = source === "oracle" ? " (oracle)" : "";

  let result: unknown;
  try {
    result = await call(backend, caseForBackend(c));
  } catch (e) {
    if (e instanceof BackendFault) return { ...base, status: "error", reason: `${e.kind}: ${e.message}`, fault: e.kind };
    const spec = specErrorOf(e);
    if (spec === undefined) return { ...base, status: "error", reason: `backend threw: ${e instanceof Error ? e.message : String(e)}` };
    const text = (spec.message.startsWith(spec.code) ? spec.message : `${spec.code}: ${spec.message}`) + caseRelative(loaded);
    if (spec.code === "E_INTERNAL") return { ...base, status: "error", reason: `backend reported ${text}` };
    if (!(ERROR_CODES as readonly string[]).includes(spec.code)) return { ...base, status: "error", reason: `backend reported an error code the spec does not define: ${text}` };
    if (expectsError(c.expect)) {
      return spec.code === c.expect.error ? { ...base, status: "pass" } : { ...base, status: "fail", reason: `expected ${c.expect.error}${from}, got ${text}` };
    }
    return { ...base, ...outcomeAtBinary32(c, precision, spec.code, `unexpected error ${text}`) };
  }
  if (expectsError(c.expect)) return { ...base, ...outcomeAtBinary32(c, precision, undefined, `expected ${c.expect.error}${from}, got a result`) };

  // A case's own `compare` wins; otherwise the error-bound model of chapter 7 (compare.defaults).
  const model = c.compare === undefined ? modelOrDefaults(c, precision) : undefined;
  const worst = worstField(c, result, model);
  const note = unjudged.length > 0 ? `not judged: ${unjudged.join(", ")} (the oracles cannot decide every element)` : undefined;
  if (worst === undefined) return { ...base, status: "pass", ...(note !== undefined ? { reason: note } : {}) };
  // A missing member or a wrong shape is never a rounding question: it fails even where the model
  // cannot decide values (spec/06-conformance.md#conform.outcome).
  const verdict = "problem" in worst.worst ? { status: "fail" as const, reason: describe(worst.worst, source) } : verdictOnMismatch(model, describe(worst.worst, source));
  if (verdict.status !== "fail" || c.kind !== "graph" || !worst.field.startsWith("gradient.") || "problem" in worst.worst) return { ...base, ...verdict };
  const input = worst.field.slice("gradient.".length);
  const where = await localizationReport(backend, caseForBackend(c), precision, input);
  // What the HTML report draws (spec/06-conformance.md#conform.dossier); built on failures only.
  const dossier = await buildDossier({ backend, c, result, input, worst: worst.worst, source, precision }).catch(() => undefined);
  return { ...base, status: "fail", reason: `${verdict.reason}; ${where}`, ...(dossier !== undefined ? { dossier } : {}) };
}

/**
 * A backend sees the case, never its file, so the pointers in its message are relative to the case
 * (`/y`); spec error.message wants a location from the file's root, which is the case's own pointer
 * followed by the backend's. Backends' messages are free text, so the pointer is stated, not spliced in.
 *
 * @see spec/06-conformance.md#error.message
 */
function caseRelative(loaded: LoadedCaseLike): string {
  return loaded.pointer === undefined ? "" : ` (the backend's pointers are relative to the case, which is at ${loaded.pointer} in its file)`;
}

/**
 * The worst failing element over every expected member: a malformed member first, then the
 * largest excess over the allowance (spec: conform.report). Undefined when everything matches.
 */
function worstField(c: Case, result: unknown, model: CaseAllowances | undefined): { field: string; worst: Mismatch | Malformed } | undefined {
  let worst: { field: string; worst: Mismatch | Malformed } | undefined;
  for (const [path, expected] of expectedFields(c)) {
    const allowed: Allowed = model?.byPath.get(path) ?? { ...DEFAULT_TOLERANCE, ...c.compare };
    const cmp = compareTensor(pick(result, path), expected, path, allowed);
    if (cmp.ok) continue;
    if ("problem" in cmp.worst) return { field: path, worst: cmp.worst };
    if (worst === undefined || ("ratio" in worst.worst && cmp.worst.ratio > worst.worst.ratio)) worst = { field: path, worst: cmp.worst };
  }
  return worst;
}

/** A mismatch is a failure, unless the model says the case is outside it (tol.scope, tol.precision). */
function verdictOnMismatch(model: CaseAllowances | undefined, reason: string): Pick<Outcome, "status" | "reason"> {
  if (model !== undefined && model.outsideModel.length > 0) {
    return { status: "skip", reason: `undecided: ${reason}; node ${model.outsideModel.join(", ")} is within rounding of a kink or domain edge (spec: tol.scope)` };
  }
  if (model?.outsideRange === true) {
    return { status: "skip", reason: `undecided: ${reason}; the case's magnitudes exceed the precision class's range (spec: tol.precision)` };
  }
  return { status: "fail", reason };
}

/**
 * A float32 backend whose outcome kind (a spec error `got`, or a result) differs from the case's
 * expectation is undecided, not failed, when the reference gives that same kind at the inputs
 * rounded to binary32 (spec/07-tolerance.md#tol.precision): −1e-300 is −0 there.
 */
function outcomeAtBinary32(c: Case, precision: PrecisionClass, got: string | undefined, reason: string): Pick<Outcome, "status" | "reason"> {
  if (precision !== "float32" || c.kind !== "graph") return { status: "fail", reason };
  let there: string | undefined;
  try {
    there = errorAtBinary32(c);
  } catch {
    return { status: "fail", reason };
  }
  if ((there === undefined) !== (got === undefined)) return { status: "fail", reason };
  const what = there === undefined ? "a result" : there;
  return { status: "skip", reason: `undecided: ${reason}; at the inputs rounded to binary32 the case gives ${what} (spec: tol.precision)` };
}

function call(backend: InProcessBackend, c: Case): unknown {
  switch (c.kind) {
    case "graph":
      return backend.gradient?.(c);
    case "system":
      return backend.solve?.(c);
    case "operator":
      return backend.apply?.(c);
  }
}

/** Every expected tensor of a case with its dotted path into the backend's result. */
function expectedFields(c: Case): [string, RawTensor][] {
  const e = c.expect as Record<string, unknown>;
  const fields: [string, RawTensor][] = [];
  for (const [key, value] of Object.entries(e)) {
    if (key === "gradient" || key === "solution") {
      for (const [id, t] of Object.entries(value as Record<string, RawTensor>)) fields.push([`${key}.${id}`, t]);
    } else {
      fields.push([key, value as RawTensor]);
    }
  }
  return fields;
}

/** Follows a dotted path (ids may contain dots: only the first dot splits). */
function pick(result: unknown, path: string): unknown {
  const dot = path.indexOf(".");
  const head = dot < 0 ? path : path.slice(0, dot);
  const outer = typeof result === "object" && result !== null ? (result as Record<string, unknown>)[head] : undefined;
  if (dot < 0) return outer;
  const rest = path.slice(dot + 1);
  return typeof outer === "object" && outer !== null ? (outer as Record<string, unknown>)[rest] : undefined;
}


/**
 * The chapter-7 allowances, or none (the `compare` defaults) when the model cannot be formed for
 * this case — the harness never crashes on a case the scale computation does not handle.
 */
function modelOrDefaults(c: Case, precision: PrecisionClass): CaseAllowances | undefined {
  try {
    return allowancesFor(c, precision);
  } catch {
    return undefined;
  }
}
