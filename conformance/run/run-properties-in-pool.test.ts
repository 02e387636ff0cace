// The property pool (--jobs n): same outcomes and order as the in-thread run, a dying worker costs
// one errored property and nothing more, aborting gives nothing; and the order-keeping emitter.
import { describe, expect, it } from "vitest";
import { reference } from "../../reference/index.js";
import { wrapInProcess } from "../backends/index.js";
import { OrderedEmitter } from "./ordered-emitter.js";
import type { Outcome } from "./outcome.js";
import { runProperties } from "./run-properties.js";
import { runPropertiesInPool } from "./run-properties-in-pool.js";

describe("OrderedEmitter", () => {
  it("passes values on in slot order whatever order they arrive in", () => {
    const seen: string[] = [];
    const e = new OrderedEmitter<string>(4, (v, slot) => seen.push(`${slot}${v}`));
    e.put(2, "c");
    e.put(3, "d");
    expect(seen).toEqual([]);
    e.put(0, "a");
    expect(seen).toEqual(["0a"]);
    expect(() => e.values()).toThrow(/1 slots are still empty/);
    e.put(1, "b");
    expect(seen).toEqual(["0a", "1b", "2c", "3d"]);
    expect(e.values()).toEqual(["a", "b", "c", "d"]);
    expect(() => e.put(1, "again")).toThrow(/already filled/);
  });
});

describe("runPropertiesInPool", () => {
  it("gives the in-thread outcomes, streamed and returned in PROPERTIES order", async () => {
    const options = { seed: 7, runs: 4 };
    const inThread = await runProperties(wrapInProcess(reference), options);
    const streamed: Outcome[] = [];
    const pooled = await runPropertiesInPool({ impl: "reference" }, { ...options, jobs: 2, onOutcome: (o) => streamed.push(o) });
    expect(inThread.map((o) => o.id)).toContain("property.graph-gradient");
    expect(pooled).toEqual(inThread);
    expect(streamed).toEqual(inThread);
  });

  it("turns a worker killed by its backend into that property's error and goes on", async () => {
    const match = (id: string): boolean => ["property.law.reversal", "property.kink-convention", "property.graph-gradient"].includes(id);
    const out = await runPropertiesInPool({ impl: "conformance/run/pool-crash-fixture.ts" }, { seed: 1, runs: 5, jobs: 2, match });
    expect(out.map((o) => [o.id, o.status])).toEqual([
      ["property.law.reversal", "pass"],
      ["property.kink-convention", "error"],
      ["property.graph-gradient", "error"],
    ]);
    expect(out[2]).toMatchObject({ fault: "crashed", reason: expect.stringContaining("the worker thread running it died (pool-crash-fixture: the backend blew up its thread)") });
  });

  it("reports a backend the worker cannot load as each property's error", async () => {
    const out = await runPropertiesInPool({ impl: "./no-such-backend.ts" }, { seed: 1, runs: 5, jobs: 2, match: (id) => id.startsWith("property.law.") });
    expect(out).toHaveLength(6);
    expect(out.every((o) => o.status === "error" && o.reason?.startsWith("the worker thread could not load the backend: unknown --impl"))).toBe(true);
  });

  it("settles with no outcomes, and streams none, once aborted", async () => {
    const stop = new AbortController();
    const streamed: Outcome[] = [];
    const pending = runPropertiesInPool({ impl: "reference" }, { seed: 1, runs: 1000, jobs: 2, signal: stop.signal, onOutcome: (o) => streamed.push(o) });
    setTimeout(() => stop.abort(), 200);
    expect(await pending).toEqual([]);
    expect(streamed).toEqual([]);
  });

  it("runs nothing for no runs or no selected property", async () => {
    expect(await runPropertiesInPool({ impl: "reference" }, { seed: 1, runs: 0, jobs: 2 })).toEqual([]);
    expect(await runPropertiesInPool({ impl: "reference" }, { seed: 1, runs: 5, jobs: 2, match: () => false })).toEqual([]);
  });
});
