// The in-process backends for two real AD libraries, tfjs (float32) and jax-js (float64), judged by
// the harness as a user runs it, and checks that their answers really come from the peer
// (spec/08-backends.md#backend.in-process).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GraphCase } from "../../reference/index.js";
import jax from "./jax-js/backend.js";
import tfjs from "./tfjs/backend.js";

const TFJS = "conformance/adapters/tfjs";
const JAX = "conformance/adapters/jax-js";

/** `npx tsx conformance/cli.ts …` as conformance/cli.test.ts runs it, asynchronously. */
function conform(...args: string[]): Promise<{ status: number | null; stdout: string; last: string | undefined }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, last: stdout.trimEnd().split("\n").at(-1) }));
  });
}

const installed = (pkg: string): string => (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;

const graph = (id: string, inputs: Record<string, GraphCase["graph"]["inputs"][number]["value"]>, nodes: GraphCase["graph"]["nodes"], output: string): GraphCase => ({
  id,
  description: id,
  kind: "graph",
  graph: { inputs: Object.entries(inputs).map(([k, value]) => ({ id: k, value })), nodes, output },
});

// One CLI at a time: each already runs its properties on two worker threads, and the machine
// has two cores.
describe("the harness on the peers (quick profile, with their expectations)", () => {
  for (const [peer, folder, minPassed] of [["tfjs", TFJS, 155], ["jax-js", JAX, 145]] as const) {
    it(`${peer}: exit 0, nothing failed`, async () => {
      // As a user runs it: the named peer with its default expectations file (spec: backend.select).
      // A listed property that passes, as jax-js's graph-gradient does in 25 runs, stays a pass
      // (spec: conform.expectations).
      const r = await conform("--impl", peer, "--profile", "quick");
      expect(r.stdout).toContain(`expectations: ${folder}/expectations.json (`);
      expect(r.last).toMatch(/^conform: \d+ passed, 0 failed, \d+ skipped$/);
      expect(Number(/(\d+) passed/.exec(r.last ?? "")?.[1])).toBeGreaterThanOrEqual(minPassed);
      expect(r.status).toBe(0);
    }, 240_000);
  }

  it("tfjs: without the expectations, a recorded deviation fails for the recorded reason", async () => {
    const r = await conform("--impl", `${TFJS}/backend.ts`, "--runs", "0", "--filter", "prim.sqrt.negative-zero-edge");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL  prim.sqrt.negative-zero-edge");
    expect(r.stdout).toContain("expected Infinity (case), got -Infinity (backend)");
  }, 120_000);

  it("jax-js: without the expectations, a recorded deviation fails for the recorded reason", async () => {
    const r = await conform("--impl", `${JAX}/backend.ts`, "--runs", "0", "--filter", "prim.relu.scalar-zero");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL  prim.relu.scalar-zero");
    expect(r.stdout).toContain("gradient.x: expected 0 (case), got 1 (backend)");
  }, 120_000);
});

describe("tfjs backend (direct)", () => {
  it("says hello with the installed package's version, float32, gradient only", () => {
    expect(tfjs.hello()).toMatchObject({ version: installed("@tensorflow/tfjs"), precision: "float32", capabilities: ["gradient"] });
  });

  it("computes in float32: ∂(x·y)/∂x is y rounded to binary32, not the double", async () => {
    const r = await tfjs.gradient(graph("t.mul", { x: 3, y: 0.1 }, [{ id: "p", op: "mul", args: ["x", "y"] }], "p"));
    expect(r.gradient.y).toBe(3);
    expect(r.gradient.x).toBe(Math.fround(0.1)); // 0.10000000149011612
    expect(r.gradient.x).not.toBe(0.1);
    expect(r.value).toBe(Math.fround(3 * Math.fround(0.1)));
  });

  it("differentiates with tfjs's own rules: sqrt'(−0) = −Infinity (1/(2·sqrt(−0))), where the spec says +Infinity", async () => {
    const r = await tfjs.gradient(graph("t.sqrt", { x: "-0" }, [{ id: "y", op: "sqrt", args: ["x"] }], "y"));
    expect(r.gradient.x).toBe(-Infinity);
  });

  it("inv and logdet, composed from tfjs ops, are differentiated by tfjs: ∇ log det A = A⁻ᵀ", async () => {
    // A = [[2, 1], [1, 3]]: det 5, A⁻ᵀ = [[3, −1], [−1, 2]]/5 (by hand).
    const r = await tfjs.gradient(graph("t.logdet", { A: [[2, 1], [1, 3]] }, [{ id: "l", op: "logdet", args: ["A"] }], "l"));
    const want = [[0.6, -0.2], [-0.2, 0.4]];
    (r.gradient.A as number[][]).forEach((row, i) => row.forEach((g, j) => expect(g).toBeCloseTo(want[i]![j]!, 6)));
    expect(r.value).toBeCloseTo(Math.log(5), 6);
  });

  it("answers where tfjs's tape has nothing to say: the output is an input, and an input that does not reach it", async () => {
    const c: GraphCase = { ...graph("t.id", { x: 2, z: [[1, 2]] }, [{ id: "y", op: "sin", args: ["z"] }], "x"), wrt: ["x", "z"] };
    expect(await tfjs.gradient(c)).toEqual({ value: 2, gradient: { x: 1, z: [[0, 0]] } });
  });

  it("raises the spec's errors where tfjs would broadcast or return NaN", async () => {
    const add = graph("t.shape", { a: [[1, 2]], b: 1 }, [{ id: "s", op: "add", args: ["a", "b"] }], "s");
    await expect(tfjs.gradient(add)).rejects.toMatchObject({ code: "E_SHAPE" });
    const log = graph("t.log", { x: -1 }, [{ id: "l", op: "log", args: ["x"] }], "l");
    await expect(tfjs.gradient(log)).rejects.toMatchObject({ code: "E_DOMAIN", message: expect.stringContaining("node l") });
  });
});

describe("jax-js backend (direct)", () => {
  it("says hello with the installed package's version, float64, gradient, forward and apply", () => {
    expect(jax.hello()).toMatchObject({ version: installed("@jax-js/jax"), precision: "float64", capabilities: ["gradient", "forward", "apply"] });
  });

  it("computes tanh by jax-js's formula: (e^(−2|x|) − 1)/(e^(−2|x|) + 1) cancels near 0 (the reason property.graph-gradient is listed)", async () => {
    const r = await jax.gradient(graph("j.tanh", { x: -1e-6 }, [{ id: "t", op: "tanh", args: ["x"] }], "t"));
    const exact = Math.tanh(-1e-6); // libm: −9.999999999996666e-7, within an ulp of the exact value
    expect(Math.abs(((r.value as number) - exact) / exact)).toBeGreaterThan(1e-12);
  });

  it("applies an operator as a jax-js function and its adjoint by jax-js's vjp, nested adjoints included", async () => {
    const A = [[1, 2], [3, 4]];
    // By hand: A·[1, 1]ᵀ = [3, 7]ᵀ, Aᵀ·[1, 0]ᵀ = [1, 2]ᵀ.
    expect(await jax.apply({ id: "j.left", description: "", kind: "operator", operator: { op: "left", matrix: A }, x: [[1], [1]], y: [[1], [0]] }))
      .toEqual({ apply: [[3], [7]], adjoint: [[1], [2]] });
    expect(await jax.apply({ id: "j.adj", description: "", kind: "operator", operator: { op: "adjoint", of: { op: "left", matrix: A } }, x: [[1], [0]], y: [[1], [1]] }))
      .toEqual({ apply: [[1], [2]], adjoint: [[3], [7]] });
    const hadamard = { id: "j.h", description: "", kind: "operator" as const, operator: { op: "hadamard" as const, matrix: [[1, 2]] }, x: [[1], [2]] };
    await expect(jax.apply(hadamard)).rejects.toMatchObject({ code: "E_SHAPE" }); // jax-js would broadcast to 2×2
  });

  it("computes in float64: ∂(x·y)/∂x is exactly the double 0.1", async () => {
    const r = await jax.gradient(graph("j.mul", { x: 3, y: 0.1 }, [{ id: "p", op: "mul", args: ["x", "y"] }], "p"));
    expect(r.gradient.x).toBe(0.1);
    expect(r.value).toBe(3 * 0.1);
  });

  it("differentiates with jax-js's own rules: relu'(0) = 1 (maximum's jvp at a tie), where the spec says 0", async () => {
    const r = await jax.gradient(graph("j.relu", { x: 0 }, [{ id: "y", op: "relu", args: ["x"] }], "y"));
    expect(r.gradient.x).toBe(1);
  });

  it("uses a cotangent through jax.vjp, and jvp through jax.jvp", async () => {
    const c: GraphCase = { ...graph("j.vjp", { x: [[1, 2]] }, [{ id: "y", op: "sin", args: ["x"] }], "y"), cotangent: [[2, -1]] };
    const r = await jax.gradient(c);
    expect(r.gradient.x).toEqual([[2 * Math.cos(1), -Math.cos(2)]]);
    const t = await jax.jvp(graph("j.jvp", { x: 0.5, y: 2 }, [{ id: "p", op: "mul", args: ["x", "y"] }, { id: "s", op: "sin", args: ["p"] }], "s"), { x: 3 });
    // d sin(xy) along (3, 0) = 3·y·cos(xy) = 6 cos(1), within a few ulps of the libm value.
    expect(t.value).toBeCloseTo(Math.sin(1), 15);
    expect(Math.abs((t.tangent as number) - 6 * Math.cos(1))).toBeLessThan(1e-14);
    await expect(jax.jvp(c, { q: 1 })).rejects.toMatchObject({ code: "E_UNKNOWN_ID" });
    await expect(jax.jvp(c, { x: 1 })).rejects.toMatchObject({ code: "E_SHAPE" });
  });

  it("raises the spec's errors: singular inv is E_DOMAIN by the spec's elimination, not jax-js's Infinity", async () => {
    const inv = graph("j.inv", { A: [[1, 2], [2, 4]] }, [{ id: "B", op: "inv", args: ["A"] }, { id: "s", op: "sum", args: ["B"] }], "s");
    await expect(jax.gradient(inv)).rejects.toMatchObject({ code: "E_DOMAIN", message: expect.stringContaining("node B") });
  });
});
