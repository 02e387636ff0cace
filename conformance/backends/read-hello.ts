/**
 * A backend's hello reply, checked against the protocol schema (`helloReply`): the members the
 * harness uses. A reply that breaks the schema, another protocol version included, is a protocol
 * {@link BackendFault}.
 *
 * @see spec/08-backends.md#backend.hello
 * @see spec/08-backends.md#backend.protocol
 */
import type { Hello } from "./backend.js";
import { BackendFault } from "./backend-fault.js";
import { protocolProblem } from "./protocol-schema.js";
import { tooDeep } from "./too-deep.js";

export function readHello(reply: unknown): Hello {
  const problem = tooDeep(reply) ?? protocolProblem("helloReply", reply);
  if (problem !== undefined) throw new BackendFault("protocol", `malformed hello reply ${problem}`);
  const { name, version, capabilities, precision } = reply as Hello;
  return { name, version, capabilities, precision };
}
