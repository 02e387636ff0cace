// `npm run conform` as a user runs it: the last line, the exit status, flags (spec: conform.run).
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROPERTIES } from "./properties/index.js";
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
    // A property's entry is not stale in a run that runs no properties (spec: conform.expectations).
    writeFileSync(file, JSON.stringify({ expectations: [{ id: "property.graph-gradient", reason: "known" }] }));
    const noProps = conform("--runs", "0", "--cases", "conformance/cases/paper.json", "--expectations", file);
    expect(noProps.status).toBe(0);
    expect(noProps.stdout).not.toContain("stale expectation");
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
      // Kill once the first property is reported and before the last (large-matmul, last in order and
      // handed out first as the costliest, takes tens of seconds at 200 runs). Records stream in
      // PROPERTIES order, so the first one waits for the cheap laws, which the pool hands out last:
      // allow for a loaded machine.
      for (let i = 0; i < 4800 && !text().includes('"id":"property.'); i++) await new Promise((r) => setTimeout(r, 50));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const written = text();
      expect(written.endsWith("\n")).toBe(true); // the last line is whole too
      const lines = written.trimEnd().split("\n").map((l) => JSON.parse(l) as { type: string; id?: string });
      expect(lines[0]?.type).toBe("header");
      expect(lines.slice(1).every((l) => l.type === "record")).toBe(true); // no footer: it was killed
      const properties = lines.filter((l) => l.id?.startsWith("property.") === true).map((l) => l.id);
      expect(properties.length).toBeGreaterThan(0);
      expect(properties).not.toContain("property.large-matmul"); // killed mid-stream: the last is missing
      expect(properties.length).toBeLessThan(PROPERTIES.length);
    }, 300_000);

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
    // (tfjs is a named peer now; a name that is neither a named backend nor a path)
    expect(conform("--impl", "nosuchbackend")).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown --impl") });
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

