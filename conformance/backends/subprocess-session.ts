/**
 * One backend process: spawned without a shell, fed one request line at a time, its stdout cut
 * into reply lines, its stderr kept (the last few kilobytes) for fault reports. The session breaks
 * down for good on the first fault — exit, signal, failure to start, a line that is not a JSON
 * object, a line longer than {@link MAX_REPLY_LINE_BYTES}, a reply with the wrong id, output no
 * request asked for, a timeout — and the waiting
 * request, or else the next one, gets that fault. The owner then starts a fresh session.
 *
 * Conventions: "waiting" is the request sent and not yet answered (at most one at a time).
 *
 * @see spec/08-backends.md#backend.subprocess
 * @see spec/08-backends.md#backend.line-limit
 * @see spec/08-backends.md#backend.faults
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { BackendFault } from "./backend-fault.js";
import { encodeMessage } from "./encode-message.js";
import { LineSplitter } from "./line-splitter.js";

/** Starts a process; node:child_process `spawn` by default (tests may record the call). */
export type SpawnFunction = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

interface Waiting {
  /** The id the reply must carry; undefined for hello, whose reply has none. */
  readonly id: number | undefined;
  readonly resolve: (reply: Record<string, unknown>) => void;
  readonly reject: (fault: BackendFault) => void;
}

const STDERR_KEPT = 4096;

/**
 * The longest reply line the harness reads, the "\n" not counted: 64 MiB. A longer line is a
 * protocol fault and is never held whole, so a backend that writes without end costs the harness
 * this much memory at most.
 *
 * @see spec/08-backends.md#backend.line-limit
 */
export const MAX_REPLY_LINE_BYTES = 2 ** 26;

/** The longest stderr line passed on whole (`--verbose`); stderr is only shown, never read as replies. */
const MAX_STDERR_LINE_BYTES = 2 ** 20;

