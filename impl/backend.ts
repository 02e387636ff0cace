/**
 * The optimized implementation as an in-process backend: the same message model as the
 * reference's backend (spec/08-backends.md#backend.in-process); spec errors are thrown as the
 * reference's `SpecError`s, with their codes.
 *
 * @see spec/08-backends.md#backend.messages
 */
import type { GraphCase, OperatorCase, RawTensor, SystemCase } from "../reference/index.js";
import { gradient, jvp } from "./graph-case.js";
import { applyCase } from "./operator-case.js";
import { solve } from "./system-case.js";

export const impl = {
  hello: () => ({
    name: "impl",
    // Stryker disable next-line StringLiteral: equivalent — the version is free text, shown in reports only (spec backend.hello)
    version: "1",
    capabilities: ["gradient", "solve", "apply", "forward"] as const,
    precision: "float64" as const,
  }),
  gradient: (c: GraphCase) => gradient(c),
  solve: (c: SystemCase) => solve(c),
  apply: (c: OperatorCase) => applyCase(c),
  jvp: (c: GraphCase, tangent: Readonly<Record<string, RawTensor>>) => jvp(c, tangent),
};

export default impl;
