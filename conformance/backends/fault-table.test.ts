// The fault table of spec/08-backends.md#backend.faults, one fixture per fault, in one run: for
// each, the outcome's status, its fault kind (or, for a wrong answer, its fail reason), whether the
// request after it is answered by a fresh process (backend.restart), and that the run goes on to
// judge the next case. A wrong answer on the wire — NaN where a finite value is due, a wrong
// shape — is the backend's answer: it fails and keeps the process. Then the printed summary's
// fault counts by kind (backend.faults: "Faults are counted by kind in the summary").
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Outcome } from "../run/outcome.js";
import { printReport } from "../run/print-report.js";
import { runSuite } from "../run/run-suite.js";
import type { GraphCase } from "../../reference/index.js";
import { BackendFault, createSubprocessBackend, type FaultKind } from "./index.js";

const FAKE = "conformance/backends/fixtures/fake-backend.mjs";

/** What one outcome must be: its status, its fault kind (none for a pass or fail), its reason. */
interface Expected {
  readonly status: Outcome["status"];
  readonly fault?: FaultKind;
  readonly reason?: RegExp;
}

interface Row {
  /** The fake's fault, named in the case id (fixtures/fake-backend.mjs). */
  readonly fault: string;
  readonly outcome: Expected;
  /** When the fault is charged to the request after (stray output, a restart whose hello fails). */
  readonly next?: Expected;
  /** Whether the fault ended the process, so that the next case is answered by a fresh one. */
  readonly restarts: boolean;
}

// Room for a reply on a loaded machine; the hang and the stalled hello each cost one limit.
const TIMEOUT_MS = 2000;
const HELLO_TIMEOUT_MS = 4000;
/** A lower reply-line limit than the default, so the endless line is cut quickly under any load. */
const MAX_LINE_BYTES = 2 ** 20;

