/**
 * `npm run conform -- [flags]`: run the conformance corpus against a backend and print a verdict.
 * The last line is `conform: N passed, N failed, N skipped`; the exit status is 0 only when
 * nothing failed or errored (a crash, timeout or protocol fault is an error), 2 for bad flags.
 *
 * @see spec/06-conformance.md#conform.outcome
 * @see spec/08-backends.md#backend.select
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_HELLO_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, loadBackend, type Backend } from "./backends/index.js";
import { defaultExpectations } from "./backends/named-peers.js";
import { expected, readExpectations, staleEntries, type Expectations } from "./run/expectations.js";
import { JsonlReport } from "./run/jsonl-report.js";
import { writeJunit } from "./run/junit-report.js";
import { mergeMain } from "./run/merge-cli.js";
import { reportCommand } from "./report/report-command.js";
import { writeHtmlReport } from "./report/write-html-report.js";
import { printReport } from "./run/print-report.js";
import { ProgressLine } from "./run/progress-line.js";
import { inShard, parseShard, propertyPlan } from "./run/shard.js";
import { PROFILES, runProperties, type Profile } from "./run/run-properties.js";
import { runPropertiesInPool } from "./run/run-properties-in-pool.js";
import { globMatcher, hasTag, runSuite, unresponsive } from "./run/run-suite.js";
import { PROPERTIES } from "./properties/index.js";
import type { Outcome } from "./run/outcome.js";

const HELP = `usage: npm run conform -- [options]
       npm run conform -- merge <report.jsonl>… [-o merged.jsonl]   (merge --help)
       npm run conform -- report <run.jsonl> --html <out.html> [--bench <json>]   (report --help)

  --impl <backend>   backend to judge (default: impl):
                       impl               the optimized implementation (impl/), in process
                       reference          the reference interpreter, in process
                       tfjs, jax-js, adnn, adnn-patched   peers' adapters, in process
                       pytorch            /usr/bin/python3 conformance/adapters/pytorch/backend.py
                                          (names resolve against the repository root; a peer's
                                          conformance/adapters/<dir>/expectations.json, if any,
                                          is applied unless --expectations is given)
                       <path>             a module whose default export is a backend
                       cmd:<program args> a program speaking the JSON-lines protocol
                                          (spec/08-backends.md), started without a shell
  --timeout <ms>     per case request to the backend (default: ${DEFAULT_TIMEOUT_MS})
  --hello-timeout <ms>  for hello, the backend's start-up included (default: the larger of
                     ${DEFAULT_HELLO_TIMEOUT_MS} and --timeout)
  --cases <path>     case file or directory, repeatable (default: conformance/cases)
  --filter <glob>    only case ids matching the glob (* and ?); properties are property.<name>
  --tags <t,…>       only cases with one of these tags (repeatable); properties carry the tag
                     "property" and their name, e.g. --tags law.reversal
  --seed <n>         seed of the random cases (default: 20230315)
  --runs <n>         random cases per property; 0 = none (default: from the profile)
  --profile <p>      quick (25 per property), default (1000), thorough (10000)
  --jobs <n>         threads for the properties (default: the CPUs available, at most one per
                     property); 1 runs them in this thread after the corpus, n > 1 on n worker
                     threads, each with its own backend (a cmd: backend starts one process per
                     worker), alongside the corpus. Same seed, same outcomes, same report order
  --expectations <file>  known failures {"expectations":[{"id","reason"}]}: reported as skipped;
                     an unexpected pass or a stale entry is an error. Default: the named peer's
                     own file, if any; "none": no file. The file in force is printed first
  --save-failures <dir>  write each property's shrunk counterexample as <dir>/<property>.json,
                     an ordinary case file that replays with --cases <dir> (no fast-check)
  --junit <file>     write a JUnit XML report (a testsuite per case file, one for the properties)
  --report <file>    stream a JSON-lines report: a header, a record per case or property, a footer
  --html <file>      write a static HTML report: summary, every outcome, and for each failing
                     graph case its graph, (I − L), worst element, FD sweep and Taylor plot
  --bench <file>     with --html: add the bench's JSON (e.g. bench/results/latest.json)
  --shard <k/n>      run the k-th of n parts (1 ≤ k ≤ n), for n CI machines: corpus cases by a
                     hash of their id, each property on its share of --runs with its own seed
                     (printed in a failure's replay flags); merge the --report files with merge
  --quiet            print only a line per failing id and the summary line
  --verbose          print every case, not only failures, and the backend's stderr
  --help             this text
  On a terminal, a run longer than a second shows a progress line on stderr (not with --quiet
  or --verbose).`;

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "merge") return mergeMain(argv.slice(1)); // spec/06-conformance.md#conform.merge
  if (argv[0] === "report") return reportCommand(argv.slice(1)); // spec/06-conformance.md#conform.html
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        impl: { type: "string", default: "impl" },
        timeout: { type: "string" },
        "hello-timeout": { type: "string" },
        cases: { type: "string", multiple: true },
        filter: { type: "string" },
        tags: { type: "string", multiple: true },
        seed: { type: "string", default: "20230315" },
        runs: { type: "string" },
        profile: { type: "string", default: "default" },
        jobs: { type: "string" },
        report: { type: "string" },
        expectations: { type: "string" },
        "save-failures": { type: "string" },
        junit: { type: "string" },
        html: { type: "string" },
        bench: { type: "string" },
        shard: { type: "string" },
        quiet: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`conform: ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout);
  // setTimeout holds at most 2³¹ − 1 ms (about 24.8 days); a larger value would fire at once.
  if (!/^[1-9][0-9]*$/.test(values.timeout ?? "1") || timeoutMs > 2 ** 31 - 1) {
    console.error(`conform: --timeout needs a positive whole number of milliseconds (at most 2147483647), got ${JSON.stringify(values.timeout)}\n\n${HELP}`);
    return 2;
  }
  const helloTimeoutMs = values["hello-timeout"] === undefined ? undefined : Number(values["hello-timeout"]);
  if (helloTimeoutMs !== undefined && (!/^[1-9][0-9]*$/.test(values["hello-timeout"] ?? "") || helloTimeoutMs > 2 ** 31 - 1)) {
    console.error(`conform: --hello-timeout needs a positive whole number of milliseconds (at most 2147483647), got ${JSON.stringify(values["hello-timeout"])}\n\n${HELP}`);
    return 2;
  }
  const limits = { timeoutMs, ...(helloTimeoutMs !== undefined ? { helloTimeoutMs } : {}) };
  const profile = values.profile as Profile;
  const seed = Number(values.seed);
  const runs = values.runs === undefined ? PROFILES[profile] : Number(values.runs);
  if (!Object.hasOwn(PROFILES, profile) || !/^-?[0-9]+$/.test(values.seed) || !Number.isSafeInteger(seed) || !/^[0-9]+$/.test(values.runs ?? "0") || !Number.isSafeInteger(runs)) {
    console.error(`conform: --profile is one of ${Object.keys(PROFILES).join(", ")}; --seed an integer; --runs a whole number\n\n${HELP}`);
    return 2;
  }
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!/^[1-9][0-9]*$/.test(values.jobs ?? "1") || !Number.isSafeInteger(jobs)) {
    console.error(`conform: --jobs needs a positive whole number of threads, got ${JSON.stringify(values.jobs)}\n\n${HELP}`);
    return 2;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && shard === undefined) {
    console.error(`conform: --shard needs k/n with whole numbers 1 ≤ k ≤ n, got ${JSON.stringify(values.shard)}\n\n${HELP}`);
    return 2;
  }
  if (values.bench !== undefined && values.html === undefined) {
    console.error(`conform: --bench goes with --html\n\n${HELP}`);
    return 2;
  }
  if (values.quiet && values.verbose) {
    console.error(`conform: --quiet and --verbose exclude each other\n\n${HELP}`);
    return 2;
  }
  const plan = propertyPlan(seed, runs, shard); // this shard's seed and runs (spec/06-conformance.md#conform.shard)
  const verbose = values.verbose;
  let backend: Backend;
  try {
    backend = await loadBackend(values.impl, { ...limits, ...(verbose ? { onStderr: (line: string) => console.error(`[backend] ${line}`) } : {}) });
  } catch (e) {
    console.error(`conform: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  // A named peer's own expectations apply unless --expectations names a file or "none"
  // (spec/08-backends.md#backend.select).
  const expectationsFile = values.expectations === undefined ? defaultExpectations(values.impl) : values.expectations === "none" ? undefined : values.expectations;
  let known: Expectations = new Map();
  try {
    if (expectationsFile !== undefined) known = readExpectations(expectationsFile);
  } catch (e) {
    await backend.close();
    console.error(`conform: --expectations ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const cases = values.cases ?? ["conformance/cases"];
  let jsonl: JsonlReport | undefined;
  try {
    if (values.report !== undefined) {
      const tagged = (values.tags ?? []).flatMap((t) => t.split(",")).map((t) => t.trim()).filter((t) => t !== "");
      jsonl = new JsonlReport(values.report, {
        backend: values.impl, seed, runs, cases,
        ...(values.filter !== undefined ? { filter: values.filter } : {}),
        ...(tagged.length > 0 ? { tags: tagged } : {}),
        ...(shard !== undefined ? { shard: { ...shard, seed: plan.seed, runs: plan.runs } } : {}),
      });
    }
  } catch (e) {
    await backend.close();
    console.error(`conform: cannot write --report ${JSON.stringify(values.report)}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (expectationsFile !== undefined && !values.quiet) {
    console.log(`expectations: ${shownPath(expectationsFile)} (${known.size} known failure${known.size === 1 ? "" : "s"})`);
  }
  const started = performance.now();
  const seen = new Set<string>();
  // spec/06-conformance.md#conform.progress: a TTY only, after a second, erased before the report.
  // BACKSLASH_PROGRESS_DELAY_MS (undocumented, for the end-to-end test on a pseudo-terminal): the
  // first second's silence is unit-tested with a fake clock; the CLI test must not depend on speed.
  const delayMs = Number(process.env["BACKSLASH_PROGRESS_DELAY_MS"] ?? "1000");
  const progress = new ProgressLine(process.stderr, { enabled: !values.quiet && !verbose, delayMs: Number.isFinite(delayMs) ? delayMs : 1000 });
  const ticker = setInterval(() => progress.tick(), 250).unref();
  const onOutcome = (o: Outcome): void => {
    seen.add(o.id);
    const seenAs = expected(o, known);
    jsonl?.record(seenAs);
    progress.count(seenAs);
  };
  let outcomes: Outcome[];
  const tags = (values.tags ?? []).flatMap((t) => t.split(",")).map((t) => t.trim()).filter((t) => t !== "");
  const byFilter = values.filter === undefined ? () => true : globMatcher(values.filter);
  const match = (id: string): boolean => byFilter(id) && hasTag(["property", id.replace(/^property\./, "")], tags);
  const threads = Math.min(jobs, PROPERTIES.filter((p) => match(`property.${p.name}`)).length);
  progress.update({ propertiesTotal: plan.runs > 0 ? PROPERTIES.filter((p) => match(`property.${p.name}`)).length : 0 });
  // With worker threads the properties start at once, alongside the corpus; their outcomes are
  // held back until the corpus's have been streamed, so the report's order does not depend on --jobs.
  const stop = new AbortController();
  const held: Outcome[] = [];
  let corpusDone = false;
  const pool = threads > 1 && plan.runs > 0
    ? runPropertiesInPool({ impl: values.impl, ...limits, verbose }, { seed, runs, match, jobs: threads, signal: stop.signal, onOutcome: (o) => (corpusDone ? onOutcome(o) : held.push(o)), ...(shard !== undefined ? { shard } : {}) })
    : undefined;
  try {
    outcomes = await runSuite(backend, { cases, onOutcome, tags, onPlanned: (n) => progress.update({ corpusTotal: n }), ...(values.filter !== undefined ? { filter: values.filter } : {}), ...(shard !== undefined ? { shard } : {}) });
    // Random cases only when the backend said hello (a failed hello is already the run's error),
    // and none for a backend the corpus found unresponsive (spec/08-backends.md#backend.unresponsive).
    const helloFailed = outcomes.some((o) => o.id === "(hello)");
    const silent = !helloFailed && unresponsive(outcomes);
    if (silent) {
      stop.abort();
      await pool;
      for (const p of PROPERTIES.filter((q) => plan.runs > 0 && match(`property.${q.name}`))) {
        const o: Outcome = { id: `property.${p.name}`, file: `(seed ${plan.seed})`, status: "error", reason: "not run: the backend is unresponsive (spec: backend.unresponsive)" };
        outcomes.push(o);
        onOutcome(o);
      }
    } else if (pool !== undefined) {
      if (helloFailed) stop.abort(); // as with --jobs 1: no properties (the aborted pool gives none)
      else {
        corpusDone = true;
        held.splice(0).forEach(onOutcome);
      }
      outcomes.push(...(await pool));
    } else if (!helloFailed) {
      outcomes.push(...(await runProperties(backend, { seed, runs, onOutcome, match, ...(shard !== undefined ? { shard } : {}) })));
    }
  } finally {
    clearInterval(ticker);
    progress.clear();
    stop.abort(); // a no-op once the pool is done; otherwise (the corpus threw) its workers end
    await Promise.all([backend.close(), pool]);
  }
  // In a shard, an entry naming a corpus case outside it is not this shard's to find (conform.shard).
  // An entry is stale only if the run would have judged its id: a property only when properties
  // ran (--runs 0 or a shard's share of 0 runs none) and its name or tags were selected; a corpus
  // case only in its own shard, and never under --tags (the tags of an id nobody loaded are unknown).
  const selected = (id: string): boolean =>
    id.startsWith("property.") ? plan.runs > 0 && match(id) : byFilter(id) && tags.length === 0 && inShard(id, shard);
  const stale = staleEntries(known, seen, selected, expectationsFile === undefined ? "" : shownPath(expectationsFile));
  stale.forEach((o) => jsonl?.record(o));
  outcomes = [...outcomes.map((o) => expected(o, known)), ...stale];
  if (values["save-failures"] !== undefined) {
    try {
      saveFailures(values["save-failures"], outcomes, values.quiet);
    } catch (e) {
      console.error(`conform: cannot write --save-failures ${JSON.stringify(values["save-failures"])}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (values.junit !== undefined) {
    try {
      writeJunit(values.junit, outcomes);
    } catch (e) {
      console.error(`conform: cannot write --junit ${JSON.stringify(values.junit)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  jsonl?.close((performance.now() - started) / 1000);
  if (values.html !== undefined) {
    // The lines --report streams, rendered; a page that cannot be written is only reported (conform.html).
    const header = { type: "header" as const, backend: values.impl, seed, runs, cases, ...(values.filter !== undefined ? { filter: values.filter } : {}) };
    const lines = [header, ...outcomes.map((o) => ({ type: "record" as const, ...o })), { type: "footer" as const, seconds: (performance.now() - started) / 1000 }];
    writeHtmlReport(values.html, lines, values.bench);
  }
  printReport(outcomes, { verbose, quiet: values.quiet });
  return outcomes.some((o) => o.status === "fail" || o.status === "error") ? 1 : 0;
}

/** A path relative to the working directory when inside it, else absolute (spec/08-backends.md#backend.select). */
function shownPath(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside.startsWith("..") || isAbsolute(inside) ? resolve(file) : inside;
}

/** Each counterexample as `<dir>/<outcome id>.json`, with the case id made unique and permanent-looking. */
function saveFailures(dir: string, outcomes: readonly Outcome[], quiet: boolean): void {
  const failed = outcomes.filter((o) => o.counterexample !== undefined && (o.status === "fail" || o.status === "error"));
  if (failed.length > 0) mkdirSync(dir, { recursive: true });
  for (const o of failed) {
    if (o.counterexample === undefined) continue;
    const id = `counterexample.${o.id.replace(/^property\./, "").replace(/[^a-z0-9._-]/g, "-")}`;
    const file = join(dir, `${id}.json`);
    writeFileSync(file, `${JSON.stringify({ cases: [{ ...o.counterexample, id }] }, null, 2)}\n`);
    if (!quiet) console.log(`saved ${o.id}'s counterexample: ${file}`);
  }
}

process.exitCode = await main(process.argv.slice(2));
