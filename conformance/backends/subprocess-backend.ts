/**
 * A backend in another process, over JSON lines (`cmd:<program and args>`). Requests are sent one
 * at a time. The first request starts the process and says hello; a crash, exit, timeout or
 * protocol fault costs the request it hit (or, if it happened between requests, the next one) and
 * nothing more: the request after that starts a fresh process, which says hello again.
 *
 * @see spec/08-backends.md#backend.subprocess
 * @see spec/08-backends.md#backend.restart
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase } from "../../reference/index.js";
import type { Backend, CaseCommand, Hello } from "./backend.js";
import { BackendFault } from "./backend-fault.js";
import { readHello } from "./read-hello.js";
import { readReply, type ReplyOf } from "./read-reply.js";
import { SubprocessSession, type SpawnFunction } from "./subprocess-session.js";
import type { MAX_REPLY_LINE_BYTES } from "./subprocess-session.js";

/** @see spec/08-backends.md#backend.timeout */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * hello's limit when none is given: it includes the program's start-up (an interpreter, a
 * framework's import — PyTorch's takes seconds, more on a busy machine), so it is at least this.
 * @see spec/08-backends.md#backend.timeout
 */
export const DEFAULT_HELLO_TIMEOUT_MS = 30_000;

/** hello's limit: the one given, else the larger of the request limit and {@link DEFAULT_HELLO_TIMEOUT_MS}. */
export const helloLimit = (timeoutMs: number, helloTimeoutMs?: number): number => helloTimeoutMs ?? Math.max(timeoutMs, DEFAULT_HELLO_TIMEOUT_MS);

export interface SubprocessOptions {
  /** Per case request (default {@link DEFAULT_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** For hello, start-up included (default: the larger of timeoutMs and {@link DEFAULT_HELLO_TIMEOUT_MS}). */
  readonly helloTimeoutMs?: number;
  /** Working directory of the process (default: the harness's). */
  readonly cwd?: string;
  /** How processes are started (default node:child_process `spawn`, never with a shell). */
  readonly spawn?: SpawnFunction;
  /** Receives the backend's stderr, line by line (default: dropped, except in fault reasons). */
  readonly onStderr?: (line: string) => void;
  /** For reports (default: the command line). */
  readonly label?: string;
  /** The longest reply line read (default {@link MAX_REPLY_LINE_BYTES}); tests lower it. */
  readonly maxLineBytes?: number;
}

export interface SubprocessBackend extends Backend {
  /** The program and its arguments, exactly as passed to spawn. */
  readonly argv: readonly string[];
  /** How many processes have been started so far. */
  readonly starts: number;
}

/** A backend that runs `argv` (no shell) and speaks protocol 1 with it. */
export function createSubprocessBackend(argv: readonly string[], options: SubprocessOptions = {}): SubprocessBackend {
  if (argv.length === 0) throw new Error("a subprocess backend needs a program");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const helloTimeoutMs = helloLimit(timeoutMs, options.helloTimeoutMs);
  let session: SubprocessSession | undefined;
  let greeting: Hello | undefined;
  let nextId = 0;
  let starts = 0;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `f` after every earlier request has settled. */
  function serial<T>(f: () => Promise<T>): Promise<T> {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The live session, starting one (and saying hello) if there is none. */
  async function live(): Promise<SubprocessSession> {
    if (closed) throw new BackendFault("crashed", "the backend was closed");
    if (session !== undefined) {
      if (session.alive) return session;
      const missed = session.takeUnreported();
      session = undefined;
      if (missed !== undefined) throw missed;
    }
    const s = new SubprocessSession(argv, options.spawn, {
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.onStderr !== undefined ? { onStderr: options.onStderr } : {}),
      ...(options.maxLineBytes !== undefined ? { maxLineBytes: options.maxLineBytes } : {}),
    });
    starts++;
    try {
      greeting = readHello(await s.request({ cmd: "hello", protocol: 1 }, undefined, helloTimeoutMs));
    } catch (e) {
      await s.bye(0);
      throw e instanceof BackendFault ? new BackendFault(e.kind, `during hello: ${e.message}`) : e;
    }
    session = s;
    return s;
  }

  function request<C extends CaseCommand>(command: C, payload: object): Promise<ReplyOf[C]> {
    return serial(async () => {
      const s = await live();
      const id = ++nextId;
      return readReply(command, await s.request({ cmd: command, id, ...payload }, id, timeoutMs));
    });
  }

  return {
    label: options.label ?? `cmd:${argv.join(" ")}`,
    argv,
    get starts() {
      return starts;
    },
    hello: () =>
      serial(async () => {
        await live();
        return greeting as Hello;
      }),
    gradient: (c: GraphCase) => request("gradient", { case: c }),
    solve: (c: SystemCase) => request("solve", { case: c }),
    apply: (c: OperatorCase) => request("apply", { case: c }),
    jvp: (c: GraphCase, tangent: Readonly<Record<string, RawTensor>>) => request("jvp", { case: c, tangent }),
    close: () =>
      serial(async () => {
        closed = true;
        await session?.bye(Math.min(timeoutMs, 2000));
        session = undefined;
      }),
  };
}
