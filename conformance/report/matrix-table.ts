/**
 * The (I − L) matrix of a failing case as an HTML table (system-matrix.ts gives the entries): a
 * row and a column per unknown, the row of the unknown k where the adjoint departs highlighted,
 * and in column k the entries its adjoint gathers — back substitution computes ȳ_k from row k of
 * (I − L)ᵀ•, which is column k here: −L_ikᵀ• for each consumer i. Those cells hold the suspect
 * edges, so they are marked too.
 *
 * @see spec/04-system.md#system.reverse
 * @see spec/06-conformance.md#conform.html
 */
import type { GraphCase } from "../../reference/case.js";
import { escapeHtml } from "./escape-html.js";
import { systemTable } from "./system-matrix.js";

/** Unknowns beyond which the table is not drawn (it would be unreadable). */
export const MAX_TABLE_UNKNOWNS = 40;

export function matrixTable(c: GraphCase, departs: string | undefined): string {
  let t;
  try {
    t = systemTable(c);
  } catch (e) {
    return `<p class="note">(I − L) not drawn: the reference could not linearize the case (${escapeHtml(e instanceof Error ? e.message : String(e))}).</p>`;
  }
  if (t.ids.length > MAX_TABLE_UNKNOWNS) return `<p class="note">(I − L) not drawn: ${t.ids.length} unknowns, more than ${MAX_TABLE_UNKNOWNS}.</p>`;
  const k = departs === undefined ? -1 : t.ids.indexOf(departs);
  const head = t.ids.map((id, j) => `<th scope="col"${j === k ? ' class="departs-col"' : ""}>${escapeHtml(id)}</th>`).join("");
  const rows = t.entries.map((row, i) => {
    const cells = row.map((e, j) => {
      const cls = [i === j ? "diag" : e === "" ? "zero" : "entry", ...(j === k && i !== k && e !== "" ? ["gathered"] : [])].join(" ");
      return `<td class="${cls}">${escapeHtml(e)}</td>`;
    });
    const label = `<th scope="row">${escapeHtml(t.ids[i] ?? "")} <span class="op">${escapeHtml(t.ops[i] ?? "")}</span></th>`;
    return `<tr${i === k ? ' class="departs" aria-label="the adjoint departs at this unknown"' : ""}>${label}${cells.join("")}</tr>`;
  });
  return `<table class="matrix" aria-label="the matrix I − L"><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
