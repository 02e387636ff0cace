/**
 * `npm run selftest`: the whole broken-backend catalog (conformance/properties/testing/catalog.ts)
 * against the default run — `npm run conform` with the default profile and time limit, exactly as a
 * user runs it — plus the reference as a control. Prints one row per backend: the bug kind, the
 * first outcome that caught it and the first property, its status, the exit status, the size of
 * the first graph counterexample; then the median size over the graph-level entries. Exits 1 if a
 * broken backend escapes (exit status 0) or is judged other than the catalog claims, or if the
 * control does not pass. Runs two backends at a time (two cores).
 *
 * Usage: npm run selftest [-- name …]   (names from the catalog; default: all)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOG, type CatalogEntry } from "../conformance/properties/testing/catalog.js";
import { checkEntry } from "../conformance/properties/testing/check-entry.js";
import type { Outcome } from "../conformance/run/outcome.js";

type ReportRecord = Outcome & { readonly type: string };

interface Row {
  readonly entry: CatalogEntry;
  readonly exit: number | null;
  readonly records: readonly ReportRecord[];
  readonly seconds: number;
}

const CONTROL: CatalogEntry = { name: "(reference)", bug: "none: the control", level: "process", impl: "reference", env: {}, status: "fail", caughtBy: [] };

/** One default run of `entry` (no shell; case data only ever travels to the backend on stdin). */
function conform(entry: CatalogEntry): Promise<Row> {
  const report = join(mkdtempSync(join(tmpdir(), "selftest-")), "report.jsonl");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--impl", entry.impl, "--report", report], { env: { ...process.env, ...entry.env }, stdio: "ignore" });
  return new Promise((resolve) =>
    child.on("close", (exit) => {
      let records: ReportRecord[] = [];
      try {
        records = readFileSync(report, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as ReportRecord).filter((r) => r.type === "record");
      } catch {
        // no report: the row shows no outcomes, and the exit status says what happened
      }
      resolve({ entry, exit, records, seconds: (performance.now() - started) / 1000 });
    }),
  );
}

/** Runs `f` on every item, `width` at a time, keeping the order of the results. */
async function pool<T, R>(items: readonly T[], width: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const k = next++;
      results[k] = await f(items[k] as T);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const bad = (o: Outcome): boolean => o.status === "fail" || o.status === "error";

/** Nodes of a failed graph property's counterexample (stored, or printed in the reason when it has a tangent). */
function nodesOf(o: Outcome | undefined): number | undefined {
  const stored = o?.counterexample;
  const text = /\n\s+counterexample: (.*)/.exec(o?.reason ?? "")?.[1];
  const c = (stored ?? (text !== undefined ? JSON.parse(text) : undefined)) as { kind?: string; graph?: { nodes: unknown[] } } | undefined;
  return c?.kind === "graph" ? c.graph?.nodes.length : undefined;
}

/** The node count for the table; an erring case is the first one, never shrunk, and says so. */
const nodes = (o: Outcome | undefined): string => {
  const n = nodesOf(o);
  return n === undefined ? "—" : o?.status === "fail" ? String(n) : `${n} (unshrunk)`;
};

const GRAPH_PROPERTIES = ["property.graph-gradient", "property.kink-convention", "property.forward-reverse"];

function verdict(row: Row): { ok: boolean; text: string } {
  if (row.entry === CONTROL) return row.exit === 0 ? { ok: true, text: "passes" } : { ok: false, text: `CONTROL FAILED (exit ${row.exit})` };
  if (row.exit !== 1) return { ok: false, text: `ESCAPED (exit ${row.exit})` };
  const problems = checkEntry(row.entry, row.records);
  return problems.length === 0 ? { ok: true, text: "caught" } : { ok: false, text: `MISJUDGED: ${problems.join("; ")}` };
}

const names = process.argv.slice(2);
const entries = names.length === 0 ? CATALOG : CATALOG.filter((e) => names.includes(e.name));
const started = performance.now();
const rows = await pool([CONTROL, ...entries], 2, async (e) => {
  const row = await conform(e);
  console.error(`selftest: ${e.name} done in ${row.seconds.toFixed(0)} s (exit ${row.exit})`);
  return row;
});

const table = rows.map((row) => {
  const first = row.records.find(bad);
  const property = row.records.find((o) => bad(o) && o.id.startsWith("property."));
  const graph = row.records.find((o) => bad(o) && GRAPH_PROPERTIES.includes(o.id));
  const v = verdict(row);
  return { row, v, nodes: nodesOf(graph), cells: [row.entry.name, row.entry.bug, first?.id ?? "—", property?.id.replace(/^property\./, "") ?? "—", first !== undefined ? `${first.status}${first.fault !== undefined ? ` (${first.fault})` : ""}` : "—", String(row.exit), nodes(graph), `${row.seconds.toFixed(0)} s`, v.text] };
});
const header = ["backend", "bug kind", "caught first by", "first property", "status", "exit", "nodes", "time", "verdict"];
const widths = header.map((h, k) => Math.max(h.length, ...table.map((t) => (t.cells[k] as string).length)));
const line = (cells: readonly string[]): string => `| ${cells.map((c, k) => c.padEnd(widths[k] as number)).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const t of table) console.log(line(t.cells));

const sizes = table.filter((t) => t.row.entry.level === "graph" && t.nodes !== undefined).map((t) => t.nodes as number).sort((a, b) => a - b);
const median = sizes.length === 0 ? undefined : sizes.length % 2 === 1 ? sizes[(sizes.length - 1) / 2] : ((sizes[sizes.length / 2 - 1] as number) + (sizes[sizes.length / 2] as number)) / 2;
const escaped = table.filter((t) => !t.v.ok);
console.log(`\ngraph-level counterexamples: ${sizes.length} of ${entries.filter((e) => e.level === "graph").length}, sizes ${sizes.join(", ")}; median ${median ?? "—"} nodes (issue 4: ≤ 4)`);
console.log(`selftest: ${entries.length} broken backends, ${table.length - 1 - escaped.filter((t) => t.row.entry !== CONTROL).length} caught as claimed, ${escaped.length} problem(s); ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = escaped.length > 0 || (median !== undefined && median > 4) ? 1 : 0;
