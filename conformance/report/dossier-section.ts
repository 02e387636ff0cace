/**
 * One failing graph case in the HTML report, drawn from its dossier alone: the reason, the worst
 * element (which side is the oracle), where the adjoint departs, the graph, the matrix (I − L),
 * the FD sweep and the Taylor plot. A part the dossier lacks, or that cannot be drawn, is said
 * in a note instead; nothing here throws on a malformed dossier.
 *
 * @see spec/06-conformance.md#conform.html
 */
import type { Outcome } from "../run/outcome.js";
import { fromJsonNumber as num, type FailureDossier } from "./dossier.js";
import { fdPlot, taylorPlot } from "./dossier-plots.js";
import { escapeHtml } from "./escape-html.js";
import { graphSvg } from "./graph-svg.js";
import { matrixTable } from "./matrix-table.js";

const n = (x: number): string => String(x);
const ratio = (x: number): string => (x === Infinity ? "∞" : x.toPrecision(3));

/** The unknown whose adjoint departs: the node localize found, else the worst input (the edges into it). */
export function departingUnknown(d: FailureDossier): string {
  return d.localization?.departure?.node ?? d.worst.input;
}

function guarded(what: string, draw: () => string): string {
  try {
    return draw();
  } catch (e) {
    return `<p class="note">${escapeHtml(what)} not drawn: ${escapeHtml(e instanceof Error ? e.message : String(e))}</p>`;
  }
}

export function dossierSection(o: Outcome, d: FailureDossier, anchor: string): string {
  const expectedSide = d.source === "oracle" ? "oracle" : "expected (case)";
  const departs = guarded("the departure", () => departingUnknown(d));
  const w = d.worst;
  const actual = num(w.actual);
  const expected = num(w.expected);
  const worst = `<table class="worst"><tbody>
<tr><th scope="row">element</th><td><code>${escapeHtml(`gradient.${w.input}${w.element}`)}</code></td></tr>
<tr><th scope="row">expected (${escapeHtml(d.source === "oracle" ? "oracle: the oracles' high-precision gradient" : "case: the case file's expect")})</th><td class="num">${escapeHtml(n(expected))}</td></tr>
<tr><th scope="row">actual (backend)</th><td class="num">${escapeHtml(n(actual))}</td></tr>
<tr><th scope="row">|Δ|</th><td class="num">${escapeHtml(n(Math.abs(actual - expected)))}</td></tr>
<tr><th scope="row">excess</th><td class="num">${escapeHtml(ratio(num(w.ratio)))}× the allowance, ${escapeHtml(n(num(w.ulps)))} ulps</td></tr>
</tbody></table>`;
  const dep = d.localization?.departure;
  const where =
    dep !== undefined
      ? `The adjoint of node <code>${escapeHtml(dep.node)}</code> (${escapeHtml(dep.op)}) departs first${dep.element !== "" ? ` at <code>${escapeHtml(dep.element)}</code>` : ""}: backend ${escapeHtml(n(num(dep.backend)))}, oracle ${escapeHtml(n(num(dep.oracle)))} (${escapeHtml(ratio(num(dep.ratio)))}× the allowance). Its adjoint gathers the edges from ${dep.consumers.map((c) => `<code>${escapeHtml(c.id)}</code> (${escapeHtml(c.op)})`).join(", ") || "no node"}: the suspect entries are marked in column <code>${escapeHtml(dep.node)}</code> below.`
      : d.localization !== undefined
        ? `Every node's adjoint checked agrees (${d.localization.agreeing.length} checked), so the departure is in the edges into input <code>${escapeHtml(d.worst.input)}</code>: the entries of its column below.`
        : `Not localized.`;
  const passed = d.localization !== undefined && d.localization.passedOver.length > 0 ? `<p class="note">Not judged: ${escapeHtml(d.localization.passedOver.join("; "))}</p>` : "";
  const fd = d.fd !== undefined ? guarded("the FD sweep", () => `<figure>${fdPlot(`${anchor}-fd`, d.fd!, expectedSide)}<figcaption>Float64 finite differences along ${escapeHtml(d.direction)}. FD verdict on the backend's value: ${escapeHtml(d.fd!.verdicts.backend)}; on the ${escapeHtml(expectedSide)} value: ${escapeHtml(d.fd!.verdicts.oracle)}.</figcaption></figure>`) : "";
  const taylor = d.taylor !== undefined ? guarded("the Taylor plot", () => `<figure>${taylorPlot(`${anchor}-taylor`, d.taylor!, expectedSide)}<figcaption>A right gradient leaves a remainder that falls as h² (slope 2); a wrong one leaves h·|Δ| (slope 1). Below the noise floor remainders are rounding.</figcaption></figure>`) : "";
  const notes = d.notes.length > 0 ? `<p class="note">${escapeHtml(d.notes.join("; "))}</p>` : "";
  return `<section class="failure" id="${escapeHtml(anchor)}" aria-labelledby="${escapeHtml(anchor)}-h">
<h3 id="${escapeHtml(anchor)}-h"><span class="badge ${escapeHtml(o.status)}">${escapeHtml(o.status.toUpperCase())}</span> <code>${escapeHtml(o.id)}</code> <span class="file">${escapeHtml(o.file)}</span></h3>
${d.case.description ? `<p class="description">${escapeHtml(d.case.description)}</p>` : ""}
<details class="reason-full"><summary>Reason</summary><pre>${escapeHtml(o.reason ?? "")}</pre></details>
<h4>Worst element</h4>${worst}
<h4>Where the adjoint departs</h4><p class="where">${where}</p>${passed}
<div class="pictures">
<figure class="graph-figure">${guarded("the graph", () => graphSvg(d.case, `${anchor}-graph`, departs))}<figcaption>The graph, inputs at the left, the output (double border) at the right; <span class="swatch departs"></span> the unknown where the adjoint departs.</figcaption></figure>
</div>
<h4>The matrix (I − L)</h4>
<p class="note">Entries −L<sub>ij</sub> in the paper's notation (ℒ, ℛ, ℋ: left, right and Hadamard multiplication; Gᵀ•: ⟨G, ·⟩); tensors are named by the unknowns they come from, and a rule's derivative matrix as h′(arg) (the paper's Δ). Highlighted: the row of <code>${escapeHtml(departs)}</code>; outlined: the entries of its column, which its adjoint gathers (ȳ<sub>k</sub> is row k of (I − L)ᵀ•).</p>
<div class="matrix-wrap">${guarded("(I − L)", () => matrixTable(d.case, departs))}</div>
<h4>Evidence along v</h4>
<div class="pictures">${fd}${taylor}</div>${notes}
</section>`;
}
