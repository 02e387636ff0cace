// `--impl` resolution and in-process backends: the reference, the adnn peers by name, a module by
// path (default or named export), plain objects thrown as spec errors, asynchronous answers and their timeout
// (spec: backend.select, backend.in-process).
import { describe, expect, it } from "vitest";
import { judge } from "../run/judge.js";
import { runSuite } from "../run/run-suite.js";
import { BackendFault, loadBackend, wrapInProcess } from "./index.js";

const graph = (id: string, op: string) => ({
  id,
  description: `y = ${op}(x)`,
  kind: "graph" as const,
  graph: { inputs: [{ id: "x", value: 2 }], nodes: [{ id: "y", op, args: ["x"] }], output: "y" },
});

describe("loadBackend", () => {
  it("`impl` and `reference` name the in-process backends, and both pass the paper cases", async () => {
    for (const name of ["impl", "reference"]) {
      const backend = await loadBackend(name);
      expect((await backend.hello()).name).toBe(name);
      const outcomes = await runSuite(backend, { cases: ["conformance/cases"], filter: "paper.*" });
      expect(outcomes.length).toBeGreaterThanOrEqual(5);
      expect(outcomes.filter((o) => o.status !== "pass")).toEqual([]);
    }
  });

  it("a module path with a named `backend` export passes the paper cases", async () => {
    const backend = await loadBackend("conformance/backends/fixtures/module-backend.ts");
    const outcomes = await runSuite(backend, { cases: ["conformance/cases"], filter: "paper.*" });
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((o) => o.status !== "pass")).toEqual([]);
  });

  it("a plain JavaScript default export: async answers, plain objects thrown as spec errors, timeouts", async () => {
    const backend = await loadBackend("./conformance/backends/fixtures/plain-backend.mjs", { timeoutMs: 200 });
    expect(await backend.hello()).toEqual({ name: "plain", version: "0", capabilities: ["gradient"], precision: "float64" });
    expect(await backend.gradient(graph("neg", "neg"))).toEqual({ value: -2, gradient: { x: -1 } });
    await expect(backend.gradient(graph("exp", "exp"))).rejects.toMatchObject({ name: "BackendSpecError", code: "E_UNKNOWN_OP" });
    await expect(backend.gradient(graph("hang", "neg"))).rejects.toEqual(new BackendFault("timeout", "no answer within 200 ms"));
    const wrong = { file: "x.json", case: { ...graph("plain.exp", "exp"), expect: { error: "E_DOMAIN" as const } } };
    expect(await judge(wrong, backend, ["gradient"])).toMatchObject({ status: "fail", reason: "expected E_DOMAIN, got E_UNKNOWN_OP: plain knows neg only, not exp" });
  });

  it("`adnn` and `adnn-patched` name the adnn peers: as published it errors on matmul, patched it passes", async () => {
    // Published first: the patch is a global, so once patched.ts is loaded it reaches both.
    const published = await loadBackend("adnn");
    expect((await published.hello()).name).toBe("adnn");
    const before = await runSuite(published, { cases: ["conformance/cases"], filter: "paper.*" });
    expect(before.filter((o) => o.status === "error")).toEqual([expect.objectContaining({ id: "paper.mlp.showcase", reason: "backend threw: ad is not defined" })]);
    const patched = await loadBackend("adnn-patched");
    expect((await patched.hello()).name).toBe("adnn-patched");
    const after = await runSuite(patched, { cases: ["conformance/cases"], filter: "paper.*" });
    expect(after.find((o) => o.id === "paper.mlp.showcase")?.status).toBe("pass");
    expect(after.filter((o) => o.status === "fail" || o.status === "error")).toEqual([]);
    delete (globalThis as { ad?: unknown }).ad;
  });

  it("names what it accepts when --impl is unknown, missing or not a backend", async () => {
    await expect(loadBackend("torch")).rejects.toThrow(/^unknown --impl "torch"; known: impl, reference, tfjs, jax-js, adnn, adnn-patched, pytorch, a path to a module/);
    await expect(loadBackend("./nowhere.mjs")).rejects.toThrow(/there is no file .*nowhere\.mjs/);
    await expect(loadBackend("conformance/backends/split-command.ts")).rejects.toThrow(/is not a backend with hello\(\)/);
    await expect(loadBackend("cmd:  ")).rejects.toThrow(/names no program/);
    await expect(loadBackend("cmd:node 'open")).rejects.toThrow(/unterminated/);
  });
});

describe("in-process answers are read as wire replies", () => {
  it("a malformed result is a protocol fault; a non-spec exception is passed on", async () => {
    const backend = wrapInProcess({
      hello: () => ({ name: "odd", version: "0", capabilities: ["gradient"], precision: "float64" }),
      gradient: (c) => {
        if (c.id === "throws") throw new TypeError("oops");
        return c.id === "array" ? [1, 2] : { value: new Float64Array([1]), gradient: {} };
      },
    });
    await expect(backend.gradient(graph("typed", "neg"))).rejects.toMatchObject({ kind: "protocol", message: expect.stringMatching(/^malformed gradient reply at \/value/) });
    await expect(backend.gradient(graph("array", "neg"))).rejects.toMatchObject({ kind: "protocol", message: expect.stringMatching(/must be object/) });
    await expect(backend.gradient(graph("throws", "neg"))).rejects.toThrow(TypeError);
  });

  it("a hello that lacks members is a protocol fault", async () => {
    const backend = wrapInProcess({ hello: () => ({ name: "x", capabilities: [] }) });
    await expect(backend.hello()).rejects.toMatchObject({ kind: "protocol", message: expect.stringMatching(/missing required field "version"/) });
  });
});
