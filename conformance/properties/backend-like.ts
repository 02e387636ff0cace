/**
 * The backend interface the properties are written against: the in-process message model of the
 * conformance harness, with every answer awaited so that synchronous backends and asynchronous ones
 * (a subprocess behind a transport) work alike.
 *
 * @see spec/06-conformance.md#conform.backend
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase } from "../../reference/case.js";

/** What a property may need of a backend. */
export type Capability = "gradient" | "solve" | "apply" | "forward";

export interface Hello {
  readonly name?: string;
  readonly capabilities: readonly string[];
  /** `"float64"` (the default) or `"float32"`. */
  readonly precision?: string;
}

export interface BackendLike {
  hello(): Hello | Promise<Hello>;
  /** `{value, gradient: {inputId: tensor}}` */
  gradient?(c: GraphCase): Promise<unknown> | unknown;
  /** `{solution: {unknownId: tensor}}` */
  solve?(c: SystemCase): Promise<unknown> | unknown;
  /** `{apply: tensor, adjoint?: tensor}` (`adjoint` when the case has `y`) */
  apply?(c: OperatorCase): Promise<unknown> | unknown;
  /** `{value, tangent}`: the output's value and its derivative along `tangent` ("forward"). */
  jvp?(c: GraphCase, tangent: Readonly<Record<string, RawTensor>>): Promise<unknown> | unknown;
}