/** A byte count in the unit a person reads: "64 MiB", "1 KiB", "100 bytes". */
function bytesText(n: number): string {
  if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20} MiB`;
  if (n >= 2 ** 10 && n % 2 ** 10 === 0) return `${n / 2 ** 10} KiB`;
  return `${n} bytes`;
}

/** At most `n` characters of `text`, JSON-quoted, for messages. */
function preview(text: string, n = 120): string {
  return JSON.stringify(text.length > n ? `${text.slice(0, n)}…` : text);
}

export class SubprocessSession {
  private readonly child: ChildProcess;
  private readonly stdout: LineSplitter;
  private readonly stderrLines = new LineSplitter(MAX_STDERR_LINE_BYTES, ({ head }) => `${head}… (cut: a stderr line longer than ${bytesText(MAX_STDERR_LINE_BYTES)})`);
  private readonly stderrText = new StringDecoder("utf8");
  private readonly exited: Promise<void>;
  private waiting: Waiting | undefined;
  private stderrTail = "";
  /** The fault that ended the session; set once. */
  private fault: BackendFault | undefined;
  /** A fault that happened while no request was waiting, until the next request takes it. */
  private unreported: BackendFault | undefined;

  constructor(
    readonly argv: readonly string[],
    spawn: SpawnFunction = nodeSpawn,
    options: { readonly cwd?: string; readonly onStderr?: (line: string) => void; readonly maxLineBytes?: number } = {},
  ) {
    const maxLineBytes = options.maxLineBytes ?? MAX_REPLY_LINE_BYTES;
    this.stdout = new LineSplitter(maxLineBytes);
    const [program, ...args] = argv;
    // No shell: the words reach the program exactly as split, and case data only ever travels on stdin.
    this.child = spawn(program as string, args, { stdio: ["pipe", "pipe", "pipe"], shell: false, windowsHide: true, ...(options.cwd ? { cwd: options.cwd } : {}) });
    this.exited = new Promise((resolve) => {
      this.child.once("close", () => resolve());
      this.child.once("error", () => this.child.pid === undefined && resolve()); // never started
    });
    // Bytes, not text: the splitter counts a line's length in bytes and decodes whole lines only.
    this.child.stdout?.on("data", (chunk: Buffer) => {
      for (const line of this.stdout.push(chunk)) this.onLine(line);
      const over = this.stdout.tooLong;
      if (over !== undefined && this.fault === undefined) {
        this.breakDown(new BackendFault("protocol", `a reply line longer than ${bytesText(maxLineBytes)}; the process was stopped; the line began ${preview(over.head, 60)}`), true);
      }
    });
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + this.stderrText.write(chunk)).slice(-STDERR_KEPT);
      for (const line of this.stderrLines.push(chunk)) options.onStderr?.(line);
    });
    // Writing to a process that has exited fails with EPIPE; the exit itself reports the fault.
    this.child.stdin?.on("error", () => undefined);
    this.child.on("error", (e) => this.breakDown(new BackendFault("crashed", `cannot run ${preview(program ?? "")}: ${e.message}`), false));
    this.child.on("close", (code, signal) => this.breakDown(new BackendFault("crashed", this.describeExit(code, signal)), false));
  }

  /** True until the first fault. */
  get alive(): boolean {
    return this.fault === undefined;
  }

  /** The fault that happened between requests, once; the next request reports it. */
  takeUnreported(): BackendFault | undefined {
    const f = this.unreported;
    this.unreported = undefined;
    return f;
  }

  /**
   * Writes `message` as one line and resolves with the reply line's JSON object; `id` is the id
   * the reply must carry (undefined for hello). Rejects with a {@link BackendFault}.
   */
  request(message: object, id: number | undefined, timeoutMs: number): Promise<Record<string, unknown>> {
    if (this.fault !== undefined) return Promise.reject(this.fault);
    if (this.waiting !== undefined) return Promise.reject(new Error("internal: a request is already waiting"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.breakDown(new BackendFault("timeout", `no reply within ${timeoutMs} ms; the process was stopped`), true), timeoutMs);
      this.waiting = {
        id,
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        reject: (fault) => (clearTimeout(timer), reject(fault)),
      };
      this.child.stdin?.write(`${encodeMessage(message)}\n`);
    });
  }

  /** Says bye and waits up to `graceMs` for the process to exit, then kills it. */
  async bye(graceMs: number): Promise<void> {
    if (this.fault === undefined) {
      this.fault = new BackendFault("crashed", "the session was closed");
      this.child.stdin?.end(`${encodeMessage({ cmd: "bye" })}\n`);
      const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
      await this.exited;
      clearTimeout(timer);
    } else {
      this.child.kill("SIGKILL");
      await this.exited;
    }
  }

  /** Ends the session with `fault` (the waiting request's, or else the next one's); `kill` stops the process. */
  private breakDown(fault: BackendFault, kill: boolean): void {
    if (kill) this.child.kill("SIGKILL");
    if (this.fault !== undefined) return;
    this.fault = fault;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting !== undefined) waiting.reject(fault);
    else this.unreported = fault;
  }

  private onLine(line: string): void {
    if (this.fault !== undefined) return;
    const waiting = this.waiting;
    if (waiting === undefined) return this.breakDown(new BackendFault("protocol", `output no request asked for: ${preview(line)}`), true);
    let reply: unknown;
    try {
      reply = JSON.parse(line);
    } catch {
      return this.breakDown(new BackendFault("protocol", `the reply is not JSON: ${preview(line)}`), true);
    }
    if (typeof reply !== "object" || reply === null || Array.isArray(reply)) {
      return this.breakDown(new BackendFault("protocol", `the reply is not a JSON object: ${preview(line)}`), true);
    }
    const got = (reply as { id?: unknown }).id;
    if (waiting.id !== undefined && got !== waiting.id) {
      // A number is quoted as is; anything else as a bounded preview of the line — stringifying
      // an id nested 10⁵ deep would overflow the stack inside the stdout handler (found by fuzzing).
      const which = got === undefined ? "no id" : typeof got === "number" ? `the id ${got}` : `a non-numeric id (the line: ${preview(line)})`;
      return this.breakDown(new BackendFault("protocol", `the reply carries ${which}, the request ${waiting.id}`), true);
    }
    this.waiting = undefined;
    waiting.resolve(reply as Record<string, unknown>);
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    const how = signal !== null ? `was killed by ${signal}` : `exited with code ${code}`;
    const partial = this.stdout.rest === "" ? "" : ` in the middle of a reply line ${preview(this.stdout.rest)}`;
    // The last line that names an error says most; otherwise the last three lines.
    const lines = this.stderrTail.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const named = lines.filter((l) => /error|exception|panic|fatal|abort/i.test(l)).at(-1);
    const log = named ?? lines.slice(-3).join(" ⏎ ");
    return `the process ${how}${partial}${log ? `; stderr: ${preview(log, 300)}` : ""}`;
  }
}
