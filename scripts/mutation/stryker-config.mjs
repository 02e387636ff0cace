/**
 * The Stryker options shared by stryker.reference.conf.mjs and stryker.impl.conf.mjs.
 *
 * The test runner is the conformance suite: scripts/mutation/conformance-suite.mutation.ts runs
 * every corpus case and every property (quick profile, conform's default seed) against the
 * mutated tree as vitest tests, through the same judge as `npm run conform`. Stryker's vitest
 * runner keeps the modules loaded and measures which of those tests reach each mutant
 * (coverageAnalysis "perTest"), so each mutant costs milliseconds, not a 3-second conform run:
 * the whole of reference/ and impl/ is minutes, not hours.
 *
 * MUTATION_TARGET tells the suite which tree to judge; it is set here, in the Stryker process,
 * and inherited by the vitest workers Stryker starts.
 */

/** @param {"reference" | "impl"} target @param {string[]} mutate @returns {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export function strykerConfig(target, mutate) {
  process.env["MUTATION_TARGET"] = target;
  return {
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner", "./scripts/mutation/ignore-message-text.mjs"],
    // Mutants in an error message's wording are Ignored with a reason, not survivors: the spec
    // judges errors by code and pointer (see ignore-message-text.mjs).
    ignorers: ["message-text"],
    vitest: { configFile: "scripts/mutation/vitest.mutation.config.mjs", related: false },
    coverageAnalysis: "perTest",
    mutate,
    // Not copied into the sandbox: test files (vitest's include globs dot folders, so a sandbox
    // holding *.test.ts would be picked up by a concurrent `vitest run`), reports, coverage.
    ignorePatterns: ["**/*.test.ts", "/coverage", "/reports", "/bench/results", "/.stryker-tmp", "*.log"],
    // vitest (esbuild) does not type-check, so the instrumented sources need no // @ts-nocheck.
    disableTypeChecks: false,
    // An endless loop in an in-process backend cannot be stopped by the judge: Stryker kills the
    // worker after timeoutMS + timeoutFactor × the test's time in the dry run.
    timeoutMS: 3000,
    timeoutFactor: 2,
    dryRunTimeoutMinutes: 5,
    // Incremental: a later run re-tests only the mutants whose code or covering tests changed
    // since the last one (reports/mutation/<target>.incremental.json); `npm run mutation -- --force`
    // tests every mutant again. Stryker compares each test's own source: a changed case (data)
    // or a change to the suite's shared code (beforeAll, helpers) is not seen, so use --force then.
    incremental: true,
    incrementalFile: `reports/mutation/${target}.incremental.json`,
    tempDirName: ".stryker-tmp",
    cleanTempDir: true,
    reporters: ["clear-text", "progress", "html", "json"],
    clearTextReporter: { logTests: false, allowColor: false },
    htmlReporter: { fileName: `reports/mutation/${target}.html` },
    jsonReporter: { fileName: `reports/mutation/${target}.json` },
  };
}
