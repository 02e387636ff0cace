// Subprocess backends from the command line: the example passes the whole corpus exactly as its
// README says to run it; a misbehaving program gets its faults counted and exit 1 (spec: backend.subprocess, backend.faults).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("conform --impl cmd:… from the command line", () => {
  it("passes the corpus: conform --impl \"cmd:node conformance/adapters/example/backend.mjs\", exit 0", () => {
    const readme = readFileSync("conformance/adapters/example/README.md", "utf8");
    expect(readme).toContain('npm run conform -- --impl "cmd:node conformance/adapters/example/backend.mjs"');
    const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--impl", "cmd:node conformance/adapters/example/backend.mjs"], { encoding: "utf8" });
    const last = r.stdout.trimEnd().split("\n").at(-1);
    expect(r.stderr).toBe("");
    expect(last).toMatch(/^conform: \d{3,} passed, 0 failed, 0 skipped$/);
    expect(r.status).toBe(0);
  });

  it("reports the faults of a misbehaving program with exit 1, and --timeout reaches the client", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "conformance/cli.ts", "--impl", "cmd:node conformance/backends/fixtures/fake-backend.mjs", "--timeout", "700", "--cases", "conformance/backends/fixtures/faults.json", "--runs", "0"],
      { encoding: "utf8" },
    );
    const lines = r.stdout.trimEnd().split("\n");
    expect(r.stdout).toMatch(/ERROR fx\.hang \(.*faults\.json\)\n +timeout: no reply within 700 ms/);
    expect(r.stdout).toMatch(/ERROR fx\.crash .*\n +crashed: the process exited with code 3/);
    expect(lines.at(-2)).toBe("errored: 3 (counted as failed; 1 crashed, 1 timeout, 1 protocol)");
    expect(lines.at(-1)).toBe("conform: 3 passed, 3 failed, 0 skipped");
    expect(r.status).toBe(1);
  });

  it("rejects a bad --timeout with exit 2", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--timeout=-5"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--timeout needs a positive whole number of milliseconds .*, got "-5"/);
  });
});
