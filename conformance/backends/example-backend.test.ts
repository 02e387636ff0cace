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

  it("answers a declared shape of more than 2²⁴ elements with E_SCHEMA when sent one directly (spec: load.declared-shape)", () => {
    const op = (id: number, operator: object) => ({ cmd: "apply", id, case: { id: `big.${id}`, description: "t", kind: "operator", operator, x: 1 } });
    const requests = [
      { cmd: "hello", protocol: 1 },
      op(1, { op: "zero", codomain: [2147483648, 1] }), // without the bound: allocates until memory runs out
      op(2, { op: "adjoint", of: { op: "zero", domain: [4097, 4096] } }),
      { cmd: "solve", id: 3, case: { id: "big.3", description: "t", kind: "system", system: { unknowns: [{ id: "a", shape: [5000, 5000] }], edges: [] } } },
      op(4, { op: "zero", codomain: [1, 2] }), // within the bound: zeros as usual
      { cmd: "bye" },
    ];
    const input = requests.map((r) => `${JSON.stringify(r)}\n`).join("");
    const r = spawnSync(process.execPath, ["conformance/adapters/example/backend.mjs"], { input, encoding: "utf8", timeout: 30_000 });
    const replies = r.stdout.trimEnd().split("\n").slice(1).map((l) => JSON.parse(l) as { id: number; error?: { code: string } });
    expect(replies.map((x) => [x.id, x.error?.code])).toEqual([[1, "E_SCHEMA"], [2, "E_SCHEMA"], [3, "E_SCHEMA"], [4, undefined]]);
    expect(replies[3]).toEqual({ id: 4, apply: [[0, 0]] });
  });

  it("rejects a bad --timeout with exit 2", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--timeout=-5"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--timeout needs a positive whole number of milliseconds .*, got "-5"/);
  });
});
