/**
 * `npm run bench [-- --quick] [-- --only ratio,peers]`: runs the benchmarks, prints the tables
 * and writes the JSON (default bench/results/latest.json, not committed). Progress goes to
 * stderr, the report to stdout. Exits 0 whether or not targets are met (a benchmark reports; it
 * does not gate); exits 1 when a measurement threw (listed under ERRORS) or a peer's gradient
 * check failed, 2 on bad options.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "./options.js";
import { report } from "./report.js";
import { runBench } from "./run.js";

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
const results = await runBench(options, (line) => process.stderr.write(`${line}\n`));
process.stdout.write(report(results) + "\n");
if (options.out !== undefined) {
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify(results, null, 1) + "\n");
  process.stderr.write(`results written to ${options.out}\n`);
}
if (results.errors.length > 0) {
  process.stderr.write(`${results.errors.length} measurement(s) failed: ${results.errors.map((e) => `${e.suite} ${e.item}`).join(", ")}\n`);
  process.exitCode = 1;
}
const failed = results.suites.peers?.checks.filter((c) => !c.ok) ?? [];
if (failed.length > 0) {
  process.stderr.write(`gradient check failed: ${failed.map((c) => `${c.peer} at n=${c.n}`).join(", ")}\n`);
  process.exitCode = 1;
}
