/**
 * A log-log line plot as inline SVG: series of points, straight guide lines of a given slope (a
 * power law is a straight line on log-log axes), both axes labelled with ticks at powers of ten,
 * and a legend. Points that cannot sit on a log axis (zero, negative, non-finite) are left out
 * and break their line; how many were left out is said under the plot.
 *
 * Conventions: `x`, `y` are data values; `px`, `py` pixels; guides do not widen the axes (they are
 * drawn over the data's range and clipped to the plot area).
 *
 * @see spec/06-conformance.md#conform.html
 */
import { escapeHtml } from "./escape-html.js";
import { logAxis, powerOfTenLabel } from "./log-axis.js";

export interface PlotSeries {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  /** SVG stroke-dasharray, e.g. "6 3" (default: solid). */
  readonly dash?: string;
}

/** A line y = y₀·(x/x₀)^slope through `through` = (x₀, y₀). */
export interface PlotGuide {
  readonly label: string;
  readonly color: string;
  readonly slope: number;
  readonly through: readonly [number, number];
}

export interface LogLogPlot {
  /** Unique within the page: prefixes the SVG's element ids. */
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly PlotSeries[];
  readonly guides?: readonly PlotGuide[];
}

const W = 620;
const H = 380;
const LEFT = 78;
const RIGHT = 392;
const TOP = 34;
const BOTTOM = 320;
const PAD = 8;

const usable = ([x, y]: readonly [number, number]): boolean => x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y);
const f = (n: number): string => (Math.round(n * 10) / 10).toString();

export function logLogPlot(p: LogLogPlot): string {
  const points = p.series.flatMap((s) => s.points.filter(usable));
  const left = p.series.reduce((n, s) => n + s.points.filter((q) => !usable(q)).length, 0);
  // Inset from the frame, so points on a whole decade do not sit on its edge.
  const xa = logAxis(points.map(([x]) => x), LEFT + PAD, RIGHT - PAD);
  const ya = logAxis(points.map(([, y]) => y), BOTTOM - PAD, TOP + PAD);
  const clip = `${p.id}-clip`;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="plot" id="${escapeHtml(p.id)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${escapeHtml(p.id)}-title">`);
  parts.push(`<title id="${escapeHtml(p.id)}-title">${escapeHtml(p.title)}</title>`);
  parts.push(`<defs><clipPath id="${escapeHtml(clip)}"><rect x="${LEFT}" y="${TOP}" width="${RIGHT - LEFT}" height="${BOTTOM - TOP}"/></clipPath></defs>`);
  parts.push(`<text class="plot-title" x="${LEFT}" y="20">${escapeHtml(p.title)}</text>`);
  parts.push(`<rect class="frame" x="${LEFT}" y="${TOP}" width="${RIGHT - LEFT}" height="${BOTTOM - TOP}"/>`);
  for (const t of xa.ticks) {
    const px = f(xa.toPixel(t));
    parts.push(`<line class="grid" x1="${px}" y1="${TOP}" x2="${px}" y2="${BOTTOM}"/><line class="tick" x1="${px}" y1="${BOTTOM}" x2="${px}" y2="${BOTTOM + 5}"/>`);
    parts.push(`<text class="tick-label" x="${px}" y="${BOTTOM + 18}" text-anchor="middle">${powerOfTenLabel(t)}</text>`);
  }
  for (const t of ya.ticks) {
    const py = f(ya.toPixel(t));
    parts.push(`<line class="grid" x1="${LEFT}" y1="${py}" x2="${RIGHT}" y2="${py}"/><line class="tick" x1="${LEFT - 5}" y1="${py}" x2="${LEFT}" y2="${py}"/>`);
    parts.push(`<text class="tick-label" x="${LEFT - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${powerOfTenLabel(t)}</text>`);
  }
  parts.push(`<text class="axis-label" x="${(LEFT + RIGHT) / 2}" y="${BOTTOM + 38}" text-anchor="middle">${escapeHtml(p.xLabel)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(18 ${(TOP + BOTTOM) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(p.yLabel)}</text>`);

  const plotted: string[] = [];
  for (const g of p.guides ?? []) {
    const [x0, y0] = g.through;
    if (!usable([x0, y0])) continue;
    const at = (x: number): string => `${f(xa.toPixel(x))},${f(ya.toPixel(y0 * (x / x0) ** g.slope))}`;
    plotted.push(`<polyline class="guide" clip-path="url(#${escapeHtml(clip)})" points="${at(xa.min)} ${at(xa.max)}" stroke="${g.color}" stroke-dasharray="2 4" fill="none"/>`);
  }
  for (const s of p.series) {
    for (const run of runs(s.points)) {
      const pts = run.map(([x, y]) => `${f(xa.toPixel(x))},${f(ya.toPixel(y))}`);
      plotted.push(`<polyline class="series" points="${pts.join(" ")}" stroke="${s.color}" fill="none"${s.dash !== undefined ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
      plotted.push(...run.map(([x, y]) => `<circle cx="${f(xa.toPixel(x))}" cy="${f(ya.toPixel(y))}" r="2.5" fill="${s.color}"/>`));
    }
  }
  parts.push(`<g clip-path="url(#${escapeHtml(clip)})">${plotted.join("")}</g>`);

  const legend = [...p.series.map((s) => ({ label: s.label, color: s.color, dash: s.dash ?? "" })), ...(p.guides ?? []).map((g) => ({ label: g.label, color: g.color, dash: "2 4" }))];
  legend.forEach((e, i) => {
    const y = TOP + 12 + i * 22;
    parts.push(`<g class="legend-entry"><line x1="${RIGHT + 16}" y1="${y}" x2="${RIGHT + 44}" y2="${y}" stroke="${e.color}" stroke-width="2"${e.dash !== "" ? ` stroke-dasharray="${e.dash}"` : ""}/><text x="${RIGHT + 50}" y="${y}" dominant-baseline="middle">${escapeHtml(e.label)}</text></g>`);
  });
  if (points.length === 0) parts.push(`<text class="no-data" x="${(LEFT + RIGHT) / 2}" y="${(TOP + BOTTOM) / 2}" text-anchor="middle">no positive finite values to plot</text>`);
  if (left > 0) parts.push(`<text class="plot-note" x="${LEFT}" y="${H - 6}">${left} point(s) not drawn: zero, negative or not finite</text>`);
  parts.push("</svg>");
  return parts.join("");
}

/** Consecutive usable points: a point that cannot be drawn breaks the line. */
function runs(points: readonly (readonly [number, number])[]): (readonly [number, number])[][] {
  const out: (readonly [number, number])[][] = [[]];
  for (const q of points) {
    if (usable(q)) out[out.length - 1]?.push(q);
    else if ((out[out.length - 1]?.length ?? 0) > 0) out.push([]);
  }
  return out.filter((r) => r.length > 0);
}
