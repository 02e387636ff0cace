/**
 * The bench's JSON (bench/results.ts, e.g. bench/results/latest.json) in the HTML report: the run's
 * machine, the targets judged, the peers' table with a log-log plot of time against n per
 * contender, and the scaling table with ns/node against the node count per family. Suites the run
 * left out are left out here; anything that is not the expected shape is skipped, never thrown on.
 *
 * @see spec/06-conformance.md#conform.html
 */
import type { BenchResults, PeerRow, ScalingRow, TargetResult } from "../../bench/results.js";
import { escapeHtml } from "./escape-html.js";
import { logLogPlot, type PlotSeries } from "./log-log-plot.js";

const COLORS = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037"];
const list = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
const num = (x: unknown): number => (typeof x === "number" ? x : NaN);
const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toPrecision(digits) : "—");

export function benchSection(json: unknown): string {
  const b = (typeof json === "object" && json !== null ? json : {}) as Partial<BenchResults>;
  const meta = b.meta;
  const parts: string[] = [`<section class="bench" id="bench" aria-labelledby="bench-h"><h2 id="bench-h">Bench</h2>`];
  if (meta !== undefined) {
    parts.push(`<p>${escapeHtml(`${String(meta.date)} · Node ${String(meta.node)} · ${String(meta.cpus)} × ${String(meta.cpuModel)} · CPU/wall ${fmt(num(meta.cpuOverWall), 2)} (well below 1 would mean a busy machine and inflated times)`)}</p>`);
  }
  const targets = list<TargetResult>(b.targets);
  if (targets.length > 0) {
    const rows = targets.map((t) => `<tr><td>${escapeHtml(String(t.target))}</td><td>${escapeHtml(String(t.measured))}</td><td class="${t.met === true ? "pass" : t.met === false ? "fail" : "skip"}">${t.met === true ? "met" : t.met === false ? "not met" : "not measured"}</td></tr>`);
    parts.push(`<h3>Targets</h3><table class="bench-table targets"><thead><tr><th>target</th><th>measured</th><th>verdict</th></tr></thead><tbody>${rows.join("")}</tbody></table>`);
  }
  const peers = list<PeerRow>(b.suites?.peers?.rows);
  if (peers.length > 0) parts.push(peersPart(peers));
  const scaling = list<ScalingRow>(b.suites?.scaling);
  if (scaling.length > 0) parts.push(scalingPart(scaling));
  const errors = list<{ suite?: string; what?: string; message?: string }>(b.errors);
  if (errors.length > 0) parts.push(`<h3>Errors</h3><ul>${errors.map((e) => `<li>${escapeHtml(JSON.stringify(e))}</li>`).join("")}</ul>`);
  if (parts.length === 1) parts.push(`<p class="note">The bench JSON holds nothing this report knows how to show.</p>`);
  parts.push("</section>");
  return parts.join("\n");
}

function peersPart(rows: readonly PeerRow[]): string {
  const ns = [...new Set(rows.map((r) => num(r.n)))].sort((a, b) => a - b);
  const contenders = [...new Set(rows.map((r) => String(r.contender)))];
  const cell = (n: number, c: string): string => {
    const r = rows.find((q) => q.n === n && q.contender === c);
    return r === undefined ? "<td>—</td>" : `<td class="num">${escapeHtml(fmt(num(r.timing?.ms)))} ms<br><span class="sub">${escapeHtml(fmt(num(r.gflops)))} GFLOP/s · ${escapeHtml(fmt(num(r.vsImpl)))}× impl</span></td>`;
  };
  const table = `<table class="bench-table"><thead><tr><th>n</th>${contenders.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>${ns.map((n) => `<tr><th scope="row">${n}</th>${contenders.map((c) => cell(n, c)).join("")}</tr>`).join("")}</tbody></table>`;
  const series: PlotSeries[] = contenders.map((c, i) => ({
    label: c,
    color: COLORS[i % COLORS.length] as string,
    points: rows.filter((r) => r.contender === c).map((r) => [num(r.n), num(r.timing?.ms)] as const).sort((p, q) => p[0] - q[0]),
  }));
  const plot = logLogPlot({ id: "bench-peers", title: "Peers: ∇⟨tanh(AB), C⟩, median time per call against n", xLabel: "n (matrices n × n)", yLabel: "time per call (ms)", series });
  return `<h3>Peers</h3>${table}<figure>${plot}</figure>`;
}

function scalingPart(rows: readonly ScalingRow[]): string {
  const families = [...new Set(rows.map((r) => String(r.family)))];
  const table = `<table class="bench-table"><thead><tr><th>family</th><th>nodes</th><th>forward + gradient</th><th>ns/node</th><th>vs smallest</th><th>plan bytes/node</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td>${escapeHtml(String(r.family))}</td><td class="num">${escapeHtml(String(r.nodes))}</td><td class="num">${escapeHtml(fmt(num(r.totalMs)))} ms</td><td class="num">${escapeHtml(fmt(num(r.nsPerNode)))}</td><td class="num">${escapeHtml(fmt(num(r.vsSmallest?.median)))}</td><td class="num">${escapeHtml(fmt(num(r.planBytesPerNode)))}</td></tr>`)
    .join("")}</tbody></table>`;
  const series: PlotSeries[] = families.map((f, i) => ({
    label: f,
    color: COLORS[i % COLORS.length] as string,
    points: rows.filter((r) => r.family === f).map((r) => [num(r.nodes), num(r.nsPerNode)] as const).sort((p, q) => p[0] - q[0]),
  }));
  const plot = logLogPlot({ id: "bench-scaling", title: "Scaling: ns per node against the node count", xLabel: "nodes", yLabel: "ns per node (forward + gradient)", series });
  return `<h3>Scaling</h3>${table}<figure>${plot}</figure>`;
}
