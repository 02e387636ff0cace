// The README's "Use it in your own tests" section cannot rot: every ```ts block in it is written
// to a temporary test file inside the repository (so that `backslash-ad` resolves by the package's
// self-reference, as it does for a user) and run by a child vitest, which must report every test
// of every block as passed. Also checks that tsx resolves both entry points by name.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const SECTION = "## Use it in your own tests";

/** The ```ts blocks of the section, in order. */
function blocks(): string[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) return [];
  const end = readme.indexOf("\n## ", start + SECTION.length + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** The environment of a child process, without the variables that tell vitest it is nested. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST"));
}

describe("README: Use it in your own tests", () => {
  const examples = blocks();

  it("has the section, placed just before 'Plug in a backend', with examples", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.indexOf(SECTION)).toBeGreaterThan(0);
    expect(readme.indexOf("## Plug in a backend")).toBeGreaterThan(readme.indexOf(SECTION));
    expect(readme.slice(readme.indexOf(SECTION) + SECTION.length, readme.indexOf("## Plug in a backend"))).not.toMatch(/\n## /);
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it("runs every ts block as a test file, each passing with at least one test", () => {
    // Under api/, whose .gitignore lists readme-run-*/, removed afterwards.
    const dir = mkdtempSync(join(import.meta.dirname, "readme-run-"));
    try {
      const files = examples.map((code, i) => {
        const file = join(dir, `block-${i + 1}.test.ts`);
        writeFileSync(file, code);
        return file;
      });
      const report = join(dir, "report.json");
      const run = spawnSync(
        process.execPath,
        [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...files, "--reporter=json", `--outputFile=${report}`],
        { cwd: root, env: childEnv(), encoding: "utf8", timeout: 110_000 },
      );
      const json = JSON.parse(readFileSync(report, "utf8")) as {
        testResults: { name: string; status: string; message?: string; assertionResults: { status: string; fullName: string }[] }[];
      };
      const byBlock = files.map((f) => json.testResults.find((t) => t.name === f));
      const summary = byBlock.map((t, i) => `block ${i + 1}: ${t ? `${t.status} (${t.assertionResults.map((a) => a.status).join(", ")}) ${t.message ?? ""}` : "not run"}`);
      expect(run.status, summary.join("\n") + "\n" + run.stderr).toBe(0);
      for (const [i, t] of byBlock.entries()) {
        expect(t?.status, summary[i]).toBe("passed");
        expect(t!.assertionResults.length, summary[i]).toBeGreaterThanOrEqual(1);
        expect(t!.assertionResults.every((a) => a.status === "passed"), summary[i]).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resolves backslash-ad and backslash-ad/vitest by name under tsx too", () => {
    const script = [
      `import { checkGradient, checkAdjoint } from "backslash-ad";`,
      `import { expectGradient, expectAdjoint } from "backslash-ad/vitest";`,
      `const r = checkGradient((x: number) => x * x, [3], { gradient: (x) => [2 * x] });`,
      `console.log(r.verdict, typeof checkAdjoint, typeof expectGradient.tfjs, typeof expectAdjoint);`,
    ].join("\n");
    const dir = mkdtempSync(join(import.meta.dirname, "readme-run-"));
    try {
      const file = join(dir, "self-reference.ts");
      writeFileSync(file, script);
      const run = spawnSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), file], { cwd: root, env: childEnv(), encoding: "utf8", timeout: 60_000 });
      expect(run.stderr).toBe("");
      expect(run.stdout.trim()).toBe("PASS function function function");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
