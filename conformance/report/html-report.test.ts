// The HTML report as a pure function of the report's lines (spec: conform.html): what the page says,
// in which order, what it highlights, and that it loads nothing and escapes everything.
import { describe, expect, it } from "vitest";
import type { GraphCase } from "../../reference/index.js";
import { BROKEN } from "../properties/testing/broken-backends.js";
import { judge, type InProcessBackend } from "../run/judge.js";
import { renderHtmlReport } from "./html-report.js";
import { parseReportLines, type ReportLine } from "./report-lines.js";
import { sinTanhProduct } from "../run/sin-tanh-product.js";

const product = sinTanhProduct("html.product", "y = sin(x)·tanh(z) <b>bold?</b>");
const hostile = `evil"><script>alert(1)</script><img src=x onerror=alert(2)>`;

async function lines(): Promise<ReportLine[]> {
  const failed = await judge({ file: "cases/html.json", case: product }, BROKEN.tanhWrong as unknown as InProcessBackend, ["gradient"]);
  return [
    { type: "header", backend: "cmd:my <backend>", seed: 42, runs: 7, cases: ["cases"] },
    { type: "record", id: "a.pass", file: "cases/a.json", status: "pass" },
    { type: "record", id: hostile, file: "cases/b.json", status: "skip", reason: `reason ${hostile}` },
    { type: "record", ...failed },
    { type: "record", id: "c.error", file: "cases/c.json", status: "error", reason: "timeout: no reply in 10 ms", fault: "timeout" },
    { type: "footer", seconds: 1.5 },
  ];
}

describe("renderHtmlReport", () => {
  it("summarises: backend, seed, runs, and the counts of each status and fault kind", async () => {
    const html = renderHtmlReport(await lines());
    expect(html).toContain("cmd:my &lt;backend&gt;");
    expect(html).toMatch(/<dt>seed<\/dt><dd>42<\/dd>/);
    expect(html).toMatch(/<dt>runs per property<\/dt><dd>7<\/dd>/);
    expect(html).toContain(">1 passed<");
    expect(html).toContain(">1 failed<");
    expect(html).toContain(">1 skipped<");
    expect(html).toContain(">1 errored<");
    expect(html).toContain("Backend faults: 1 timeout.");
  });

  it("lists failures first: fail, error, skip, pass", async () => {
    const html = renderHtmlReport(await lines());
    const table = html.slice(html.indexOf('class="outcomes-table"'));
    const order = ["html.product", "c.error", "evil&quot;", "a.pass"].map((s) => table.indexOf(s));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("escapes ids, reasons and descriptions: no markup from the data survives", async () => {
    const html = renderHtmlReport(await lines());
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>bold?</b>");
    expect(html).toContain("evil&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;bold?&lt;/b&gt;");
  });

  it("loads nothing: no script, no src, no external link or url(), a CSP that forbids fetches", async () => {
    const html = renderHtmlReport(await lines(), { bench: { suites: { peers: { rows: [{ n: 32, contender: "impl", timing: { ms: 1 }, gflops: 1, vsImpl: 1 }] } } } });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\((?!#)/i);
    // Attributes that could fetch: none, and every href is a link within the page.
    expect(html).not.toMatch(/<[^>]*\s(src|srcset|data|action|xlink:href)=/i);
    expect(html.match(/<[^>]*\shref="[^"]*"/g)?.every((a) => /href="#/.test(a))).toBe(true);
    expect(html.match(/https?:\/\/[^"\s]*/g)?.every((u) => u === "http://www.w3.org/2000/svg")).toBe(true);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it("draws the failing case: graph, (I − L) with the departing row and gathered column, two plots", async () => {
    const html = renderHtmlReport(await lines());
    const section = html.slice(html.indexOf('<section class="failure" id="failure-1"'));
    expect(section).toContain("<code>html.product</code>");
    // No node departs (sin and mul agree), so the departure is in the edges into input z.
    expect(section).toMatch(/<g class="box input departs" role="group" aria-label="z: input — the adjoint departs here">/);
    expect(section.match(/class="box[^"]*departs/g)).toHaveLength(1);
    expect(section).toMatch(/<tr class="departs"[^>]*><th scope="row">z <span class="op">input<\/span><\/th>/);
    // Row t, column z: tanh's edge, −ℋ(tanh′(z)), the entry z's adjoint gathers.
    expect(section).toContain('<td class="entry gathered">−ℋ(tanh′(z))</td>');
    expect(section).toContain('<td class="entry">−ℋ(t)</td>'); // row y, column s: mul's ℋ(b)
    expect(section).toContain('id="failure-1-fd"');
    expect(section).toContain('id="failure-1-taylor"');
    expect(section).toContain(">remainder R(h)<");
    expect(section).toContain("slope 2 (right gradient)");
    expect(html).toContain('<a href="#failure-1">html.product</a>');
  });

  it("renders the bench: targets and a peers plot of time against n", () => {
    const bench = {
      meta: { date: "2026-01-01", node: "v20", cpus: 2, cpuModel: "cpu", cpuOverWall: 0.9 },
      targets: [{ target: "fast <enough>", measured: "1 ms", met: true }],
      suites: { peers: { rows: [{ n: 32, contender: "impl", timing: { ms: 0.05 }, gflops: 4, vsImpl: 1 }, { n: 64, contender: "impl", timing: { ms: 0.2 }, gflops: 7, vsImpl: 1 }] } },
    };
    const html = renderHtmlReport([{ type: "header", backend: "impl" }], { bench });
    expect(html).toContain("fast &lt;enough&gt;");
    expect(html).toContain(">met<");
    expect(html).toContain('id="bench-peers"');
    expect(html).toContain(">time per call (ms)<");
  });

  it("reads a report's lines back, skipping and naming what is not a report line", () => {
    const { lines: read, problems } = parseReportLines(`{"type":"header","backend":"impl"}\nnot json\n{"type":"record","id":"a","file":"","status":"pass"}\n{"type":"record","id":"b"}\n`);
    expect(read.map((l) => l.type)).toEqual(["header", "record"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 2: not JSON/);
    expect(problems[1]).toBe("line 4: not a header, record or footer");
  });
});
