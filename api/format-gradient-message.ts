/**
 * The readable message of a gradient check: the verdict and its counts, the worst element of each
 * input (or each direction in fast mode) with the gradient under test and the oracle's estimate
 * named as such, the evidence of the sweep, the Taylor test, and the seed to replay.
 */
import type { GradientCheckResult, JudgedValue } from "./gradient-report.js";

// Values in full (shortest round-trip form), so that a message can be pasted into a replay.
const num = (x: number): string => String(x);
const short = (x: number): string => (Number.isFinite(x) ? x.toExponential(2) : String(x));

const WHY: Record<string, string> = {
  kink: "the one-sided derivatives differ (a kink at or near the point)",
  noise: "rounding noise dominates every window of the sweep",
  unstable: "consecutive estimates never agree",
  inconsistent: "two windows of the sweep disagree",
  rough: "the discrepancy is within what the function's noise could hide",
  domain: "too few steps stay inside the function's domain",
  "undefined-at-x": "f is not finite (or throws) at the point",
};

/** One judged value on one line: both values, which is the oracle, the error against its allowance, the window. */
export function describeJudged(label: string, j: JudgedValue): string {
  const e = j.evidence;
  const sweep = `sweep h = ${short(e.sweep[0])} … ${short(e.sweep[1])}`;
  const window = e.window ? `window h = ${short(e.window[0])}, ${short(e.window[1])}, ${short(e.window[2])} of the ${sweep}` : `no usable window in the ${sweep}`;
  const values = `gradient under test ${num(j.actual)}, finite differences (oracle) ${num(j.expected)} ± ${short(e.estimateError)}`;
  if (j.verdict === "INCONCLUSIVE") {
    return `${label}: INCONCLUSIVE (${j.reason}: ${WHY[j.reason] ?? j.reason}) — ${values}; ${window}`;
  }
  const times = j.allowance > 0 ? ` = ${(j.error / j.allowance).toPrecision(3)} × the allowance` : "";
  return `${label}: ${j.verdict} — ${values}; |difference| ${short(j.error)}${times} ${short(j.allowance)}; ${window}`;
}

/** The message of {@link GradientCheckResult}. */
export function formatGradientMessage(r: Omit<GradientCheckResult, "message">): string {
  // After a fast FAIL the full check ran: its elements are the verdict's evidence.
  const judged = r.elements.length > 0 ? r.elements : r.directions;
  const count = (v: string) => judged.filter((e) => e.verdict === v).length;
  const what = r.elements.length > 0 ? "elements" : "random directions";
  const lines = [
    `checkGradient ${r.verdict} (${r.precision}, ${r.mode} mode, seed ${r.seed}): ` +
      `${count("FAIL")} FAIL, ${count("INCONCLUSIVE")} INCONCLUSIVE, ${count("PASS")} PASS of ${judged.length} ${what}` +
      (r.ok && r.verdict === "INCONCLUSIVE" ? " (INCONCLUSIVE counts as ok: option inconclusive)" : "") +
      (r.verdict === "INCONCLUSIVE" && count("PASS") === 0 ? " (nothing could be decided, so not ok)" : ""),
  ];
  if (r.mode !== "full") {
    for (const d of r.directions) lines.push("  " + describeJudged(`direction ${d.direction} ⟨g, v⟩`, d));
  }
  for (const input of r.inputs) {
    if (input.worst === undefined) continue;
    const w = input.worst;
    const label = w.element === input.name ? w.element : w.verdict === "PASS" ? `${input.name} (all ${input.counts.PASS} PASS; closest to its allowance: ${w.element})` : w.element;
    lines.push("  " + describeJudged(label, w));
    const others = (input.counts.FAIL > 0 ? input.counts.FAIL : input.counts.INCONCLUSIVE) - 1;
    if (input.worst.verdict !== "PASS" && others > 0) lines.push(`    (and ${others} more ${input.worst.verdict} in ${input.name}: see result.elements)`);
  }
  if (r.taylor) {
    const t = r.taylor;
    lines.push(
      `  Taylor test along a random direction (second opinion): slope ${Number.isFinite(t.slope) ? t.slope.toFixed(2) : "—"} on ${t.result.fitted} points ` +
        `(2 for a correct gradient, 1 for a wrong one): ${t.opinion}` +
        (t.opinion === "contradicts" && r.verdict === "INCONCLUSIVE" && count("FAIL") + count("INCONCLUSIVE") === 0 ? " — the oracles disagree, so not PASS" : ""),
    );
  }
  lines.push(`  replay: the same inputs with { seed: ${r.seed} } (expected = the oracle's estimate, actual = your gradient)`);
  return lines.join("\n");
}
