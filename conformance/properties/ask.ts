/**
 * Asking a backend: one awaited call whose failure is a value, never a throw. A spec error (an
 * exception or error reply carrying one of the spec's codes other than E_INTERNAL) is an answer —
 * a wrong one, for the valid cases properties generate; anything else is the backend erroring.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase } from "../../reference/case.js";
import { ERROR_CODES } from "../../reference/errors.js";
import { BackendFault, type FaultKind } from "../backends/backend-fault.js";
import type { BackendLike } from "./backend-like.js";

export type Answer =
  | { readonly ok: true; readonly result: unknown }
  /**
   * `code`: the spec error the backend reported, if it reported one; `fault`: the request got no
   * answer at all (a crash, a timeout, a protocol violation — spec/08-backends.md#backend.faults).
   */
  | { readonly ok: false; readonly code?: string; readonly fault?: FaultKind; readonly message: string };

type Request =
  | { readonly method: "gradient"; readonly c: GraphCase }
  | { readonly method: "solve"; readonly c: SystemCase }
  | { readonly method: "apply"; readonly c: OperatorCase }
  | { readonly method: "jvp"; readonly c: GraphCase; readonly tangent: Readonly<Record<string, RawTensor>> };

const SPEC_CODES: ReadonlySet<string> = new Set(ERROR_CODES.filter((c) => c !== "E_INTERNAL"));

/** The spec code an exception or error reply carries (`code` or `error.code`), if any. */
function specCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const o = e as { code?: unknown; error?: { code?: unknown } };
  const code = typeof o.code === "string" ? o.code : typeof o.error?.code === "string" ? o.error.code : undefined;
  return code !== undefined && SPEC_CODES.has(code) ? code : undefined;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e) ?? String(e));

export async function ask(backend: BackendLike, request: Request): Promise<Answer> {
  const f = backend[request.method] as ((...args: unknown[]) => unknown) | undefined;
  if (typeof f !== "function") return { ok: false, message: `the backend has no ${request.method} method` };
  try {
    const args = request.method === "jvp" ? [request.c, request.tangent] : [request.c];
    const result: unknown = await f.apply(backend, args);
    // An error reply returned rather than thrown.
    if (typeof result === "object" && result !== null && "error" in result) {
      const code = specCode(result);
      return { ok: false, ...(code !== undefined ? { code } : {}), message: messageOf((result as { error: unknown }).error) };
    }
    return { ok: true, result };
  } catch (e) {
    if (e instanceof BackendFault) return { ok: false, fault: e.kind, message: messageOf(e) };
    const code = specCode(e);
    return { ok: false, ...(code !== undefined ? { code } : {}), message: messageOf(e) };
  }
}