const TABLE: readonly Row[] = [
  { fault: "crash", restarts: true, outcome: { status: "error", fault: "crashed", reason: /^crashed: the process exited with code 3; stderr: "fake: Error: crashing on purpose"$/ } },
  { fault: "hang", restarts: true, outcome: { status: "error", fault: "timeout", reason: new RegExp(`^timeout: no reply within ${TIMEOUT_MS} ms; the process was stopped$`) } },
  { fault: "partial", restarts: true, outcome: { status: "error", fault: "crashed", reason: /^crashed: the process exited with code 0 in the middle of a reply line "\{\\"id\\":\d+,\\"val"$/ } },
  { fault: "garbage", restarts: true, outcome: { status: "error", fault: "protocol", reason: /^protocol: the reply is not JSON: "this is not JSON"$/ } },
  // The fixture writes one line until it is killed (the default limit: the last test).
  { fault: "huge", restarts: true, outcome: { status: "error", fault: "protocol", reason: /^protocol: a reply line longer than 1 MiB; the process was stopped; the line began "\{\\"id\\":\d+,\\"value\\":\[1,1,1,/ } },
  { fault: "wrong-id", restarts: true, outcome: { status: "error", fault: "protocol", reason: /^protocol: the reply carries the id \d+, the request \d+$/ } },
  { fault: "schema", restarts: false, outcome: { status: "error", fault: "protocol", reason: /^protocol: malformed gradient reply at \/value: not a number: "minus x"/ } },
  // A well-formed reply with a wrong value: judged (conform.outcome), and the reason says NaN.
  { fault: "nan", restarts: false, outcome: { status: "fail", reason: /^gradient\.x: expected -1 \(case\), got NaN \(backend\)/ } },
  { fault: "wrong-shape", restarts: false, outcome: { status: "fail", reason: /^gradient\.x: shape 1×1, expected scalar/ } },
  {
    fault: "chatty", restarts: true, outcome: { status: "pass" },
    next: { status: "error", fault: "protocol", reason: /^protocol: (output no request asked for|the reply carries no id)/ },
  },
  {
    fault: "break-hello", restarts: true, outcome: { status: "error", fault: "crashed", reason: /^crashed: the process exited with code 3/ },
    next: { status: "error", fault: "crashed", reason: /^crashed: during hello: the process exited with code 4; stderr: "fake: refusing to say hello"$/ },
  },
  {
    fault: "stall-hello", restarts: true, outcome: { status: "error", fault: "crashed", reason: /^crashed: the process exited with code 3/ },
    next: { status: "error", fault: "timeout", reason: new RegExp(`^timeout: during hello: no reply within ${HELLO_TIMEOUT_MS} ms; the process was stopped$`) },
  },
];

/** A graph case y = neg(x) at x = 2 that the fake answers (or not) according to its id. */
const negCase = (id: string) => ({
  id,
  description: "y = neg(x)",
  kind: "graph",
  graph: { inputs: [{ id: "x", value: 2 }], nodes: [{ id: "y", op: "neg", args: ["x"] }], output: "y" },
  expect: { value: -2, gradient: { x: -1 } },
  provenance: { method: "hand", source: "d(−x)/dx = −1" },
});

/**
 * The case ids of the k-th row: its fault, the case the fault may be charged to, and one that must
 * pass (numbered: the fake reads its faults from the id, so these ids name none).
 */
const idsOf = (row: Row, k: number): string[] => [`fx.${row.fault}`, ...(row.next ? [`fx.ok.${k}.next`] : []), `fx.ok.${k}.after`];

function check(o: Outcome | undefined, want: Expected, what: string): void {
  expect(o?.status, what).toBe(want.status);
  expect(o?.fault, what).toBe(want.fault);
  if (want.reason) expect(o?.reason, what).toMatch(want.reason);
}

describe("each backend fault gets its own status, a fresh process where due, and the run goes on", () => {
  it("one run through the whole table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fault-table-"));
    const ids = ["fx.ok.first", ...TABLE.flatMap((row, k) => idsOf(row, k))];
    writeFileSync(join(dir, "faults.json"), JSON.stringify({ cases: ids.map(negCase) }));
    const backend = createSubprocessBackend([process.execPath, FAKE, "--state", dir], { timeoutMs: TIMEOUT_MS, helloTimeoutMs: HELLO_TIMEOUT_MS, maxLineBytes: MAX_LINE_BYTES });
    // The processes started when each outcome was known: a fresh process shows as one more start.
    const startsAt = new Map<string, number>();
    const outcomes = await runSuite(backend, { cases: [dir], onOutcome: (o) => startsAt.set(o.id, backend.starts) });
    await backend.close();

    expect(outcomes.map((o) => o.id)).toEqual(ids);
    const by = new Map(outcomes.map((o) => [o.id, o]));
    expect(by.get("fx.ok.first")?.status).toBe("pass");
    for (const [k, row] of TABLE.entries()) {
      const [faulty, ...rest] = idsOf(row, k);
      check(by.get(faulty as string), row.outcome, row.fault);
      if (row.next) check(by.get(rest[0] as string), row.next, `${row.fault}: the request after`);
      // The run goes on: the case after the row is judged, and passes.
      const after = rest.at(-1) as string;
      expect(by.get(after)?.status, `${row.fault}: the case after`).toBe("pass");
      // Fresh processes: one for the restart, and one more when a restarted hello failed.
      const fresh = (row.restarts ? 1 : 0) + (row.next && row.fault.endsWith("-hello") ? 1 : 0);
      expect((startsAt.get(after) as number) - (startsAt.get(faulty as string) as number), `${row.fault}: processes started`).toBe(fresh);
    }

    // The summary counts faults by kind; each errored outcome also counts as failed.
    const lines: string[] = [];
    printReport(outcomes, { log: (l) => lines.push(l) });
    const kinds = (k: FaultKind): number => outcomes.filter((o) => o.fault === k).length;
    expect([kinds("crashed"), kinds("timeout"), kinds("protocol")]).toEqual([5, 2, 5]);
    expect(lines.at(-2)).toBe("errored: 12 (counted as failed; 5 crashed, 2 timeout, 5 protocol)");
    expect(lines.at(-1)).toBe(`conform: ${ids.length - 14} passed, 14 failed, 0 skipped`);
  }, 60_000);

  it("the default reply-line limit, 64 MiB, is reached by a line without end, and the next case is answered", async () => {
    // A generous case limit: 64 MiB must pass through the pipe before the limit is reached.
    const backend = createSubprocessBackend([process.execPath, FAKE], { timeoutMs: 30_000 });
    const fault = await backend.gradient(negCase("fx.huge") as GraphCase).catch((e: unknown) => e);
    expect(fault).toBeInstanceOf(BackendFault);
    expect(fault).toMatchObject({ kind: "protocol", message: expect.stringMatching(/^a reply line longer than 64 MiB; the process was stopped; the line began "\{\\"id\\":1,\\"value\\":\[1,1,/) });
    expect((await backend.gradient(negCase("fx.ok") as GraphCase)).gradient).toEqual({ x: -1 });
    expect(backend.starts).toBe(2);
    await backend.close();
  }, 60_000);
});
