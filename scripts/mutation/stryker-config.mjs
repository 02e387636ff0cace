/**
 * The Stryker options shared by stryker.reference.conf.mjs and stryker.impl.conf.mjs.
 *
 * Each mutant is judged by one conformance run of the same tree, started by Stryker's command
 * runner inside its sandbox (.stryker-tmp/sandbox-…/, a copy of the repository with the mutated
 * files instrumented): the command's cwd is the sandbox, so conformance/cli.ts there imports the
 * sandbox's reference/ and impl/, and the instrumented code activates the mutant named by the
 * __STRYKER_ACTIVE_MUTANT__ environment variable. Exit 0 = survived, non-zero = killed.
 * tsx is named by its absolute path in this checkout, so the command does not depend on the
 * sandbox's node_modules link (packages still resolve: the sandbox is inside the repository).
 */
import { createRequire } from "node:module";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

/** @param {"reference" | "impl"} target @param {string[]} mutate @returns {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export function strykerConfig(target, mutate) {
  return {
    testRunner: "command",
    commandRunner: {
      // --profile quick: the corpus and 25 random cases per property (about 3 s here; the default
      // profile's 1000 per property take about 14 s); --jobs 1: one thread per Stryker worker.
      command: `${JSON.stringify(process.execPath)} ${JSON.stringify(tsx)} conformance/cli.ts --impl ${target} --profile quick --jobs 1 --quiet`,
    },
    // The command runner cannot report per-test coverage: every mutant gets the whole run.
    coverageAnalysis: "off",
    mutate,
    // Not copied into the sandbox: test files (vitest's include globs dot folders, so a sandbox
    // holding *.test.ts would be picked up by a concurrent `vitest run`), reports, coverage.
    ignorePatterns: ["**/*.test.ts", "/coverage", "/reports", "/bench/results", "/.stryker-tmp", "*.log"],
    // tsx does not type-check, so the instrumented sources need no // @ts-nocheck.
    disableTypeChecks: false,
    concurrency: 1,
    // A mutant's run may take timeoutMS + 2 × the dry run's time before it counts as a timeout
    // (an endless loop in an in-process backend cannot be stopped by conform's --timeout).
    timeoutMS: 10000,
    timeoutFactor: 2,
    dryRunTimeoutMinutes: 5,
    tempDirName: ".stryker-tmp",
    cleanTempDir: true,
    reporters: ["clear-text", "progress", "html", "json"],
    clearTextReporter: { logTests: false, allowColor: false },
    htmlReporter: { fileName: `reports/mutation/${target}.html` },
    jsonReporter: { fileName: `reports/mutation/${target}.json` },
  };
}
