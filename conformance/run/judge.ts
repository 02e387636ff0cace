/**
 * Judging one loaded case against an in-process backend: call the capability the case's kind
 * needs, then compare with `expect` (values under the tolerance, errors by code only).
 *
 * A spec error from the backend is an answer (right or wrong); anything else it throws is the
 * backend erroring. Neither crashes the run.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { expectsError, SpecError, type Case, type RawTensor } from "../../reference/index.js";
import { compareTensor, DEFAULT_TOLERANCE, describe, type Tolerance } from "./compare.js";
import type { Outcome } from "./outcome.js";

/** The in-process backend interface, as far as v1 of the runner uses it. */
export interface InProcessBackend {
  hello(): { name: string; capabilities: readonly string[] };
  gradient?(c: Case & { kind: "graph" }): unknown;
  solve?(c: Case & { kind: "system" }): unknown;
  apply?(c: Case & { kind: "operator" }): unknown;
}

const CAPABILITY = { graph: "gradient", system: "solve", operator: "apply" } as const;

export interface LoadedCaseLike {
  readonly file: string;
  readonly case: Case;
}

export function judge(loaded: LoadedCaseLike, backend: InProcessBackend, capabilities: readonly string[]): Outcome {
  const c = loaded.case;
  const base = { id: c.id, file: loaded.file };
  const capability = CAPABILITY[c.kind];
  if (!capabilities.includes(capability)) return { ...base, status: "skip", reason: `backend lacks the capability "${capability}"` };
  if (c.expect === undefined) return { ...base, status: "skip", reason: "no expected values (oracles judge such cases in a later version)" };

  let result: unknown;
  try {
    result = call(backend, c);
  } catch (e) {
    if (!(e instanceof SpecError)) return { ...base, status: "error", reason: `backend threw: ${e instanceof Error ? e.message : String(e)}` };
    if (expectsError(c.expect)) {
      return e.code === c.expect.error ? { ...base, status: "pass" } : { ...base, status: "fail", reason: `expected ${c.expect.error}, got ${e.message}` };
    }
    return { ...base, status: "fail", reason: `unexpected error ${e.message}` };
  }
  if (expectsError(c.expect)) return { ...base, status: "fail", reason: `expected ${c.expect.error}, got a result` };

  const tolerance: Tolerance = { ...DEFAULT_TOLERANCE, ...c.compare };
  for (const [path, expected] of expectedFields(c)) {
    const actual = pick(result, path);
    const cmp = compareTensor(actual, expected, path, tolerance);
    if (!cmp.ok) return { ...base, status: "fail", reason: describe(cmp.worst) };
  }
  return { ...base, status: "pass" };
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

