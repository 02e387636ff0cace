/**
 * `npm run fuzz -- [--profile quick|default|thorough] [--target case-files|replies] [--seed n]
 * [--path p] [--watchdog s]`: the fuzzers, each in a worker thread under a watchdog. Prints the
 * seed of every run, a line per fuzzer with its mutants, time and how they ended, and every
 * failure with the flags that replay it and its shrunk counterexample. Exit status 1 when anything
 * failed that known-failures.ts does not list, 2 for bad flags.
 */
import { parseArgs } from "node:util";
import { FUZZ_PROFILES, FUZZ_TARGETS, type FuzzProfile, type FuzzTarget } from "./fuzz-profiles.js";
import { knownFailure } from "./known-failures.js";
import { runFuzzWatched } from "./run-fuzz-watched.js";

const HELP = `usage: npm run fuzz -- [options]
  --profile <p>    quick | default | thorough (default: default): mutants per fuzzer
                   ${Object.entries(FUZZ_PROFILES).map(([p, n]) => `${p}: ${Object.entries(n).map(([t, k]) => `${t} ${k}`).join(", ")}`).join("\n                   ")}
  --target <t>     case-files | replies (default: both)
  --runs <n>       mutants per fuzzer, instead of the profile's
  --seed <n>       fast-check seed (default: random, printed)
  --path <p>       replay one counterexample: with --seed and --target, as a failure prints them
  --watchdog <s>   seconds one mutant may take before it counts as a hang (default 120)
  --max-failures <n>  distinct failures per fuzzer before it stops (default 5)`;

/** At most `n` characters of `text`, for a terminal. */
const cut = (text: string, n = 1500): string => (text.length > n ? `${text.slice(0, n)}… (${text.length} characters)` : text);

export async function fuzzMain(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        profile: { type: "string" }, target: { type: "string" }, runs: { type: "string" }, seed: { type: "string" },
        path: { type: "string" }, watchdog: { type: "string" }, "max-failures": { type: "string" }, help: { type: "boolean" },
      },
    }));
  } catch (e) {
    console.error(`fuzz: ${e instanceof Error ? e.message : String(e)}\n${HELP}`);
    return 2;
  }
  if (values.help === true) return console.log(HELP), 0;
  const profile = (values.profile ?? "default") as FuzzProfile;
  if (!(profile in FUZZ_PROFILES)) return console.error(`fuzz: unknown --profile ${profile}\n${HELP}`), 2;
  const targets = values.target === undefined ? FUZZ_TARGETS : [values.target as FuzzTarget];
  if (!targets.every((t) => FUZZ_TARGETS.includes(t))) return console.error(`fuzz: unknown --target ${values.target}\n${HELP}`), 2;
  const number = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n)) throw new Error(`--${name} takes an integer, got ${v}`);
    return n;
  };
  let seed, runs, watchdog, maxFailures;
  try {
    seed = number(values.seed, "seed") ?? Math.floor(Math.random() * 2 ** 31);
    runs = number(values.runs, "runs");
    watchdog = number(values.watchdog, "watchdog") ?? 120;
    maxFailures = number(values["max-failures"], "max-failures") ?? 5;
  } catch (e) {
    return console.error(`fuzz: ${(e as Error).message}`), 2;
  }
  if (values.path !== undefined && values.target === undefined) return console.error("fuzz: --path needs --target (and --seed)"), 2;
  console.log(`fuzz: profile ${profile}, seed ${seed}`);
  let failed = 0;
  let total = 0;
  const started = Date.now();
  for (const target of targets) {
    const t0 = Date.now();
    const result = await runFuzzWatched(target, {
      seed,
      runs: runs ?? FUZZ_PROFILES[profile][target],
      maxFailures,
      watchdogMs: watchdog * 1000,
      ...(values.path !== undefined ? { path: values.path } : {}),
      onProgress: (n) => process.stderr.isTTY && process.stderr.write(`\rfuzz: ${target} ${n} checked`),
    });
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
    total += result.mutants;
    const ends = Object.entries(result.stats).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(`fuzz: ${target}: ${result.mutants} mutants (${result.checks} checks with shrinking) in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${result.failures.length} failures`);
    console.log(`  ended: ${ends}`);
    for (const d of result.disagreements) console.log(`  error parity: ${d}`);
    for (const f of result.failures) {
      const known = knownFailure(f.error);
      if (known !== undefined) {
        console.log(`KNOWN ${target}${f.hits !== undefined && f.hits > 1 ? ` (found ${f.hits} times)` : ""}: ${cut(known.reason, 600)}`);
        console.log(`  replay: npm run fuzz -- --target ${target} --seed ${f.seed} --path ${f.path}`);
        continue;
      }
      failed++;
      console.log(`FAIL ${target}${f.hits !== undefined && f.hits > 1 ? ` (found ${f.hits} times)` : ""}: ${cut(f.error, 600)}`);
      console.log(`  replay: npm run fuzz -- --target ${target} --seed ${f.seed} --path ${f.path}`);
      console.log(`  counterexample: ${cut(f.counterexample)}`);
    }
  }
  console.log(`fuzz: ${total} mutants in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed} failures (known failures not counted)`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await fuzzMain(process.argv.slice(2));
