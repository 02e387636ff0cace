/**
 * A scripted stand-in for a backend process, for {@link SubprocessSession}'s `spawn` hook: the
 * session's real code (line splitting, UTF-8 decoding of the pipe, id checks, faults, restarts)
 * runs against replies the script writes as raw bytes, in chunks, with an ending — without the
 * cost of starting a process per mutant.
 *
 * @see spec/08-backends.md#backend.subprocess
 */
import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { PassThrough, Writable } from "node:stream";

/** What the fake does with one request line: bytes to write in chunks, then an ending. */
export interface FakeAnswer {
  readonly chunks: readonly Buffer[];
  readonly ending: "exit" | "kill" | "stay";
}

/**
 * A fake process answering each request line (parsed) with the script's answer. The reader's
 * stdout handlers run inside `write`: whatever they throw, which with a real process would be an
 * uncaught exception that ends the harness, goes to `onReaderThrew` instead.
 */
export function fakeChild(script: (request: Record<string, unknown>) => FakeAnswer, onReaderThrew: (e: unknown) => void = (e) => { throw e; }): ChildProcess {
  const child = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let closed = false;
  let pending = "";
  const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (closed) return;
    closed = true;
    // As with a real process, everything written reaches the reader before "close".
    stdout.end();
    stderr.end();
    setImmediate(() => child.emit("close", code, signal));
  };
  const stdin = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() as string;
      for (const line of lines) {
        if (closed) break;
        const request = JSON.parse(line) as Record<string, unknown>;
        if (request["cmd"] === "bye") {
          finish(0, null);
          break;
        }
        const answer = script(request);
        setImmediate(() => {
          // A write may make the reader kill the process (a bad line): the rest is never written.
          for (const c of answer.chunks) {
            if (closed) break;
            try {
              stdout.write(c);
            } catch (e) {
              onReaderThrew(e);
            }
          }
          if (closed) return;
          if (answer.ending === "exit") finish(3, null);
          else if (answer.ending === "kill") finish(null, "SIGSEGV");
        });
      }
      done();
    },
    final(done) {
      finish(0, null);
      done();
    },
  });
  Object.assign(child, { stdin, stdout, stderr, pid: 4242, kill: (signal: NodeJS.Signals = "SIGTERM") => (finish(null, signal), true) });
  return child as unknown as ChildProcess;
}
