/**
 * The error the one-line assertions throw: the check's message, and its whole result as evidence.
 */
import type { AdjointCheckResult } from "./check-adjoint.js";
import type { GradientCheckResult } from "./gradient-report.js";

/**
 * Thrown by {@link expectGradient} and {@link expectAdjoint} when a check is not ok; `result` holds
 * the evidence (narrow it with the type parameter: `CheckFailedError<GradientCheckResult>`).
 *
 * @example
 * ```ts
 * import { CheckFailedError, expectGradient } from "backslash-ad/vitest";
 *
 * try {
 *   expectGradient((x: number) => Math.sin(x), [1], { gradient: (x) => [-Math.cos(x)] });
 * } catch (e) {
 *   if (e instanceof CheckFailedError) console.log(e.message); // "checkGradient FAIL (float64, full mode, seed …)"
 * }
 * ```
 */
export class CheckFailedError<R extends GradientCheckResult | AdjointCheckResult = GradientCheckResult | AdjointCheckResult> extends Error {
  override readonly name = "CheckFailedError";
  constructor(
    message: string,
    /** The full result of the check. */
    readonly result: R,
  ) {
    super(message);
  }
}

/** Returns `result` when it is ok, else throws a {@link CheckFailedError} with its message. */
export function assertOk<R extends GradientCheckResult | AdjointCheckResult>(result: R): R {
  if (!result.ok) throw new CheckFailedError<R>(result.message, result);
  return result;
}
