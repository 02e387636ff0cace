/**
 * The element-level report on a failing graph case that carries `expect` (a corpus case, or a
 * property's shrunk counterexample whose `expect` the oracles filled): the backend's gradient
 * compared element by element with `expect.gradient` under the chapter-7 allowances, the worst
 * element named with both values, and the first node whose adjoint departs (localization-report.ts).
 * A property judges a random direction ⟨∇f, v⟩; this says which element and which node are wrong.
 *
 * It also builds the case's failure dossier (conformance/report/build-dossier.ts), which a
 * property's result carries to its outcome (property-outcome.ts).
 *
 * @see spec/06-conformance.md#conform.report
 * @see spec/06-conformance.md#conform.dossier
 */
import type { GraphCase, RawTensor, Tensor } from "../../reference/index.js";
import { errorScale, tolerance, type PrecisionClass } from "../../oracles/index.js";
import { caseForBackend } from "../backends/case-for-backend.js";
import { ask } from "../properties/ask.js";
import type { BackendLike } from "../properties/backend-like.js";
import { buildDossier } from "../report/build-dossier.js";
import type { FailureDossier } from "../report/dossier.js";
import { compareTensor, describe, type Malformed, type Mismatch } from "./compare.js";
import { localizationReport } from "./localization-report.js";

/** The sentence, and the dossier when one could be built. */
export interface GraphFailureReport {
  readonly text: string;
  readonly dossier?: FailureDossier;
}

/**
 * One sentence: the worst gradient element and where the departure starts; undefined when every
 * expected gradient element is within its allowance (the failure lies elsewhere, e.g. the value)
 * or when the backend answers with an error instead of a gradient.
 * Never throws: a fault is reported as "could not localize: …".
 */
export async function graphFailureReport(backend: BackendLike, c: GraphCase, precision: PrecisionClass, source: "case" | "oracle"): Promise<GraphFailureReport | undefined> {
  try {
    const expected = c.expect !== undefined && !("error" in c.expect) ? c.expect.gradient ?? {} : {};
    const sent = caseForBackend(c);
    const answer = await ask(backend, { method: "gradient", c: sent });
    // A spec error or a crash is already the whole story; there is no gradient to place.
    if (!answer.ok) return undefined;
    const allowances = tolerance(errorScale(c), precision).gradient;
    let worst: { input: string; at: Mismatch | Malformed } | undefined;
    for (const [id, e] of Object.entries(expected) as [string, RawTensor][]) {
      const got = (answer.result as { gradient?: Record<string, unknown> } | null)?.gradient?.[id];
      const cmp = compareTensor(got, e, `gradient.${id}`, allowances[id] as Tensor);
      if (cmp.ok) continue;
      const better = worst === undefined || "problem" in cmp.worst || ("ratio" in worst.at && cmp.worst.ratio > worst.at.ratio);
      if (better) worst = { input: id, at: cmp.worst };
    }
    if (worst === undefined) return undefined;
    const text = `worst element ${describe(worst.at, source)}; ${await localizationReport(backend, sent, precision, worst.input)}`;
    const at = worst.at;
    // A malformed member has no numbers to plot. The dossier only adds to the report: if it cannot
    // be built, the sentence above still stands.
    if ("problem" in at) return { text };
    const dossier = await buildDossier({ backend, c, result: answer.result, input: worst.input, worst: at, source, precision }).catch(() => undefined);
    return dossier === undefined ? { text } : { text, dossier };
  } catch (e) {
    return { text: `could not localize: ${e instanceof Error ? e.message : String(e)}` };
  }
}
