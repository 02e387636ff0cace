/**
 * The reference as a backend: the message model every backend answers (the full protocol and its
 * transports are specified with the conformance harness).
 *
 * @see spec/06-conformance.md#conform.backend
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase } from "./case.js";
import { gradient } from "./gradient.js";
import { jvp } from "./jvp.js";
import { applyCase } from "./operator-case.js";
import { solve } from "./system-case.js";

export const reference = {
  hello: () => ({
    name: "reference",
    // Stryker disable next-line StringLiteral: equivalent — version is any string (protocol schema helloReply; spec backend.hello), shown in reports only
    version: "1",
    capabilities: ["gradient", "solve", "apply", "forward"] as const,
    precision: "float64" as const,
  }),
  gradient: (c: GraphCase) => gradient(c),
  solve: (c: SystemCase) => solve(c),
  apply: (c: OperatorCase) => applyCase(c),
  jvp: (c: GraphCase, tangent: Readonly<Record<string, RawTensor>>) => jvp(c, tangent),
};

export type Backend = typeof reference;
