// `conform report <run.jsonl> --html <out>` and `--html` in a run: a page that cannot be written is
// reported and changes nothing else; bad arguments are exit 2 (spec: conform.html).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { reportCommand } from "./report-command.js";

const root = join(import.meta.dirname, "../..");
const quietly = <T>(f: () => T): T => {
  const spies = [vi.spyOn(console, "error").mockImplementation(() => undefined), vi.spyOn(console, "log").mockImplementation(() => undefined)];
  try {
    return f();
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
};

describe("report subcommand", () => {
  const dir = mkdtempSync(join(tmpdir(), "backslash-report-"));
  const jsonl = join(dir, "run.jsonl");
  writeFileSync(jsonl, [
    JSON.stringify({ type: "header", backend: "impl", seed: 1, runs: 0, cases: ["c"] }),
    JSON.stringify({ type: "record", id: "a.b", file: "c/a.json", status: "fail", reason: "wrong" }),
    "{ cut short",
  ].join("\n"));

  it("renders a saved report, listing a line that is not part of one", () => {
    const out = join(dir, "out.html");
    expect(quietly(() => reportCommand([jsonl, "--html", out]))).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain(">1 failed<");
    expect(html).toContain("<code>a.b</code>");
    expect(html).toMatch(/Problems reading the inputs.*line 3: not JSON/s);
  });

  it("shows a bench file that cannot be read as a problem on the page, still writing it", () => {
    const out = join(dir, "bench.html");
    expect(quietly(() => reportCommand([jsonl, "--html", out, "--bench", join(dir, "missing.json")]))).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/--bench &quot;[^<]*missing\.json&quot;: ENOENT/);
  });

  it("exit 2 without a report file or --html, 1 when the report cannot be read or the page written", () => {
    expect(quietly(() => reportCommand(["--html", join(dir, "x.html")]))).toBe(2);
    expect(quietly(() => reportCommand([jsonl]))).toBe(2);
    expect(quietly(() => reportCommand([jsonl, "--html", join(dir, "y.html"), "--nope"]))).toBe(2);
    expect(quietly(() => reportCommand([join(dir, "none.jsonl"), "--html", join(dir, "z.html")]))).toBe(1);
    expect(quietly(() => reportCommand([jsonl, "--html", join(dir, "no-such-dir", "p.html")]))).toBe(1);
    expect(existsSync(join(dir, "x.html"))).toBe(false);
  });
});

describe("--html in a run", () => {
  it("a page that cannot be written is reported on stderr; the results and the exit status stand", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--impl", "reference", "--runs", "0", "--filter", "prim.sin.*", "--html", "/nonexistent-dir/r.html"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toMatch(/conform: cannot write --html "\/nonexistent-dir\/r.html": ENOENT/);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^conform: [1-9]\d* passed, 0 failed, 0 skipped$/);
    expect(r.status).toBe(0);
  });

  it("--bench without --html is a usage error", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--runs", "0", "--bench", "bench/results/latest.json"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--bench goes with --html");
  });
});
