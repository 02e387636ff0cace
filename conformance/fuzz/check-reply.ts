/**
 * The property for one mutant reply. Read directly (its JSON value by readReply / readHello) and
 * over the wire (its bytes through a real {@link createSubprocessBackend} whose processes are
 * {@link fakeChild}ren), every mutant ends as a decoded reply, a spec error the backend reported,
 * or a {@link BackendFault} — never anything else thrown, never a hang. Over the wire, the fault's
 * kind must be the one `backend.faults` gives for those bytes (predicted from the bytes alone),
 * and the request after next must succeed: a fault costs the request it hit, or the next one if no
 * request was waiting, and nothing more (`backend.restart`).
 *
 * @see spec/08-backends.md#backend.replies
 * @see spec/08-backends.md#backend.faults
 * @see spec/08-backends.md#backend.restart
 */
import type { GraphCase } from "../../reference/index.js";
import { BackendFault, BackendSpecError, createSubprocessBackend, readHello, readReply } from "../backends/index.js";
import type { Tensor } from "../../reference/index.js";
import { fakeChild, type FakeAnswer } from "./fake-child.js";
import { FuzzViolation } from "./fuzz-violation.js";
import { chunked, replyBytes } from "./reply-bytes.js";
import type { ReplyCommand, ReplyRecipe } from "./reply-mutant.js";

/** How a request ended. */
export type ReplyEnd = "decoded" | "spec-error" | "protocol" | "crashed" | "timeout";

const TIMEOUT_MS = 25;

/** A graph case any fake answers; its content does not matter to the session. */
const CASE = { id: "fuzz", description: "", kind: "graph", graph: { inputs: [{ id: "x", value: 1 }], nodes: [], output: "x" } } as unknown as GraphCase;
const VALID_GRADIENT = (id: unknown): Buffer => Buffer.from(`${JSON.stringify({ id, value: 1, gradient: { x: 1 } })}\n`);
const VALID_HELLO = Buffer.from(`${JSON.stringify({ name: "fake", version: "1", capabilities: ["gradient", "solve", "apply", "forward"], precision: "float64", protocol: 1 })}\n`);

/** The end of reading `value` as the reply to `command`; throws a {@link FuzzViolation} for anything else. */
export function readDirectly(command: ReplyCommand, value: unknown): ReplyEnd {
  try {
    if (command === "hello") readHello(value);
    else checkDecoded(readReply(command, value));
    return "decoded";
  } catch (e) {
    return classify(e, `reading a ${command} reply`);
  }
}

function classify(e: unknown, what: string): ReplyEnd {
  if (e instanceof BackendSpecError) return "spec-error";
  if (e instanceof BackendFault) return e.kind;
  throw new FuzzViolation(`${what} threw`, e);
}

/** Every decoded tensor is a binary64 number or a non-empty rectangular matrix of them. */
function checkDecoded(reply: object): void {
  const tensors: unknown[] = [];
  for (const v of Object.values(reply)) {
    if (typeof v === "number" || Array.isArray(v)) tensors.push(v);
    else if (typeof v === "object" && v !== null) tensors.push(...Object.values(v));
  }
  for (const t of tensors) if (!isTensor(t)) throw new FuzzViolation(`a decoded reply holds a tensor that is not one: ${JSON.stringify(t)}`);
}

function isTensor(t: unknown): t is Tensor {
  if (typeof t === "number") return true;
  if (!Array.isArray(t) || t.length === 0) return false;
  const n = Array.isArray(t[0]) ? (t[0] as unknown[]).length : 0;
  return n > 0 && t.every((row) => Array.isArray(row) && row.length === n && row.every((x) => typeof x === "number"));
}

/** What `backend.faults` says request 1 ends as, from the bytes written and the ending alone. */
export function predictWire(command: ReplyCommand, bytes: Buffer, ending: FakeAnswer["ending"]): ReplyEnd {
  const lines = new TextDecoder("utf-8").decode(bytes).split("\n");
  if (lines.length < 2) return ending === "stay" ? "timeout" : "crashed";
  const line = (lines[0] as string).replace(/\r$/, "");
  let reply: unknown;
  try {
    reply = JSON.parse(line);
  } catch {
    return "protocol";
  }
  if (typeof reply !== "object" || reply === null || Array.isArray(reply)) return "protocol";
  if (command !== "hello" && (reply as { id?: unknown }).id !== 1) return "protocol";
  return readDirectly(command, reply);
}

/** Sends the mutant over a fake pipe; returns how requests 1, 2 and 3 ended. */
export async function sendOverWire(recipe: ReplyRecipe): Promise<{ readonly ends: readonly ReplyEnd[]; readonly predicted: ReplyEnd }> {
  const bytes = replyBytes(recipe);
  let spawned = 0;
  let readerThrew: unknown;
  const spawn = (): ReturnType<typeof fakeChild> => {
    const first = ++spawned === 1;
    return fakeChild((request): FakeAnswer => {
      const mutantHere = first && (request["cmd"] === "hello") === (recipe.command === "hello");
      if (mutantHere) return { chunks: chunked(bytes, recipe.cuts), ending: recipe.ending };
      return { chunks: [request["cmd"] === "hello" ? VALID_HELLO : VALID_GRADIENT(request["id"])], ending: "stay" };
    }, (e) => (readerThrew ??= e));
  };
  const backend = createSubprocessBackend(["fake-backend"], { spawn, timeoutMs: TIMEOUT_MS, helloTimeoutMs: TIMEOUT_MS });
  const ends: ReplyEnd[] = [];
  const ask = async (first: boolean): Promise<void> => {
    try {
      if (first && recipe.command === "hello") await backend.hello();
      else if (first && recipe.command === "solve") checkDecoded(await backend.solve(CASE as never));
      else if (first && recipe.command === "apply") checkDecoded(await backend.apply(CASE as never));
      else if (first && recipe.command === "jvp") checkDecoded(await backend.jvp(CASE, {}));
      else checkDecoded(await backend.gradient(CASE));
      ends.push("decoded");
    } catch (e) {
      ends.push(classify(e, "a request over the wire"));
    }
  };
  try {
    for (const first of [true, false, false]) await ask(first);
  } finally {
    await backend.close();
  }
  if (readerThrew !== undefined) throw new FuzzViolation("the session's stdout handler threw (with a real process: an uncaught exception that ends the harness)", readerThrew);
  return { ends, predicted: predictWire(recipe.command, bytes, recipe.ending) };
}
