// npm run mutation is not run by npm test (half an hour); this keeps its wiring from rotting: the
// configs name files that exist, mutate only logic files, and the suite Stryker runs is the
// conformance suite's file, found by the vitest project the config names.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createVitest } from "vitest/node";

/** The options this test reads (the .mjs configs carry no type declarations). */
interface Config {
  readonly testRunner: string;
  readonly coverageAnalysis: string;
  readonly mutate: readonly string[];
  readonly vitest: { readonly configFile: string };
}
const root = join(import.meta.dirname, "..", "..");
const load = async (name: string): Promise<Config> => ((await import(`./stryker.${name}.conf.mjs`)) as { default: Config }).default;
const reference = await load("reference");
const impl = await load("impl");

describe.each([["reference", reference], ["impl", impl]] as const)("stryker.%s.conf.mjs", (target, config) => {
  it("runs the conformance suite through the vitest runner, per-test coverage", () => {
    expect(config.testRunner).toBe("vitest");
    expect(config.coverageAnalysis).toBe("perTest");
    expect(existsSync(join(root, config.vitest.configFile))).toBe(true);
  });

  it("mutates the target's logic files, never its tests or barrel", () => {
    expect(config.mutate).toContain(`${target}/**/*.ts`);
    expect(config.mutate).toContain(`!${target}/**/*.test.ts`);
    expect(config.mutate).toContain(`!${target}/index.ts`);
  });
});

describe("the vitest project Stryker runs", () => {
  it("collects the conformance suite and nothing else", async () => {
    const vitest = await createVitest("test", { config: join(root, reference.vitest.configFile), watch: false, run: true }, {});
    try {
      const specs = await vitest.globTestSpecifications();
      expect(specs.map((s) => s.moduleId.slice(root.length + 1))).toEqual(["scripts/mutation/conformance-suite.mutation.ts"]);
    } finally {
      await vitest.close();
    }
  });
});