describe("runs that fit CI (spec: conform.progress, conform.quiet, conform.shard, conform.merge)", () => {
  const broken = ["--impl", "conformance/properties/testing/broken-module.ts"];
  /** The CLI run in the background, so that several runs overlap. */
  const conformAsync = (env: Record<string, string>, ...args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args], { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (e, stdout, stderr) =>
        resolve({ status: e === null ? 0 : typeof e.code === "number" ? e.code : -1, stdout, stderr }),
      );
    });
  type Line = { type: string; id?: string; status?: string; shards?: unknown[]; [k: string]: unknown };
  const read = (file: string): Line[] => readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Line);
  const corpusRecords = (lines: readonly Line[]) => lines.filter((l) => l.type === "record" && l.id?.startsWith("property.") !== true);

  // `script` (util-linux) runs the CLI on a pseudo-terminal: the real TTY path, end to end.
  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!hasScript)("on a terminal shows a progress line, rewritten in place, erased before the report", () => {
    const command = [process.execPath, "--import", "tsx", "conformance/cli.ts", "--runs", "20", "--jobs", "1"].map((a) => `'${a}'`).join(" ");
    // The first second's silence is the unit test's (a fake clock); here the line starts at once,
    // so the test does not depend on how fast this machine runs the corpus.
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, BACKSLASH_PROGRESS_DELAY_MS: "0" } });
    expect(r.status).toBe(0);
    const out = r.stdout;
    const drawings = [...out.matchAll(/\r\x1b\[Kconform: corpus (\d+)\/(\d+) · properties (\d+)\/13 · 0 failed · (\d+) s/g)];
    expect(drawings.length).toBeGreaterThanOrEqual(1);
    expect(drawings.every((m) => Number(m[1]) <= Number(m[2]))).toBe(true);
    const summary = out.search(/conform: \d+ passed, 0 failed, 0 skipped/);
    const erased = out.lastIndexOf("\r\x1b[K");
    expect(summary).toBeGreaterThan(0);
    expect(erased).toBeGreaterThan(drawings.at(-1)?.index ?? Infinity); // the last drawing is erased…
    expect(erased).toBeLessThan(summary); // …before the report
    expect(out.slice(erased + 4, summary).trim()).toBe("");
  });

  it("--quiet prints one line per failing id, then the summary: the ids a full run lists", async () => {
    const args = [...broken, "--filter", "*tanh*", "--runs", "0"];
    const [full, quiet] = await Promise.all([conformAsync({ BROKEN: "tanhWrong" }, ...args), conformAsync({ BROKEN: "tanhWrong" }, ...args, "--quiet")]);
    const last = full.stdout.trimEnd().split("\n").at(-1);
    expect(last).toMatch(/^conform: \d+ passed, \d+ failed, 0 skipped$/);
    expect(quiet.status).toBe(1);
    const failing = [...full.stdout.matchAll(/^(FAIL |ERROR) (\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(failing.length).toBeGreaterThan(1);
    expect(quiet.stdout.trimEnd().split("\n")).toEqual([...failing, last]);
    expect(conform("--quiet", "--verbose")).toMatchObject({ status: 2, stderr: expect.stringContaining("--quiet and --verbose exclude each other") });
  });

  it("rejects a --shard that is not k/n with 1 ≤ k ≤ n", () => {
    for (const bad of ["0/2", "3/2", "x"]) { // the parser's own test tries more (shard.test.ts)
      expect(conform("--shard", bad, "--runs", "0"), bad).toMatchObject({ status: 2, stderr: expect.stringContaining("--shard needs k/n") });
    }
  });

  it("a sharded property's failure replays with the flags it prints, without --shard", async () => {
    const sharded = await conformAsync({ BROKEN: "tanhWrong" }, ...broken, "--shard", "2/2", "--runs", "10", "--filter", "property.graph-gradient");
    expect(sharded.status).toBe(1);
    // Seed and share from the rule, not from the output: FNV-1a("20230315/2/2") mod 2³¹ (see shard.test.ts), ⌊2·10/2⌋ − ⌊10/2⌋.
    const replay = /\(replay without --shard: --seed 2140691271 --runs 5 --filter property\.graph-gradient, path ([\d:]+)\)/.exec(sharded.stdout);
    expect(replay).not.toBeNull();
    const again = await conformAsync({ BROKEN: "tanhWrong" }, ...broken, "--seed", "2140691271", "--runs", "5", "--filter", "property.graph-gradient");
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(`(replay: --seed 2140691271, path ${replay?.[1]})`);
    const counterexample = (s: string) => /counterexample: (.*)/.exec(s)?.[1];
    expect(counterexample(again.stdout)).toBeDefined();
    expect(counterexample(again.stdout)).toBe(counterexample(sharded.stdout));
  });

  it("shards 1/2 and 2/2 split the corpus and merge to the unsharded run's corpus records", async () => {
    const dir = fixture();
    const quick = ["--profile", "quick", "--jobs", "1"];
    const [one, two, whole] = await Promise.all([
      conformAsync({}, ...quick, "--shard", "1/2", "--report", `${dir}/1.jsonl`),
      conformAsync({}, ...quick, "--shard", "2/2", "--report", `${dir}/2.jsonl`),
      conformAsync({}, ...quick, "--report", `${dir}/whole.jsonl`),
    ]);
    expect([one?.status, two?.status, whole?.status]).toEqual([0, 0, 0]);
    for (const r of [one, two, whole]) expect(r?.stderr).not.toMatch(/conform: corpus|\r/); // stderr is no TTY: no progress line
    const [a, b, w] = [read(`${dir}/1.jsonl`), read(`${dir}/2.jsonl`), read(`${dir}/whole.jsonl`)];
    expect(a[0]?.["shard"]).toEqual({ index: 1, count: 2, seed: 146823774, runs: 12 });
    expect(b[0]?.["shard"]).toEqual({ index: 2, count: 2, seed: 2140691271, runs: 13 });
    // Each corpus case in exactly one shard; both shards non-empty.
    const [ids1, ids2] = [corpusRecords(a).map((l) => l.id), corpusRecords(b).map((l) => l.id)];
    expect(ids1.length).toBeGreaterThan(0);
    expect(ids2.length).toBeGreaterThan(0);
    expect(ids1.filter((id) => ids2.includes(id))).toEqual([]);

    const merged = conform("merge", `${dir}/2.jsonl`, `${dir}/1.jsonl`, "-o", `${dir}/merged.jsonl`);
    expect(merged.status).toBe(0);
    const m = read(`${dir}/merged.jsonl`);
    const byId = (lines: readonly Line[]) => new Map(corpusRecords(lines).map((l) => [l.id, l.status]));
    expect(corpusRecords(m)).toHaveLength(corpusRecords(w).length);
    expect(byId(m)).toEqual(byId(w));
    expect(m[0]).toMatchObject({ type: "header", seed: 20230315, runs: 25, shards: [a[0]?.["shard"], b[0]?.["shard"]] });
    const properties = m.filter((l) => l.type === "record" && l.id?.startsWith("property.") === true);
    expect(properties.map((l) => l.id)).toEqual(w.filter((l) => l.id?.startsWith("property.") === true).map((l) => l.id));
    expect(properties.every((l) => l.status === "pass" && l.shards?.length === 2)).toBe(true);
    const records = m.filter((l) => l.type === "record");
    expect(m.at(-1)).toMatchObject({ type: "footer", passed: records.length, failed: 0, errored: 0, skipped: 0 });
    expect(merged.last).toBe(`conform: ${records.length} passed, 0 failed, 0 skipped`);

    // A shard killed before its footer: the merge fails, naming the file; nothing is written.
    const cut = readFileSync(`${dir}/2.jsonl`, "utf8").trimEnd().split("\n").slice(0, -1).join("\n");
    writeFileSync(`${dir}/2-killed.jsonl`, `${cut}\n`);
    const refused = conform("merge", `${dir}/1.jsonl`, `${dir}/2-killed.jsonl`, "-o", `${dir}/none.jsonl`);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${dir}/2-killed.jsonl: incomplete: no footer`);
    expect(existsSync(`${dir}/none.jsonl`)).toBe(false);
    expect(conform("merge", `${dir}/1.jsonl`)).toMatchObject({ status: 2, stderr: expect.stringContaining("shard 2/2 of the run of") });
  });
});
