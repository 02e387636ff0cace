/**
 * The backend interface the harness drives: one message model (hello, gradient, solve, apply,
 * jvp, bye), whatever the transport. Every call is asynchronous, so an in-process module and a
 * subprocess look the same to the runner.
 *
 * Conventions: a request that the backend answers with a spec error rejects with a
 * {@link BackendSpecError}; a request the harness could not get answered (crash, timeout,
 * protocol violation) rejects with a {@link BackendFault}; anything else an in-process backend
 * throws is passed on unchanged.
 *
 * @see spec/08-backends.md#backend.messages
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase, Tensor } from "../../reference/index.js";

/** What a backend can do. @see spec/08-backends.md#backend.capabilities */
export type Capability = "gradient" | "solve" | "apply" | "forward";

/** The reply to hello. @see spec/08-backends.md#backend.hello */
export interface Hello {
  readonly name: string;
  readonly version: string;
  /** As declared; strings this version does not know are kept and ignored. */
  readonly capabilities: readonly string[];
  readonly precision: "float64" | "float32";
}

/** @see spec/08-backends.md#backend.gradient */
export interface GradientReply {
  readonly value: Tensor;
  readonly gradient: Readonly<Record<string, Tensor>>;
}

/** @see spec/08-backends.md#backend.solve */
export interface SolveReply {
  readonly solution: Readonly<Record<string, Tensor>>;
}

/** @see spec/08-backends.md#backend.apply */
export interface ApplyReply {
  readonly apply: Tensor;
  readonly adjoint?: Tensor;
}

/** @see spec/08-backends.md#backend.jvp */
export interface JvpReply {
  readonly value: Tensor;
  readonly tangent: Tensor;
}

/** A loaded backend, in process or in a subprocess. */
export interface Backend {
  /** How it was named (`reference`, a module path, `cmd:…`), for reports. */
  readonly label: string;
  hello(): Promise<Hello>;
  gradient(c: GraphCase): Promise<GradientReply>;
  solve(c: SystemCase): Promise<SolveReply>;
  apply(c: OperatorCase): Promise<ApplyReply>;
  jvp(c: GraphCase, tangent: Readonly<Record<string, RawTensor>>): Promise<JvpReply>;
  /** Says bye and releases the process, if any. Further requests are not allowed. */
  close(): Promise<void>;
}

/** The case commands, by the capability they need. */
export const COMMAND_CAPABILITY = { gradient: "gradient", solve: "solve", apply: "apply", jvp: "forward" } as const;
export type CaseCommand = keyof typeof COMMAND_CAPABILITY;
