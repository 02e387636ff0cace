/**
 * The HTML report's stylesheet, inlined into the page (no external file: the page loads nothing).
 * System fonts only. The departing unknown is red everywhere: its box in the graph, its row in
 * (I − L); the backend is red and the expected side blue in every plot.
 *
 * @see spec/06-conformance.md#conform.html
 */
export const STYLE = `
:root { --fail: #c62828; --fail-bg: #fde2e1; --pass: #2e7d32; --skip: #8d6e00; --error: #6a1b9a; --line: #d0d0d0; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1d; margin: 0; background: #fafafa; }
header { background: #263238; color: #fff; padding: 12px 24px; }
header h1 { margin: 0; font-size: 20px; }
.subtitle { margin: 2px 0 0; opacity: 0.8; }
main { padding: 8px 24px 48px; max-width: 1400px; }
h2 { border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.counts { font-size: 17px; }
.count { display: inline-block; padding: 2px 10px; border-radius: 12px; margin-right: 6px; font-weight: 600; }
.count.pass { background: #e3f3e4; color: var(--pass); }
.count.fail { background: var(--fail-bg); color: var(--fail); }
.count.skip { background: #fff4cc; color: var(--skip); }
.count.error { background: #f0e3f5; color: var(--error); }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 700; color: #fff; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.skip { background: var(--skip); } .badge.error { background: var(--error); }
.fault { font-size: 12px; color: var(--error); }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: 3px 8px; vertical-align: top; text-align: left; }
.outcomes-table { width: 100%; }
.outcomes-table td.reason .text { white-space: pre-wrap; word-break: break-word; }
.outcomes-table tr.fail td:first-child, .outcomes-table tr.error td:first-child { border-left: 4px solid var(--fail); }
.num { font-variant-numeric: tabular-nums; text-align: right; }
.sub { color: #666; font-size: 12px; }
.failure { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 4px; padding: 4px 18px 16px; margin: 18px 0; }
.failure h3 { font-size: 17px; }
.file { color: #666; font-weight: normal; font-size: 13px; }
.description { color: #444; font-style: italic; }
.reason-full pre { white-space: pre-wrap; word-break: break-word; background: #f5f5f5; padding: 8px; }
.note { color: #555; font-size: 13px; }
.pictures { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-size: 12px; color: #555; max-width: 620px; }
svg text { font: 12px system-ui, sans-serif; fill: #222; }
svg .plot-title { font-weight: 600; font-size: 13px; }
svg .axis-label { font-size: 13px; font-weight: 600; }
svg .frame { fill: #fff; stroke: #888; }
svg .grid { stroke: #eee; }
svg .tick { stroke: #888; }
svg .series { stroke-width: 2; }
svg .plot-note, svg .no-data { fill: #777; }
svg .legend-entry text { font-size: 11px; }
svg.graph .edge { stroke: #555; stroke-width: 1.4; fill: none; }
svg.graph .box rect { fill: #fff; stroke: #455a64; stroke-width: 1.5; }
svg.graph .box.input rect { fill: #e3f2fd; }
svg.graph .box.constant rect { fill: #eceff1; }
svg.graph .box .outline { fill: none; stroke: #455a64; }
svg.graph .box.departs rect { fill: var(--fail-bg); stroke: var(--fail); stroke-width: 3; }
svg.graph .box-id { font-weight: 700; }
svg.graph .box-op { fill: #555; }
.swatch.departs { display: inline-block; width: 12px; height: 12px; background: var(--fail-bg); border: 2px solid var(--fail); vertical-align: middle; }
.matrix-wrap { overflow-x: auto; }
table.matrix td, table.matrix th { white-space: nowrap; text-align: center; font-family: "DejaVu Serif", "STIX Two Math", serif; padding: 2px 6px; }
table.matrix th .op { color: #777; font-size: 11px; font-family: system-ui, sans-serif; }
table.matrix td.zero { color: #bbb; }
table.matrix td.diag { color: #555; }
table.matrix tr.departs th, table.matrix tr.departs td { background: var(--fail-bg); }
table.matrix tr.departs th { color: var(--fail); }
table.matrix th.departs-col { color: var(--fail); }
table.matrix td.gathered { outline: 2px solid var(--fail); outline-offset: -2px; font-weight: 700; }
table.worst th { font-weight: 600; background: #f7f7f7; }
.bench-table td, .bench-table th { white-space: nowrap; }
.bench-table.targets td { white-space: normal; max-width: 760px; }
.bench-table td.pass { color: var(--pass); font-weight: 600; } .bench-table td.fail { color: var(--fail); font-weight: 600; } .bench-table td.skip { color: #777; }
.problems { background: #fff4cc; padding: 4px 16px; }
`;
