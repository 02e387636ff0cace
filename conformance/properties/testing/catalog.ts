/**
 * The broken-backend catalog (issue 4, "Self-test with deliberately broken backends"): every
 * deliberately broken backend, the kind of bug it has, how to name it to `--impl`, and how the
 * harness must judge it — which outcomes catch it, with what status and fault kind. The tests and
 * `npm run selftest` check each entry against these claims.
 *
 * Conventions: `level` is where the bug lives — `operator` (an adjoint rule), `graph` (a
 * linearization or the sweep over a graph: its counterexamples are graphs, which must shrink to
 * ≤ 4 nodes), `process` (a subprocess that misbehaves as a program, in conformance/adapters/broken/).
 */
import type { FaultKind } from "../../backends/index.js";
import type { BrokenName } from "./broken-backends.js";

export interface CatalogEntry {
  readonly name: string;
  /** The bug, in a few words. */
  readonly bug: string;
  readonly level: "operator" | "graph" | "process";
  /** The value of `--impl`. */
  readonly impl: string;
  /** Extra environment for the harness (an in-process entry is selected by BROKEN). */
  readonly env: Readonly<Record<string, string>>;
  /** The status each outcome of `caughtBy` gets. */
  readonly status: "fail" | "error";
  /** For errors from faults: the fault kind of those outcomes. */
  readonly fault?: FaultKind;
  /** Outcome ids (cases and `property.<name>`) that must catch it, with `status` and `fault`. */
  readonly caughtBy: readonly string[];
}

const MODULE = "conformance/properties/testing/broken-module.ts";

const inProcess = (name: BrokenName, level: "operator" | "graph", bug: string, caughtBy: readonly string[]): CatalogEntry => ({ name, bug, level, impl: MODULE, env: { BROKEN: name }, status: "fail", caughtBy });

const subprocess = (name: string, file: string, bug: string, status: "fail" | "error", fault: FaultKind | undefined, caughtBy: readonly string[]): CatalogEntry => ({
  name,
  bug,
  level: "process",
  impl: `cmd:node conformance/adapters/broken/${file}`,
  env: {},
  status,
  ...(fault !== undefined ? { fault } : {}),
  caughtBy,
});

export const CATALOG: readonly CatalogEntry[] = [
  inProcess("rightNoTranspose", "operator", "right multiplication's adjoint missing its transpose", ["op.right.rectangular", "property.operator-apply"]),
  inProcess("composeNotReversed", "operator", "composition's adjoint not reversed", ["op.compose.order", "property.law.reversal"]),
  inProcess("dotOuterMixed", "operator", "the dot/outer adjoint pair mixed up", ["op.dot.matrix", "property.law.involution"]),
  inProcess("scaleAdjointIdentity", "operator", "scale's adjoint not applied (taken as 𝓘)", ["op.scale.matrix", "property.law.adjoint-identity"]),
  inProcess("hadamardTransposed", "operator", "Hadamard adjoint with the wrong (transposed) matrix", ["op.hadamard.matrix", "property.operator-apply"]),
  inProcess("zeroNotExchanged", "operator", "zero's adjoint keeps domain and codomain", ["op.zero.domain-codomain", "property.law.identity-zero"]),
  inProcess("subSignError", "graph", "sign error in sub (linearized as 𝓘, 𝓘)", ["prim.sub.scalar", "property.graph-gradient"]),
  inProcess("tanhWrong", "graph", "tanh' = 1 − tanh", ["prim.tanh.scalar", "property.graph-gradient"]),
  inProcess("reluKinkOne", "graph", "relu'(0) = 1 against the declared convention", ["prim.relu.scalar-zero", "property.kink-convention"]),
  inProcess("fanOutOverwritten", "graph", "fan-out overwritten instead of accumulated", ["graph.fanout.scalar", "property.graph-gradient"]),
  inProcess("reverseSweepOffByOne", "graph", "reverse sweep off by one (skips the nearest consumer)", ["paper.poster-dag.graph", "property.graph-gradient", "property.system-solution"]),
  inProcess("mulDroppedEdge", "graph", "a dropped edge (mul's second argument)", ["prim.mul.scalar", "property.graph-gradient"]),
  inProcess("matmulSwapped", "graph", "matmul's two linearizations swapped", ["prim.matmul.rectangular", "property.graph-gradient"]),
  inProcess("matmulSliceDropped", "graph", "matmul's adjoint loses the inner dimension past 256 (a blocked kernel's last slice)", ["property.large-matmul"]),
  inProcess("jvpTanhWrong", "graph", "forward mode disagrees with reverse (tanh' in jvp)", ["property.forward-reverse"]),
  inProcess("jvpLastNode", "graph", "forward mode answers for the last node, not the output", ["property.forward-reverse"]),
  subprocess("crashes", "crashes.mjs", "crashes (uncaught exception on logdet)", "error", "crashed", ["prim.logdet.matrix-2x2", "graph.logdet-gram"]),
  subprocess("hangs", "hangs.mjs", "hangs (never answers solve)", "error", "timeout", ["error.shape.system-edge-operator"]),
  subprocess("printsGarbage", "prints-garbage.mjs", "prints garbage (a debug line on stdout)", "error", "protocol", ["prim.matmul.rectangular", "paper.mlp.showcase"]),
  subprocess("wrongShapes", "wrong-shapes.mjs", "wrong shapes (scalars as 1×1 matrices)", "fail", undefined, ["prim.sin.scalar", "property.graph-gradient"]),
  subprocess("liesForward", "lies-forward.mjs", "lies about its capabilities (declares forward, has no jvp)", "error", undefined, ["property.forward-reverse"]),
];
