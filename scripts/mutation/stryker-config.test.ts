// npm run mutation is not run by npm test (1½ hours); this keeps its wiring from rotting: the
// configs name files that exist, mutate only logic files, and the suite Stryker runs is the
// conformance suite's file, found by the vitest project the config names.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

interface BabelPath {
  readonly node: { readonly start?: number | null; readonly end?: number | null };
  skip(): void;
}
interface Babel {
  parseSync(code: string, options: object): unknown;
  traverse(ast: unknown, visitor: { enter(path: BabelPath): void }): void;
}

describe("the message-text ignorer", () => {
  /** The source text of every node the ignorer ignores in `code`. */
  async function ignored(code: string): Promise<string[]> {
    // @babel/core is what Stryker's instrumenter walks the sources with (its own dependency; the
    // specifier is a string so tsc does not look for types this test does not need).
    const babel = (await import("@babel/core" as string)) as Babel;
    const { strykerPlugins } = (await import("./ignore-message-text.mjs" as string)) as {
      strykerPlugins: [{ value: { shouldIgnore(path: BabelPath): string | undefined } }];
    };
    const ast = babel.parseSync(code, { filename: "x.ts", presets: [], plugins: [], parserOpts: { plugins: ["typescript"] } });
    const out: string[] = [];
    babel.traverse(ast, {
      enter(path: BabelPath) {
        if (strykerPlugins[0].value.shouldIgnore(path) !== undefined) {
          out.push(code.slice(path.node.start ?? 0, path.node.end ?? 0));
          path.skip();
        }
      },
    });
    return out;
  }

  it("ignores the wording and the labels, never the code, the pointer or the checked value", async () => {
    expect(await ignored('fail("E_SHAPE", `bad ${x}`, { pointer: "/x" });')).toEqual(["`bad ${x}`"]);
    expect(await ignored('T.requireMatrix(X, "the point of left"); requireMatrix(X, label);')).toEqual(['"the point of left"']);
    expect(await ignored('throw new Error("internal");')).toEqual(['"internal"']);
    expect(await ignored("function zip(a, b, f, what = \"operands\") { return a; }")).toEqual(['what = "operands"']);
    expect(await ignored("function shorten(t) { return t; } function other(t) { return t; }")).toEqual(["function shorten(t) { return t; }"]);
    expect(await ignored('other("E_SHAPE", "text"); fail(code);')).toEqual([]);
  });
});

describe("npm run mutation:survivors", () => {
  it("prints the score (Killed and Timeout detected; Ignored apart) and each undetected mutant with its source line", () => {
    const dir = mkdtempSync(join(tmpdir(), "survivors-"));
    const report = join(dir, "r.json");
    const mutant = (id: string, status: string, line: number, mutatorName: string, replacement: string) => ({ id, status, mutatorName, replacement, location: { start: { line, column: 3 }, end: { line, column: 9 } } });
    writeFileSync(report, JSON.stringify({
      schemaVersion: "2",
      files: {
        "impl/a.ts": {
          language: "typescript",
          source: "const a = 1;\nif (a > 0) f();\n",
          mutants: [mutant("1", "Killed", 1, "NumericLiteral", "0"), mutant("2", "Survived", 2, "EqualityOperator", "a >= 0"), mutant("3", "Timeout", 2, "BlockStatement", "{}"), mutant("4", "Ignored", 2, "StringLiteral", '""'), mutant("5", "NoCoverage", 1, "ArrayDeclaration", "[]")],
        },
      },
    }));
    const r = spawnSync(process.execPath, ["scripts/mutation/survivors.mjs", report], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      `${report}: 4 judged — 1 killed, 1 timeouts, 1 survived, 1 no coverage → 50.0 % (timeouts as survivors 25.0 %); 1 ignored (counted against: 40.0 %)`,
      '  impl/a.ts:1:3 NoCoverage ArrayDeclaration → "[]" | const a = 1;',
      '  impl/a.ts:2:3 Survived EqualityOperator → "a >= 0" | if (a > 0) f();',
      "",
    ]);
    expect(spawnSync(process.execPath, ["scripts/mutation/survivors.mjs", join(dir, "none.json")], { encoding: "utf8" }).status).toBe(1);
  });
});
