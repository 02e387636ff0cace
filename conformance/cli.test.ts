// `npm run conform` as a user runs it: the last line, the exit status, flags (spec: conform.run).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture } from "./run/fixture.js";

function conform(...args: string[]) {
  return conformWith({}, ...args);
}

function conformWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  const lines = r.stdout.trimEnd().split("\n");
  return { status: r.status, last: lines.at(-1), stdout: r.stdout, stderr: r.stderr };
}

describe("conform CLI", () => {
  it("passes the corpus and the quick profile's properties on the default backend (impl), exit 0", () => {
    const r = conform("--profile", "quick", "--verbose");
    expect(r.status).toBe(0);
    expect(r.last).toMatch(/^conform: \d{3,} passed, 0 failed, 0 skipped$/);
    expect(r.stdout).toMatch(/PASS  property\.graph-gradient \(\(seed 20230315\)\)\n +25 random cases.*; fd\.PASS \d+/);
    expect(r.stdout).toContain("PASS  property.law.reversal");
  });

  it("catches a broken backend given as a module: corpus cases and the property, with a counterexample", () => {
    const r = conformWith({ BROKEN: "tanhWrong" }, "--impl", "conformance/properties/testing/broken-module.ts", "--profile", "quick", "--filter", "*tanh*");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL  prim.tanh.scalar");
    const r2 = conformWith({ BROKEN: "tanhWrong" }, "--impl", "conformance/properties/testing/broken-module.ts", "--runs", "200", "--filter", "property.graph-gradient");
    expect(r2.status).toBe(1);
    expect(r2.stdout).toMatch(/FAIL  property\.graph-gradient .*\n.*replay: --seed 20230315, path [\d:]+\)\n +counterexample: \{"id":/);
  });

  it("--expectations: a known failure is skipped with its reason; an unexpected pass and a stale entry are errors", () => {
    const file = `${fixture()}/expectations.json`;
    writeFileSync(file, JSON.stringify({ expectations: [
      { id: "prim.tanh.scalar", reason: "tanh' = 1 - tanh" },
      { id: "prim.exp.scalar", reason: "listed but passes" },
      { id: "prim.no-such-case", reason: "gone" },
    ] }));
    const r = conformWith({ BROKEN: "tanhWrong" }, "--impl", "conformance/properties/testing/broken-module.ts", "--runs", "0", "--filter", "prim.*", "--expectations", file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/skipped: .*prim\.tanh\.scalar \(known failure \(tanh' = 1 - tanh\): gradient\.x: expected/);
    expect(r.stdout).toMatch(/ERROR prim\.exp\.scalar .*\n +unexpected pass/);
    expect(r.stdout).toMatch(/ERROR prim\.no-such-case .*\n +stale expectation \(gone\)/);
    expect(r.stdout).toContain("FAIL  prim.tanh.matrix-row"); // not listed: still a failure
    writeFileSync(file, JSON.stringify({ expectations: [{ id: "x" }] }));
    expect(conform("--runs", "0", "--expectations", file)).toMatchObject({ status: 2, stderr: expect.stringContaining("at /expectations/0") });
  });

  it("--save-failures writes the shrunk counterexample as a case file that replays without fast-check", () => {
    const dir = `${fixture()}/failures`;
    const broken = ["--impl", "conformance/properties/testing/broken-module.ts"];
    conformWith({ BROKEN: "tanhWrong" }, ...broken, "--runs", "200", "--filter", "property.graph-gradient", "--save-failures", dir);
    const file = `${dir}/counterexample.graph-gradient.json`;
    const saved = JSON.parse(readFileSync(file, "utf8")) as { cases: { graph: { nodes: unknown[] } }[] };
    expect(saved.cases[0]?.graph.nodes.length).toBeLessThanOrEqual(4);
    expect(conform("--cases", dir, "--runs", "0").last).toBe("conform: 1 passed, 0 failed, 0 skipped");
    expect(conformWith({ BROKEN: "tanhWrong" }, ...broken, "--cases", dir, "--runs", "0").last).toBe("conform: 0 passed, 1 failed, 0 skipped");
  });

  it("--tags selects cases by tag and properties by name", () => {
    const r = conform("--tags", "paper", "--runs", "5", "--verbose");
    expect(r.stdout).toContain("PASS  paper.mlp.showcase");
    expect(r.stdout).not.toContain("prim.sin");
    expect(r.stdout).not.toContain("property.");
    const p = conform("--tags", "law.reversal", "--runs", "5", "--verbose");
    expect(p.last).toBe("conform: 1 passed, 0 failed, 0 skipped");
    expect(p.stdout).toContain("PASS  property.law.reversal");
  });

  it("rejects a bad profile, seed or run count with exit 2", () => {
    expect(conform("--profile", "huge")).toMatchObject({ status: 2 });
    expect(conform("--seed", "x")).toMatchObject({ status: 2 });
    expect(conform("--runs", "-1")).toMatchObject({ status: 2 });
  });

  it("fails with exit 1 and counts errors as failures", () => {
    const r = conform("--cases", fixture(), "--runs", "0");
    expect(r.status).toBe(1);
    expect(r.last).toBe("conform: 1 passed, 3 failed, 0 skipped");
    expect(r.stdout).toContain("FAIL  fx.sin.wrong");
    expect(r.stdout).toMatch(/ERROR fx\.sin\.ragged .*\n +E_SCHEMA: /);
  });

  describe("--jobs (properties on worker threads)", () => {
    const records = (file: string): unknown[] => readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as unknown);

    it("gives the same report and console output with 2 workers as in-thread", () => {
      const dir = fixture();
      const [one, two] = ["1", "2"].map((jobs) => {
        const report = `${dir}/jobs-${jobs}.jsonl`;
        return { ...conform("--runs", "5", "--jobs", jobs, "--verbose", "--report", report), lines: records(report) as { type: string; seconds?: number }[] };
      });
      expect(one?.status).toBe(0);
      expect(two?.status).toBe(0);
      expect(two?.stdout).toBe(one?.stdout);
      expect(one?.lines.filter((l) => l.type === "record").length).toBeGreaterThan(200);
      expect(two?.lines.slice(0, -1)).toEqual(one?.lines.slice(0, -1)); // all but the footer
      expect({ ...two?.lines.at(-1), seconds: 0 }).toEqual({ ...one?.lines.at(-1), seconds: 0 }); // its counts
    });

    it("catches a broken backend module with 2 workers exactly as in-thread", () => {
      const args = ["--impl", "conformance/properties/testing/broken-module.ts", "--runs", "100", "--filter", "property.*"];
      const one = conformWith({ BROKEN: "tanhWrong" }, ...args, "--jobs", "1");
      const two = conformWith({ BROKEN: "tanhWrong" }, ...args, "--jobs", "2");
      expect(one.status).toBe(1);
      expect(two.status).toBe(1);
      expect(two.stdout).toMatch(/FAIL  property\.graph-gradient .*\n.*replay: --seed 20230315, path [\d:]+\)\n +counterexample: \{"id":/);
      expect(two.stdout).toBe(one.stdout);
    });

    it("leaves whole JSON lines, header first, when killed while the workers stream properties", async () => {
      const report = `${fixture()}/killed.jsonl`;
      const child = spawn(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--jobs", "2", "--runs", "2000", "--report", report], { stdio: "ignore" });
      const text = (): string => (existsSync(report) ? readFileSync(report, "utf8") : "");
      // Kill once the first property is reported and before the last (graph-gradient takes seconds).
      for (let i = 0; i < 1200 && !text().includes('"id":"property.'); i++) await new Promise((r) => setTimeout(r, 50));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const written = text();
      expect(written.endsWith("\n")).toBe(true); // the last line is whole too
      const lines = written.trimEnd().split("\n").map((l) => JSON.parse(l) as { type: string; id?: string });
      expect(lines[0]?.type).toBe("header");
      expect(lines.slice(1).every((l) => l.type === "record")).toBe(true); // no footer: it was killed
      expect(lines.some((l) => l.id?.startsWith("property.") === true)).toBe(true);
      expect(lines.some((l) => l.id === "property.forward-reverse")).toBe(false);
    });

    it("rejects a --jobs that is not a positive whole number with exit 2", () => {
      for (const bad of ["0", "1.5", "two", ""]) {
        expect(conform("--jobs", bad, "--runs", "0")).toMatchObject({ status: 2, stderr: expect.stringContaining("--jobs needs a positive whole number") });
      }
      // parseArgs itself refuses a value that looks like a flag
      expect(conform("--jobs", "-1", "--runs", "0")).toMatchObject({ status: 2, stderr: expect.stringContaining("'--jobs' argument is ambiguous") });
    });

    it("works from the package bin (scripts/conform.mjs)", () => {
      const r = spawnSync(process.execPath, ["scripts/conform.mjs", "--jobs", "2", "--runs", "3", "--filter", "property.law.*"], { encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("conform: 6 passed, 0 failed, 0 skipped");
    });
  });

  it("rejects unknown flags and backends with exit 2 and says why", () => {
    expect(conform("--nope")).toMatchObject({ status: 2, stderr: expect.stringContaining("--nope") });
    expect(conform("--impl", "tfjs")).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown --impl") });
  });

  it("prints help", () => {
    const r = conform("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--cases <path>");
  });

  it("the README's example case passes against the reference", () => {
    const readme = readFileSync("README.md", "utf8");
    const json = /## Add a case[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(json).toBeDefined();
    const example = JSON.parse((json as string).replace(/^ {3}/gm, ""));
    const dir = fixture();
    const file = `${dir}/readme.json`;
    writeFileSync(file, JSON.stringify({ cases: [example] }));
    const r = conform("--cases", file, "--runs", "0");
    expect(r.last).toBe("conform: 1 passed, 0 failed, 0 skipped");
  });
});
