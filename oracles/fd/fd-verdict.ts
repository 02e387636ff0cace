/**
 * The three verdicts of the finite-difference oracle, and how several combine.
 *
 * PASS: a plateau exists and the claimed value lies within the allowance. FAIL: a plateau exists
 * and the claimed value lies outside it. INCONCLUSIVE: no plateau (a kink, a domain edge, noise, a
 * sweep that never settles): the check cannot decide, which is not evidence against the claim.
 *
 * @see spec/04-system.md#system.gradient
 */
export type FdVerdict = "PASS" | "FAIL" | "INCONCLUSIVE";

/** FAIL if any is FAIL, else INCONCLUSIVE if any is, else PASS (also for an empty list). */
export function combineVerdicts(verdicts: Iterable<FdVerdict>): FdVerdict {
  let result: FdVerdict = "PASS";
  for (const v of verdicts) {
    if (v === "FAIL") return "FAIL";
    if (v === "INCONCLUSIVE") result = "INCONCLUSIVE";
  }
  return result;
}
