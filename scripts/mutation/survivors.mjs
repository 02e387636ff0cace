#!/usr/bin/env node
/**
 * `npm run mutation:survivors [-- reference|impl|<report.json>…]`: the score of the last `npm run mutation`
 * run and every mutant it did not detect (Survived, NoCoverage), one line each —
 * `file:line:column status mutator → replacement | source line` — read from
 * reports/mutation/<target>.json (Stryker's mutation-testing-report-schema JSON). The score counts
 * Killed and Timeout as detected over every judged mutant; Ignored ones (message text, disable
 * comments) are left out of it and counted apart.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["reference", "impl"];
let missing = false;
for (const target of targets) {
  const file = target.endsWith(".json") ? resolve(target) : join(root, "reports", "mutation", `${target}.json`);
  if (!existsSync(file)) {
    console.error(`survivors: no ${file} (run npm run mutation -- ${target} first)`);
    missing = true;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  const count = {};
  const lines = [];
  for (const [path, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const source = f.source.split("\n");
    for (const m of [...f.mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
      count[m.status] = (count[m.status] ?? 0) + 1;
      if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
      const { line, column } = m.location.start;
      lines.push(`${path}:${line}:${column} ${m.status} ${m.mutatorName} → ${JSON.stringify((m.replacement ?? "").slice(0, 60))} | ${(source[line - 1] ?? "").trim().slice(0, 100)}`);
    }
  }
  const n = (s) => count[s] ?? 0;
  const detected = n("Killed") + n("Timeout");
  const judged = detected + n("Survived") + n("NoCoverage");
  const pct = (a, b) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)} %`);
  console.log(`${target}: ${judged} judged — ${n("Killed")} killed, ${n("Timeout")} timeouts, ${n("Survived")} survived, ${n("NoCoverage")} no coverage → ${pct(detected, judged)}` +
    ` (timeouts as survivors ${pct(n("Killed"), judged)}); ${n("Ignored")} ignored (counted against: ${pct(detected, judged + n("Ignored"))})`);
  for (const l of lines) console.log(`  ${l}`);
}
process.exit(missing ? 1 : 0);
