// The process-level broken backends, run as a user runs them — `npm run conform -- --impl
// cmd:…` — on a slice of the corpus: each is caught with the catalog's status and fault kind, and
// the exit status is 1, where the bug-free relay gives 0. One in-process entry goes through the CLI
// too (as a module selected by BROKEN). Slices are small and at most two runs go at once: each
// spawn costs a tsx start. The whole catalog under the default profile is `npm run selftest`
// (spec: backend.faults, backend.unresponsive, conform.run).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG, type CatalogEntry } from "../../properties/testing/catalog.js";
import { checkEntry } from "../../properties/testing/check-entry.js";
import type { Outcome } from "../../run/outcome.js";
import { UNRESPONSIVE_AFTER } from "../../run/run-suite.js";

interface Run {
  readonly status: number | null;
  readonly last: string | undefined;
  readonly records: Outcome[];
}

/** At most two CLI runs at a time (a shared 2-core machine): each waits for the one before last. */
const slots: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
let turn = 0;
function inSlot<T>(f: () => Promise<T>): Promise<T> {
  const k = turn++ % slots.length;
  const run = (slots[k] as Promise<unknown>).then(f);
  slots[k] = run.catch(() => undefined);
  return run;
}

/** The CLI with `args` and a report; resolves when it exits (no shell: arguments go as they are). */
function conform(env: Readonly<Record<string, string>>, ...args: string[]): Promise<Run> {
  return inSlot(() => spawnConform(env, ...args));
}

