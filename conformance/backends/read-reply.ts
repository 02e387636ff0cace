/**
 * A backend's reply to a case request, checked against the protocol schema and decoded: an error
 * reply to a thrown {@link BackendSpecError}, a result to binary64 tensors. A reply that
 * breaks the schema throws a protocol {@link BackendFault} naming the pointer and the problem.
 * Both transports read replies here, so a backend's reply is judged the same whichever it uses.
 *
 * @see spec/08-backends.md#backend.replies
 */
import type { Tensor } from "../../reference/index.js";
import type { ApplyReply, CaseCommand, GradientReply, JvpReply, SolveReply } from "./backend.js";
import { BackendFault } from "./backend-fault.js";
import { BackendSpecError } from "./backend-spec-error.js";
import { decodeTensor } from "./decode-tensor.js";
import { protocolProblem } from "./protocol-schema.js";
import { tooDeep } from "./too-deep.js";

type Json = Record<string, unknown>;

export interface ReplyOf {
  gradient: GradientReply;
  solve: SolveReply;
  apply: ApplyReply;
  jvp: JvpReply;
}

/** The result of a case command, or the spec error it reports (thrown). */
export function readReply<C extends CaseCommand>(command: C, reply: unknown): ReplyOf[C] {
  const isError = typeof reply === "object" && reply !== null && "error" in reply;
  const definition = isError ? "errorReply" : `${command}Reply`;
  const problem = tooDeep(reply) ?? protocolProblem(definition, reply);
  if (problem !== undefined) throw new BackendFault("protocol", `malformed ${isError ? "error" : command} reply ${problem}`);
  const r = reply as Json;
  if (isError) {
    const { code, message } = r["error"] as { code: string; message: string };
    throw new BackendSpecError(code, message);
  }
  const tensor = (key: string): Tensor => decodeTensor(r[key], `/${key}`);
  const map = (key: string): Record<string, Tensor> =>
    Object.fromEntries(Object.entries(r[key] as Json).map(([id, t]) => [id, decodeTensor(t, `/${key}/${id}`)]));
  const decoded: { [K in CaseCommand]: () => ReplyOf[K] } = {
    gradient: () => ({ value: tensor("value"), gradient: map("gradient") }),
    solve: () => ({ solution: map("solution") }),
    apply: () => ({ apply: tensor("apply"), ...("adjoint" in r ? { adjoint: tensor("adjoint") } : {}) }),
    jvp: () => ({ value: tensor("value"), tangent: tensor("tangent") }),
  };
  return decoded[command]() as ReplyOf[C];
}
