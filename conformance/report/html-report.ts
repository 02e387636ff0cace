/**
 * The HTML report: one static page, a pure function of the report's lines (the same data as the
 * JSON-lines report) and optionally the bench's JSON. No network: no script, font or image is
 * loaded — inline CSS and inline SVG only, and a Content-Security-Policy that forbids any fetch.
 * Every string from a case, a backend or a file is escaped.
 *
 * The page: the summary (backend, seed, runs, counts, fault kinds), a table of every outcome with
 * failures first, a section per failing graph case that has a dossier (dossier-section.ts), and
 * the bench (bench-section.ts).
 *
 * @see spec/06-conformance.md#conform.html
 */
import type { Outcome } from "../run/outcome.js";
import { benchSection } from "./bench-section.js";
import { dossierSection } from "./dossier-section.js";
import { escapeHtml } from "./escape-html.js";
import type { HeaderLine, RecordLine, ReportLine } from "./report-lines.js";
import { STYLE } from "./report-style.js";

export interface HtmlReportOptions {
  /** The bench's JSON (bench/results.ts), already parsed. */
  readonly bench?: unknown;
  /** Problems met while reading the inputs, shown at the top (e.g. a bench file that did not parse). */
  readonly problems?: readonly string[];
}

/** Failures first: fail, error, skip, pass; file order within each. */
const RANK: Readonly<Record<Outcome["status"], number>> = { fail: 0, error: 1, skip: 2, pass: 3 };
/** Longer reasons are folded: the first part shown, the rest under "more". */
const SHORT = 360;

export function renderHtmlReport(lines: readonly ReportLine[], options: HtmlReportOptions = {}): string {
  const headers = lines.filter((l): l is HeaderLine => l.type === "header");
  const records = lines.filter((l): l is RecordLine => l.type === "record");
  const seconds = lines.reduce((s, l) => s + (l.type === "footer" && typeof l.seconds === "number" ? l.seconds : 0), 0);
  const count = (s: Outcome["status"]): number => records.filter((r) => r.status === s).length;
  const faults = new Map<string, number>();
  for (const r of records) if (r.fault !== undefined) faults.set(r.fault, (faults.get(r.fault) ?? 0) + 1);
  const backends = [...new Set(headers.map((h) => String(h.backend ?? "?")))];
  const seeds = [...new Set(headers.map((h) => String(h.seed ?? "?")))];
  const runs = [...new Set(headers.map((h) => String(h.runs ?? "?")))];
  const filters = [...new Set(headers.flatMap((h) => (h.filter !== undefined ? [h.filter] : [])))];
  const cases = [...new Set(headers.flatMap((h) => (Array.isArray(h.cases) ? h.cases.map(String) : [])))];
  const anchors = new Map<RecordLine, string>();
  records.filter((r) => r.dossier !== undefined && r.status !== "pass").forEach((r, i) => anchors.set(r, `failure-${i + 1}`));

  const summary = `<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<dl class="facts">
<dt>backend</dt><dd>${escapeHtml(backends.join(", ") || "?")}</dd>
<dt>seed</dt><dd>${escapeHtml(seeds.join(", ") || "?")}</dd>
<dt>runs per property</dt><dd>${escapeHtml(runs.join(", ") || "?")}</dd>
<dt>cases</dt><dd>${escapeHtml(cases.join(", ") || "?")}</dd>
${filters.length > 0 ? `<dt>filter</dt><dd>${escapeHtml(filters.join(", "))}</dd>` : ""}
${seconds > 0 ? `<dt>wall time</dt><dd>${escapeHtml(seconds.toFixed(1))} s</dd>` : ""}
</dl>
<p class="counts"><span class="count pass" id="count-passed">${count("pass")} passed</span> <span class="count fail" id="count-failed">${count("fail")} failed</span> <span class="count skip" id="count-skipped">${count("skip")} skipped</span> <span class="count error" id="count-errored">${count("error")} errored</span></p>
<p class="faults">${faults.size === 0 ? "No backend faults." : `Backend faults: ${[...faults].map(([k, n]) => `${n} ${escapeHtml(k)}`).join(", ")}.`}</p>
</section>`;

  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => RANK[a.r.status] - RANK[b.r.status] || a.i - b.i).map((x) => x.r);
  const rows = sorted.map((r) => {
    const anchor = anchors.get(r);
    const id = anchor !== undefined ? `<a href="#${anchor}">${escapeHtml(r.id)}</a>` : escapeHtml(r.id);
    return `<tr class="${escapeHtml(r.status)}"><td><code>${id}</code></td><td>${escapeHtml(r.file)}</td><td><span class="badge ${escapeHtml(r.status)}">${escapeHtml(r.status)}</span>${r.fault !== undefined ? ` <span class="fault">${escapeHtml(r.fault)}</span>` : ""}</td><td class="reason">${reason(r.reason)}</td></tr>`;
  });
  const table = `<section class="outcomes" aria-labelledby="outcomes-h"><h2 id="outcomes-h">Outcomes</h2>
<table class="outcomes-table"><thead><tr><th>id</th><th>file</th><th>status</th><th>reason</th></tr></thead><tbody>${rows.join("\n")}</tbody></table></section>`;

  const failures = [...anchors].map(([r, anchor]) => {
    try {
      return dossierSection(r, r.dossier as NonNullable<Outcome["dossier"]>, anchor);
    } catch (e) {
      return `<section class="failure" id="${anchor}"><h3><code>${escapeHtml(r.id)}</code></h3><p class="note">not drawn: ${escapeHtml(e instanceof Error ? e.message : String(e))}</p></section>`;
    }
  });
  const failurePart = failures.length > 0 ? `<h2 id="failures-h">Failing graph cases</h2>\n${failures.join("\n")}` : "";
  const problems = (options.problems ?? []).length > 0 ? `<section class="problems"><h2>Problems reading the inputs</h2><ul>${(options.problems ?? []).map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul></section>` : "";
  const bench = options.bench !== undefined ? benchSection(options.bench) : "";
  const title = `conform: ${count("pass")} passed, ${count("fail") + count("error")} failed, ${count("skip")} skipped — ${backends.join(", ")}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>backslash-ad conformance report</h1><p class="subtitle">Reverse mode as back substitution on (I − L)ᵀ• ȳ = g</p></header>
<main>
${problems}
${summary}
${table}
${failurePart}
${bench}
</main>
</body>
</html>
`;
}

function reason(text: string | undefined): string {
  if (text === undefined || text === "") return "";
  if (text.length <= SHORT) return `<span class="text">${escapeHtml(text)}</span>`;
  return `<span class="text">${escapeHtml(text.slice(0, SHORT))}…</span><details><summary>more</summary><span class="text">${escapeHtml(text)}</span></details>`;
}
