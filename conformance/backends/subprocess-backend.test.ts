// Subprocess backends and their faults: a crash, a hang, garbage, a partial line, a wrong id, a
// malformed reply, stray output and a failed hello each cost one request, with its own reason; the
// run goes on and the next request starts a fresh process (spec: backend.faults, backend.restart).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { runSuite } from "../run/run-suite.js";
import { BackendSpecError, createSubprocessBackend, loadBackend, type SpawnFunction, type SubprocessBackend } from "./index.js";

const FAKE = "conformance/backends/fixtures/fake-backend.mjs";
const EXAMPLE = "conformance/adapters/example/backend.mjs";
const node = JSON.stringify(process.execPath);

/** A graph case y = neg(x) at x = 2 that the fake answers (or not) according to its id. */
const negCase = (id: string) => ({
  id,
  description: "y = neg(x)",
  kind: "graph" as const,
  graph: { inputs: [{ id: "x", value: 2 }], nodes: [{ id: "y", op: "neg", args: ["x"] }], output: "y" },
  expect: { value: -2, gradient: { x: -1 } },
  provenance: { method: "hand" as const, source: "d(−x)/dx = −1" },
});

function caseFile(ids: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "conform-faults-"));
  writeFileSync(join(dir, "faults.json"), JSON.stringify({ cases: ids.map(negCase) }));
  return dir;
}

