// An in-process backend whose answer is a promise that never settles is bounded like a subprocess:
// hello by its own limit, a case by --timeout, each a fault "timeout" that costs that request
// only. (A synchronous function that never returns cannot be bounded in its thread; the spec says
// so and this file does not try; see spec/08-backends.md#backend.timeout)
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { BackendFault, wrapInProcess, type InProcessModule } from "./index.js";

const negCase = (id: string): GraphCase => ({
  id,
  description: "y = neg(x)",
  kind: "graph",
  graph: { inputs: [{ id: "x", value: 2 }], nodes: [{ id: "y", op: "neg", args: ["x"] }], output: "y" },
});

/** The reference, except that a case whose id contains "hang" (or, with `helloHangs`, hello) never settles. */
function hanging(helloHangs = false): InProcessModule {
  return {
    hello: () => (helloHangs ? new Promise(() => undefined) : reference.hello()),
    gradient: (c: GraphCase) => (c.id.includes("hang") ? new Promise(() => undefined) : reference.gradient(c)),
  };
}

describe("an asynchronous in-process hang is bounded (spec: backend.timeout)", () => {
  it("a case: a timeout fault after --timeout, and the next case is answered", async () => {
    const backend = wrapInProcess(hanging(), { timeoutMs: 100 });
    await backend.hello();
    const fault = await backend.gradient(negCase("hang")).catch((e: unknown) => e);
    expect(fault).toBeInstanceOf(BackendFault);
    expect(fault).toMatchObject({ kind: "timeout", message: "no answer within 100 ms" });
    expect((await backend.gradient(negCase("ok"))).gradient).toEqual({ x: -1 });
  });

  it("hello: bounded by its own limit, not by the case limit", async () => {
    const backend = wrapInProcess(hanging(true), { timeoutMs: 10_000, helloTimeoutMs: 100 });
    await expect(backend.hello()).rejects.toMatchObject({ kind: "timeout", message: "no answer within 100 ms" });
  });
});
