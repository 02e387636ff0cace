#!/usr/bin/env node
/**
 * `npm run mutation [-- reference|impl] [--files <glob>]… [--concurrency <n>]`: StrykerJS on
 * reference/ and impl/ (both, one after the other, unless one is named), with the conformance
 * suite as the test runner: scripts/mutation/conformance-suite.mutation.ts runs conform's corpus,
 * its properties (quick profile, default seed) and the invalid corpus against the mutated tree
 * through Stryker's vitest runner, each mutant judged by the tests that reach it.
 * Configs: scripts/mutation/stryker.<target>.conf.mjs (shared options in stryker-config.mjs).
 * Reports: reports/mutation/<target>.html and .json. About 1½ hours for both trees on two
 * cores: not part of `npm test` or .ci/run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HELP = `usage: npm run mutation -- [reference|impl]… [--files <glob>]… [--concurrency <n>]
  reference, impl    which tree to mutate (default: both, reference first)
  --files <glob>     only mutate these files (repeatable; comma-separated also works), e.g.
                     --files reference/solve.ts --files 'reference/operator-*.ts';
                     a glob outside the target's tree leaves that target with nothing to do
  --concurrency <n>  Stryker workers (default: Stryker's, one less than the cores)
  --force            test every mutant again (runs are incremental: only mutants whose code
                     or covering tests changed since reports/mutation/<target>.incremental.json)
  --help             this text`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { files: { type: "string", multiple: true }, concurrency: { type: "string" }, force: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
} catch (e) {
  console.error(`mutation: ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const TARGETS = ["reference", "impl"];
const bad = positionals.filter((p) => !TARGETS.includes(p));
if (bad.length > 0 || (values.concurrency !== undefined && !/^[1-9][0-9]*$/.test(values.concurrency))) {
  console.error(`mutation: targets are reference and impl; --concurrency a positive whole number\n\n${HELP}`);
  process.exit(2);
}
const targets = positionals.length > 0 ? TARGETS.filter((t) => positionals.includes(t)) : TARGETS;
const files = (values.files ?? []).flatMap((f) => f.split(",")).map((f) => f.trim()).filter((f) => f !== "");

// The corpus as the unmutated loader gives it, loaded once for every mutant of both targets
// (conformance-suite.mutation.ts reads it through MUTATION_CORPUS; see write-corpus.ts).
const corpus = join(mkdtempSync(join(tmpdir(), "backslash-ad-mutation-")), "corpus.v8");
const written = spawnSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join("scripts", "mutation", "write-corpus.ts"), corpus], { cwd: root, stdio: "inherit" });
if (written.status !== 0) {
  console.error("mutation: could not load conformance/cases (see above)");
  process.exit(1);
}
process.on("exit", () => rmSync(dirname(corpus), { recursive: true, force: true }));

let status = 0;
for (const target of targets) {
  const mine = files.filter((f) => f.replace(/^\.\//, "").startsWith(`${target}/`));
  if (files.length > 0 && mine.length === 0) {
    console.log(`mutation: ${target}: no --files under ${target}/, skipped`);
    continue;
  }
  const args = [join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js"), "run", join("scripts", "mutation", `stryker.${target}.conf.mjs`)];
  if (mine.length > 0) args.push("--mutate", mine.join(","));
  if (values.concurrency !== undefined) args.push("--concurrency", values.concurrency);
  // --force starts over: without the last run's incremental file, whose results for files no
  // longer mutated (e.g. one newly excluded in the config) Stryker would otherwise carry over.
  if (values.force) rmSync(join(root, "reports", "mutation", `${target}.incremental.json`), { force: true });
  console.log(`mutation: ${target}: stryker ${args.slice(1).join(" ")}`);
  const r = await run(args);
  // Stopped by a signal (Ctrl-C, kill): stop here rather than start the next target.
  if (r.signal !== null) {
    console.error(`mutation: ${target}: stryker stopped by ${r.signal}`);
    process.exit(1);
  }
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);

/**
 * Runs Stryker and waits for it; a SIGINT or SIGTERM sent to this script is passed on, so
 * stopping `npm run mutation` stops Stryker and its workers instead of orphaning them.
 * @param {string[]} args
 * @returns {Promise<{ status: number | null, signal: NodeJS.Signals | null }>}
 */
function run(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, MUTATION_CORPUS: corpus } });
    const forward = (/** @type {NodeJS.Signals} */ s) => child.kill(s);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.on("exit", (status, signal) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      done({ status, signal });
    });
  });
}