describe("faults of a subprocess backend", () => {
  it("each fault errors its own request with its own reason; every other case passes", async () => {
    const state = mkdtempSync(join(tmpdir(), "fake-state-"));
    const ids = [
      "fx.ok.1", "fx.crash", "fx.ok.2", "fx.hang", "fx.ok.3", "fx.garbage", "fx.ok.4", "fx.partial", "fx.ok.5",
      "fx.wrong-id", "fx.ok.6", "fx.schema", "fx.ok.7", "fx.chatty", "fx.ok.8", "fx.ok.9", "fx.break-hello", "fx.ok.10", "fx.ok.11",
    ];
    const backend = (await loadBackend(`cmd:${node} ${FAKE} --state ${JSON.stringify(state)}`, { timeoutMs: 1000 })) as SubprocessBackend;
    const outcomes = await runSuite(backend, { cases: [caseFile(ids)] });
    await backend.close();
    const by = Object.fromEntries(outcomes.map((o) => [o.id, o]));
    expect(outcomes.map((o) => o.id)).toEqual(ids);

    expect(by["fx.crash"]).toMatchObject({ status: "error", fault: "crashed", reason: expect.stringMatching(/^crashed: the process exited with code 3; stderr: "fake: Error: crashing on purpose"$/) });
    expect(by["fx.hang"]).toMatchObject({ status: "error", fault: "timeout", reason: "timeout: no reply within 1000 ms; the process was stopped" });
    expect(by["fx.garbage"]).toMatchObject({ status: "error", fault: "protocol", reason: 'protocol: the reply is not JSON: "this is not JSON"' });
    expect(by["fx.partial"]).toMatchObject({ status: "error", fault: "crashed", reason: expect.stringMatching(/^crashed: the process exited with code 0 in the middle of a reply line "\{\\"id\\":\d+,\\"val"$/) });
    expect(by["fx.wrong-id"]).toMatchObject({ status: "error", fault: "protocol", reason: expect.stringMatching(/^protocol: the reply carries the id (\d+), the request \d+$/) });
    expect(by["fx.schema"]).toMatchObject({ status: "error", fault: "protocol", reason: expect.stringMatching(/^protocol: malformed gradient reply at \/value: not a number: "minus x"/) });
    // A correct reply followed by a stray line: the stray line is the next request's fault.
    expect(by["fx.chatty"]?.status).toBe("pass");
    expect(by["fx.ok.8"]).toMatchObject({ status: "error", fault: "protocol", reason: expect.stringMatching(/^protocol: (output no request asked for|the reply carries no id)/) });
    // A crash whose restart fails during hello: that request errors, the one after gets a working process.
    expect(by["fx.break-hello"]).toMatchObject({ status: "error", fault: "crashed" });
    expect(by["fx.ok.10"]).toMatchObject({ status: "error", fault: "crashed", reason: expect.stringMatching(/^crashed: during hello: the process exited with code 4; stderr: "fake: refusing to say hello"$/) });

    const passing = ids.filter((id) => id.startsWith("fx.ok.") && id !== "fx.ok.8" && id !== "fx.ok.10");
    for (const id of [...passing, "fx.chatty"]) expect(by[id], id).toMatchObject({ status: "pass" });
    // Fresh processes after: crash, hang, garbage, partial, wrong id, stray line, break-hello (2 starts): 1 + 8.
    // A malformed reply keeps the process: the stream is still in step.
    expect(backend.starts).toBe(9);
  });

  it("a backend that cannot say hello ends the run with one error, and the harness survives", async () => {
    const backend = await loadBackend(`cmd:${node} ${FAKE} --always-fail-hello`, { timeoutMs: 2000 });
    const outcomes = await runSuite(backend, { cases: [caseFile(["fx.ok.1"])] });
    await backend.close();
    expect(outcomes).toEqual([
      { id: "(hello)", file: "", status: "error", fault: "crashed", reason: expect.stringMatching(/^hello failed: crashed: during hello: the process exited with code 4/) },
    ]);
  });

  it("hello has its own, longer limit (start-up included): a slow start is not a timeout unless it passes that limit", async () => {
    // A program that needs 1.5 s to say hello, with a case limit of 500 ms (spec: backend.timeout).
    const slow = await loadBackend(`cmd:${node} ${FAKE} --slow-hello 1500`, { timeoutMs: 500 });
    const outcomes = await runSuite(slow, { cases: [caseFile(["fx.ok.1"])] });
    await slow.close();
    expect(outcomes).toEqual([expect.objectContaining({ id: "fx.ok.1", status: "pass" })]);
    // The same program with hello limited to 500 ms: the hello times out, and the reason says so.
    const strict = await loadBackend(`cmd:${node} ${FAKE} --slow-hello 1500`, { timeoutMs: 500, helloTimeoutMs: 500 });
    await expect(strict.hello()).rejects.toMatchObject({ kind: "timeout", message: "during hello: no reply within 500 ms; the process was stopped" });
    await strict.close();
  });

  it("a 3 MiB stderr line is shown cut at 1 MiB, the lines after it whole (spec: backend.line-limit)", async () => {
    // Writes 3 MiB on stderr without a line break, then a line, then says hello.
    const program = `process.stderr.write("e".repeat(3 * 2 ** 20)); process.stderr.write(" end\\nafter\\n", () => process.stdin.once("data", () => process.stdout.write(JSON.stringify({ name: "loud", version: "0", capabilities: [], precision: "float64", protocol: 1 }) + "\\n")));`;
    const shown: string[] = [];
    const backend = createSubprocessBackend([process.execPath, "-e", program], { timeoutMs: 10_000, onStderr: (line) => shown.push(line) });
    expect((await backend.hello()).name).toBe("loud");
    await backend.close();
    expect(shown).toEqual([`${"e".repeat(120)}… (cut: a stderr line longer than 1 MiB)`, "after"]);
  });

  it("a reply whose id is nested 10⁵ deep is a protocol fault, not an exception in the stdout handler (found by fuzzing)", async () => {
    // After hello, the program answers every request with {"id":[[[…1…]]]} (valid JSON).
    const script = `const rl=require("readline").createInterface({input:process.stdin});rl.on("line",(l)=>{const r=JSON.parse(l);if(r.cmd==="hello")process.stdout.write(JSON.stringify({name:"deep",version:"0",capabilities:["gradient"],precision:"float64",protocol:1})+"\\n");else if(r.cmd==="bye")process.exit(0);else process.stdout.write('{"id":'+"[".repeat(100000)+"1"+"]".repeat(100000)+'}\\n');});`;
    const deep = createSubprocessBackend([process.execPath, "-e", script], { timeoutMs: 5000 });
    const outcomes = await runSuite(deep, { cases: [caseFile(["fx.ok.1"])] });
    await deep.close();
    expect(outcomes).toEqual([expect.objectContaining({ id: "fx.ok.1", status: "error", fault: "protocol", reason: expect.stringMatching(/^protocol: the reply carries a non-numeric id \(the line: "\{\\"id\\":\[\[\[/) })]);
  });

  it("a program that does not exist is a crash with the reason, not an exception", async () => {
    const backend = await loadBackend("cmd:./no-such-backend-program --flag", { timeoutMs: 2000 });
    await expect(backend.hello()).rejects.toMatchObject({ kind: "crashed", message: expect.stringMatching(/cannot run "\.\/no-such-backend-program": .*ENOENT/) });
    await backend.close();
  });
});

describe("the process is spawned without a shell", () => {
  it("passes the argument vector verbatim; shell syntax in arguments and case data is inert", async () => {
    const dir = mkdtempSync(join(tmpdir(), "no-shell-"));
    const pwnedByArg = join(dir, "pwned-by-arg");
    const pwnedByCase = join(dir, "pwned-by-case");
    const calls: { command: string; args: readonly string[]; shell: unknown }[] = [];
    const recording: SpawnFunction = (command, args, options) => {
      calls.push({ command, args, shell: options.shell });
      return spawn(command, [...args], options);
    };
    const evil = `x; touch ${pwnedByArg} && rm -rf ${dir}`;
    const backend = await loadBackend(`cmd:${node} ${FAKE} '${evil}' "$HOME" \`id\``, { spawn: recording, timeoutMs: 5000 });
    const c = { ...negCase("fx.argv"), id: `fx.argv; touch ${pwnedByCase}`, description: `$(touch ${pwnedByCase})` } as GraphCase;
    const error = await backend.gradient(c).catch((e: unknown) => e);
    // Case data full of shell syntax, which the fake echoes back as the request line it read.
    const shelly = [`$(touch ${pwnedByCase})`, `\`touch ${pwnedByCase}\``, `; touch ${pwnedByCase};`, `| tee ${pwnedByCase}`, `> ${pwnedByCase}`, "$HOME", "'\"\\\n"];
    const e = {
      ...negCase("fx.echo"),
      id: `fx.echo ${shelly.slice(0, 3).join(" ")}`,
      description: shelly.join(" "),
      graph: { inputs: [{ id: `x${shelly[2]}`, value: 2 }], nodes: [{ id: `y${shelly[0]}`, op: "neg", args: [`x${shelly[2]}`] }], output: `y${shelly[0]}` },
    } as GraphCase;
    const echo = await backend.gradient(e).catch((x: unknown) => x);
    await backend.close();

    expect(echo).toBeInstanceOf(BackendSpecError);
    const line = (echo as BackendSpecError).message;
    const got = JSON.parse(line) as { cmd: string; case: GraphCase };
    // Verbatim: the program read the case exactly as sent, every metacharacter in place.
    expect(got.cmd).toBe("gradient");
    expect(got.case).toEqual(e);
    for (const text of shelly) expect(line).toContain(JSON.stringify(text).slice(1, -1));

    expect(calls).toEqual([{ command: process.execPath, args: [FAKE, evil, "$HOME", "`id`"], shell: false }]);
    expect(error).toBeInstanceOf(BackendSpecError);
    expect(JSON.parse((error as BackendSpecError).message)).toEqual([evil, "$HOME", "`id`"]);
    expect(existsSync(pwnedByArg)).toBe(false);
    expect(existsSync(pwnedByCase)).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });
});

describe("the example backend over the wire", () => {
  const example = () => createSubprocessBackend([process.execPath, EXAMPLE], { timeoutMs: 5000 });

  it("NaN, ±Infinity and −0 survive the trip both ways (spec: backend.numbers)", async () => {
    const backend = example();
    const c: GraphCase = {
      id: "wire.neg.specials",
      description: "neg of special values",
      kind: "graph",
      graph: { inputs: [{ id: "x", value: [[-0, 0, NaN, Infinity, -Infinity]] }], nodes: [{ id: "y", op: "neg", args: ["x"] }], output: "y" },
      cotangent: [[1, 1, 1, 1, 1]],
    };
    const r = await backend.gradient(c);
    await backend.close();
    const [row] = r.value as number[][];
    expect(Object.is(row?.[0], 0)).toBe(true);
    expect(Object.is(row?.[1], -0)).toBe(true);
    expect(row?.slice(2)).toEqual([NaN, -Infinity, Infinity]);
    expect(r.gradient["x"]).toEqual([[-1, -1, -1, -1, -1]]);
  });

  it("jvp (capability forward) agrees with the reference's forward mode (spec: system.forward)", async () => {
    const backend = example();
    expect((await backend.hello()).capabilities).toContain("forward");
    const c: GraphCase = {
      id: "wire.jvp",
      description: "l = ⟨Ax, Ax⟩ along a tangent",
      kind: "graph",
      graph: {
        inputs: [{ id: "A", value: [[1, 2], [3, 4]] }, { id: "x", value: [[1], [1]] }],
        nodes: [{ id: "y", op: "matmul", args: ["A", "x"] }, { id: "t", op: "tanh", args: ["y"] }, { id: "l", op: "dot", args: ["t", "y"] }],
        output: "l",
      },
    };
    const tangent = { x: [[1], [0]], A: [[0.5, 0], [0, "-0.25"]] };
    const [wire, local] = [await backend.jvp(c, tangent), reference.jvp(c, tangent)];
    await backend.close();
    expect(wire.value).toBeCloseTo(local.value as number, 14);
    expect(wire.tangent).toBeCloseTo(local.tangent as number, 14);
  });
});
