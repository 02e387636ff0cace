/**
 * A backend object in this process (a module's default export, or the reference) behind the same
 * asynchronous interface as a subprocess. Its answers are read exactly as replies on the wire: the
 * result is written in the number encoding, checked against the protocol schema and decoded, so a
 * backend gets the same verdict whichever transport it uses. A thrown object with a string `code`
 * (`E_…`) and `message` is a spec error; anything else thrown is passed on (outcome error).
 *
 * @see spec/08-backends.md#backend.in-process
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase } from "../../reference/index.js";
import type { Backend, CaseCommand } from "./backend.js";
import { BackendFault } from "./backend-fault.js";
import { BackendSpecError } from "./backend-spec-error.js";
import { encodeMessage } from "./encode-message.js";
import { readHello } from "./read-hello.js";
import { readReply, type ReplyOf } from "./read-reply.js";
import { specErrorOf } from "./spec-error-of.js";
import { DEFAULT_TIMEOUT_MS, helloLimit } from "./subprocess-backend.js";
import { withTimeout } from "./with-timeout.js";

/** What a module exports: hello and, per capability, a function (sync or async). */
export interface InProcessModule {
  hello(): unknown;
  gradient?(c: GraphCase): unknown;
  solve?(c: SystemCase): unknown;
  apply?(c: OperatorCase): unknown;
  jvp?(c: GraphCase, tangent: Readonly<Record<string, RawTensor>>): unknown;
}

export interface InProcessOptions {
  readonly label?: string;
  /** Per call; effective for asynchronous backends only (default 10000). */
  readonly timeoutMs?: number;
  /** For hello (default: the larger of timeoutMs and 30000), as for a subprocess. */
  readonly helloTimeoutMs?: number;
}

/** The value as it would arrive over the wire: encoded, then parsed. */
const wire = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(encodeMessage(value)));

export function wrapInProcess(m: InProcessModule, options: InProcessOptions = {}): Backend {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function answer(call: () => unknown, limit = timeoutMs): Promise<unknown> {
    try {
      return await withTimeout(Promise.resolve().then(call), limit);
    } catch (e) {
      const spec = specErrorOf(e);
      throw spec === undefined ? e : new BackendSpecError(spec.code, spec.message);
    }
  }

  async function request<C extends CaseCommand>(command: C, args: unknown[]): Promise<ReplyOf[C]> {
    const f = m[command] as ((...a: readonly unknown[]) => unknown) | undefined;
    if (typeof f !== "function") throw new BackendFault("protocol", `the backend has no ${command} function`);
    const result = wire(await answer(() => f.apply(m, args)));
    const reply = typeof result === "object" && result !== null && !Array.isArray(result) ? { id: 0, ...result } : result;
    return readReply(command, reply);
  }

  return {
    label: options.label ?? "in-process",
    hello: async () => {
      const h = wire(await answer(() => m.hello(), helloLimit(timeoutMs, options.helloTimeoutMs)));
      return readHello(typeof h === "object" && h !== null && !Array.isArray(h) ? { protocol: 1, ...h } : h);
    },
    gradient: (c) => request("gradient", [c]),
    solve: (c) => request("solve", [c]),
    apply: (c) => request("apply", [c]),
    jvp: (c, tangent) => request("jvp", [c, tangent]),
    close: async () => undefined,
  };
}
