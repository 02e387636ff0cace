/**
 * The graph of a failing case as inline SVG, from its layered layout (graph-layout.ts): a labelled
 * box per unknown (id, and the primitive or "input"/"constant"), an arrow per argument from the
 * argument to its node, the output's box drawn double, and the unknown where the adjoint departs
 * highlighted (class "departs", a red fill and border, and said in its accessible name).
 *
 * @see spec/06-conformance.md#conform.html
 */
import type { GraphCase } from "../../reference/case.js";
import { escapeHtml } from "./escape-html.js";
import { layoutGraph, type LayoutBox } from "./graph-layout.js";

/** Labels longer than a box holds are cut with "…"; the full text is in the box's tooltip. */
function fit(text: string, width: number): string {
  const max = Math.max(3, Math.floor((width - 12) / 7.5));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function graphSvg(c: GraphCase, id: string, departs: string | undefined): string {
  const layout = layoutGraph(c);
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  const marker = `${id}-arrow`;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="graph" id="${escapeHtml(id)}" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="the case's graph, inputs at the left, the output at the right">`);
  parts.push(`<defs><marker id="${escapeHtml(marker)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`);
  for (const e of layout.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (a === undefined || b === undefined) continue;
    const [x1, y1, x2, y2] = [a.x + a.w, a.y + a.h / 2, b.x, b.y + b.h / 2];
    const bend = Math.max(20, (x2 - x1) / 2);
    parts.push(`<path class="edge" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" marker-end="url(#${escapeHtml(marker)})"><title>${escapeHtml(`${e.from} → ${e.to}`)}</title></path>`);
  }
  for (const b of layout.boxes) parts.push(box(b, b.id === departs));
  parts.push("</svg>");
  return parts.join("");
}

function box(b: LayoutBox, departs: boolean): string {
  const cls = ["box", b.kind, ...(b.output ? ["output"] : []), ...(departs ? ["departs"] : [])].join(" ");
  const what = `${b.id}: ${b.op}${b.output ? " (output)" : ""}${departs ? " — the adjoint departs here" : ""}`;
  const outline = b.output ? `<rect class="outline" x="${b.x - 3}" y="${b.y - 3}" width="${b.w + 6}" height="${b.h + 6}" rx="8"/>` : "";
  return (
    `<g class="${cls}" role="group" aria-label="${escapeHtml(what)}">` +
    `<title>${escapeHtml(what)}</title>${outline}` +
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6"/>` +
    `<text class="box-id" x="${b.x + b.w / 2}" y="${b.y + 16}" text-anchor="middle">${escapeHtml(fit(b.id, b.w))}</text>` +
    `<text class="box-op" x="${b.x + b.w / 2}" y="${b.y + 32}" text-anchor="middle">${escapeHtml(fit(b.op, b.w))}</text>` +
    `</g>`
  );
}
