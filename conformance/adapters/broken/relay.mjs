/**
 * What every process-level broken backend is built on: it starts the example backend
 * (../example/backend.mjs, a correct implementation of the spec) as a child process and relays
 * the JSON lines both ways, giving the broken backend a look at each request and each reply. A
 * broken backend is thus the example plus exactly one misbehaviour, in a few lines of its own.
 *
 * Conventions: `request(r)` sees each request line (parsed) before the example does and returns
 * false to keep it from the example (no reply will come); `reply(m, r)` sees each reply with the
 * request it answers and returns the reply to write (it may also write other lines first).
 *
 * @see spec/08-backends.md#backend.subprocess
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const EXAMPLE = fileURLToPath(new URL("../example/backend.mjs", import.meta.url));

/** Writes one protocol line on stdout. */
export const writeLine = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/** The case's graph nodes' primitives (none for other kinds). */
export const primitivesOf = (r) => (r.case?.graph?.nodes ?? []).map((n) => n.op);

export function relay({ request = () => true, reply = (m) => m } = {}) {
  const example = spawn(process.execPath, [EXAMPLE], { stdio: ["pipe", "pipe", "inherit"] });
  const sent = []; // requests the example will answer, oldest first (the harness sends one at a time)
  createInterface({ input: example.stdout, crlfDelay: Infinity }).on("line", (line) => writeLine(reply(JSON.parse(line), sent.shift())));
  example.on("close", (code) => process.exit(code ?? 1));
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    const r = JSON.parse(line);
    if (!request(r)) return;
    if (r.cmd !== "bye") sent.push(r);
    example.stdin.write(`${line}\n`);
  });
  // The harness closed our stdin (bye or not): the example exits on its own stdin's end, then we do.
  lines.on("close", () => example.stdin.end());
}