function spawnConform(env: Readonly<Record<string, string>>, ...args: string[]): Promise<Run> {
  const report = join(mkdtempSync(join(tmpdir(), "broken-")), "report.jsonl");
  const child = spawn(process.execPath, ["--import", "tsx", "conformance/cli.ts", "--report", report, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  return new Promise((resolve) =>
    child.on("close", (status) => {
      const lines = readFileSync(report, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as { type: string } & Outcome);
      resolve({ status, last: stdout.trimEnd().split("\n").at(-1), records: lines.filter((l) => l.type === "record") });
    }),
  );
}

const entry = (name: string): CatalogEntry => CATALOG.find((e) => e.name === name) as CatalogEntry;

/** Runs `name` on the selection `args`; checks the catalog's claims that fall inside it. */
async function caught(name: string, ...args: string[]): Promise<Run> {
  const e = entry(name);
  const run = await conform(e.env, "--impl", e.impl, ...args);
  const claims = e.caughtBy.filter((id) => run.records.some((o) => o.id === id));
  expect(claims.length, `${name}: none of its claims is in the selection`).toBeGreaterThan(0);
  expect(checkEntry({ ...e, caughtBy: claims }, run.records)).toEqual([]);
  expect(run.status).toBe(1);
  return run;
}

const RELAY_ONLY = "cmd:node --input-type=module -e \"import('./conformance/adapters/broken/relay.mjs').then((m) => m.relay())\"";

describe.concurrent("process-level broken backends through the CLI", () => {
  it("control: the relay without a bug passes every primitive case, exit 0", async () => {
    const relay = await conform({}, "--impl", RELAY_ONLY, "--filter", "prim.*", "--runs", "0");
    expect([relay.status, relay.last]).toEqual([0, expect.stringMatching(/^conform: \d{2,} passed, 0 failed, 0 skipped$/)]);
  });

  it("crashes: each logdet case errors as crashed, the next one is answered by a fresh process", async () => {
    const run = await caught("crashes", "--filter", "prim.logdet.m*", "--runs", "0");
    expect(run.records.map((o) => [o.id, o.status, o.fault])).toEqual([
      ["prim.logdet.matrix-2x2", "error", "crashed"],
      ["prim.logdet.matrix-3x3-nonsymmetric", "error", "crashed"],
    ]);
    expect(run.records[0]?.reason).toMatch(/^crashed: the process exited with code 1; stderr: .*logdet: pivot index out of range/);
  });

  it(`hangs: ${UNRESPONSIVE_AFTER} solve requests time out, then no case is sent and no property runs`, async () => {
    // The time limit leaves room for a hello on a loaded machine: only solve requests may time out.
    // Worker threads (--jobs 2) have backends of their own; the property is still not run.
    const run = await caught("hangs", "--filter", "*system*", "--runs", "5", "--jobs", "2", "--timeout", "3000");
    const [first, rest] = [run.records.slice(0, UNRESPONSIVE_AFTER), run.records.slice(UNRESPONSIVE_AFTER, -1)];
    expect(first.map((o) => o.fault)).toEqual(Array(UNRESPONSIVE_AFTER).fill("timeout"));
    expect(rest.length).toBeGreaterThan(3);
    expect(rest.every((o) => o.status === "error" && o.fault === undefined && /^not sent: the backend is unresponsive/.test(o.reason ?? ""))).toBe(true);
    expect(run.records.at(-1)).toMatchObject({ id: "property.system-solution", status: "error", reason: expect.stringMatching(/^not run: the backend is unresponsive/) });
    expect(run.last).toBe(`conform: 0 passed, ${run.records.length} failed, 0 skipped`);
  });

  it("prints garbage: the matmul cases error as protocol faults", async () => {
    const run = await caught("printsGarbage", "--filter", "prim.m*", "--runs", "0");
    const errored = run.records.filter((o) => o.status === "error");
    expect(errored.map((o) => o.id)).toEqual(["prim.matmul.rectangular", "prim.matmul.row-by-column", "prim.matmul.decimal"]);
    expect(errored[0]?.reason).toBe('protocol: the reply is not JSON: "debug: matmul in case prim.matmul.rectangular"');
    expect(run.records.filter((o) => o.id.startsWith("prim.mul.")).map((o) => o.status)).toEqual(["pass", "pass", "pass", "pass"]);
  });

  it("wrong shapes: scalar results fail on their shape, matrix results pass", async () => {
    const run = await caught("wrongShapes", "--filter", "prim.s*", "--runs", "0");
    expect(run.records.find((o) => o.id === "prim.sin.scalar")?.reason).toBe("value: shape 1×1, expected scalar");
    expect(run.records.find((o) => o.id === "prim.sin.matrix")?.status).toBe("pass");
    expect(run.records.some((o) => o.status === "error")).toBe(false);
  });

  it("lies about forward: the forward-reverse property errors instead of being skipped", async () => {
    const run = await caught("liesForward", "--filter", "property.forward-reverse", "--runs", "5");
    expect(run.records.map((o) => o.id)).toEqual(["property.forward-reverse"]);
    expect(run.records[0]?.reason).toMatch(/^jvp: the backend threw: jvp: forward mode is not implemented/);
  });

  // Two not in the catalog (`npm run selftest`): each needs a flag or a long reply of its own.
  it("stalls in hello: with --hello-timeout, the run's one outcome is (hello), a timeout", async () => {
    const run = await conform({}, "--impl", "cmd:node conformance/adapters/broken/stalls-hello.mjs", "--hello-timeout", "1000", "--runs", "0");
    expect(run.records).toEqual([{ type: "record", id: "(hello)", file: "", status: "error", fault: "timeout", reason: "hello failed: timeout: during hello: no reply within 1000 ms; the process was stopped" }]);
    expect([run.status, run.last]).toEqual([1, "conform: 0 passed, 1 failed, 0 skipped"]);
  });

  it("an endless reply: each exp case errors at the 64 MiB line limit, and the next is sent to a fresh process", async () => {
    // prim.e* selects the exp cases only: each after the first reaches the limit again, so each was
    // answered by a fresh process (the one before was killed).
    const run = await conform({}, "--impl", "cmd:node conformance/adapters/broken/endless-reply.mjs", "--filter", "prim.e*", "--runs", "0");
    expect(run.records.map((o) => o.id)).toEqual(["prim.exp.scalar", "prim.exp.scalar-negative", "prim.exp.matrix"]);
    for (const o of run.records) {
      expect(o).toMatchObject({ status: "error", fault: "protocol", reason: expect.stringMatching(/^protocol: a reply line longer than 64 MiB; the process was stopped; the line began "\{\\"id\\":\d+,\\"value\\":\[1,1,1,/) });
    }
    expect([run.status, run.last]).toEqual([1, "conform: 0 passed, 3 failed, 0 skipped"]);
  });

  it("an in-process entry as a module: mul's dropped edge fails the mul cases", async () => {
    const run = await caught("mulDroppedEdge", "--filter", "prim.mul.*", "--runs", "0");
    expect(run.records.filter((o) => o.status === "fail").map((o) => o.id)).toEqual(["prim.mul.scalar", "prim.mul.matrix", "prim.mul.same-arg", "prim.mul.same-arg-matrix"]);
  });
});
