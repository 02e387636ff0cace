/**
 * Backends: the message model, the in-process and subprocess transports, and `--impl` resolution.
 *
 * @see spec/08-backends.md
 */
export { COMMAND_CAPABILITY, type ApplyReply, type Backend, type CaseCommand, type Capability, type GradientReply, type Hello, type JvpReply, type SolveReply } from "./backend.js";
export { BackendFault, type FaultKind } from "./backend-fault.js";
export { BackendSpecError } from "./backend-spec-error.js";
export { caseForBackend } from "./case-for-backend.js";
export { decodeTensor } from "./decode-tensor.js";
export { encodeMessage } from "./encode-message.js";
export { wrapInProcess, type InProcessModule, type InProcessOptions } from "./in-process-backend.js";
export { LineSplitter } from "./line-splitter.js";
export { loadBackend, type LoadOptions } from "./load-backend.js";
export { PROTOCOL_SCHEMA_ID, protocolAjv, protocolProblem } from "./protocol-schema.js";
export { readHello } from "./read-hello.js";
export { readReply, type ReplyOf } from "./read-reply.js";
export { specErrorOf } from "./spec-error-of.js";
export { splitCommand } from "./split-command.js";
export { createSubprocessBackend, DEFAULT_HELLO_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, helloLimit, type SubprocessBackend, type SubprocessOptions } from "./subprocess-backend.js";
export { MAX_REPLY_LINE_BYTES, SubprocessSession, type SpawnFunction } from "./subprocess-session.js";
export { withTimeout } from "./with-timeout.js";
