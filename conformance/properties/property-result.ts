/**
 * What running one property against a backend gives: a status, the number of random cases run,
 * and for a failure the shrunk counterexample as an ordinary case file entry with `expect` filled
 * from the oracles — replayable without fast-check — plus the seed and path that replay it with.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import type { FailureDossier } from "../report/dossier.js";
import type { Case, RawTensor } from "../../reference/case.js";
import type { FaultKind } from "../backends/backend-fault.js";

export interface PropertyOptions {
  /** fast-check's seed: the same seed, backend and property give the same result. */
  readonly seed: number;
  /** Random cases to run (0: none, status "skip"). */
  readonly runs: number;
  /** Replays only the case at this fast-check path (from a previous result's `path`). */
  readonly path?: string;
}

export interface PropertyResult {
  /** The property's name, e.g. `graph-gradient`, `law.reversal`. */
  readonly name: string;
  /**
   * `fail`: the backend's answer is wrong (a spec error on a valid case included); `error`: the
   * backend threw or lacks a method it claims (not shrunk: the first such case is reported), or the
   * harness itself faulted (the reason says which); `skip`: a capability is missing or no runs.
   */
  readonly status: "pass" | "fail" | "error" | "skip";
  /** Random cases run (up to and including the first failure). */
  readonly runs: number;
  readonly seed: number;
  /** The shrunk failing case, with `expect` from the oracles and `provenance`. */
  readonly counterexample?: Case;
  /** For forward-mode failures: the input tangent the counterexample was run with. */
  readonly tangent?: Readonly<Record<string, RawTensor>>;
  /** fast-check's path of the counterexample (replay with the same seed). */
  readonly path?: string;
  /** For `error`: the backend gave no answer (crashed, timed out, broke the protocol). */
  readonly fault?: FaultKind;
  /**
   * Why it failed, erred or was skipped — which side is which, by how much. For graph-gradient it
   * goes on, after shrinking, with the counterexample's worst gradient element against the oracles'
   * and the first node whose adjoint departs (spec/06-conformance.md#conform.report).
   */
  readonly reason?: string;
  /** Cases neither oracle could decide (outside the tolerance model, or undecidable): never failures. */
  readonly inconclusive: number;
  /** Shrinking steps taken. */
  readonly shrinks?: number;
  /** Counters a property keeps over its passing runs (e.g. the FD second opinion's verdicts). */
  readonly stats?: Readonly<Record<string, number>>;
  /** Wall time of the whole run, shrinking included. */
  readonly seconds: number;
  /** For a failure explained on a graph case: what the HTML report draws (spec/06-conformance.md#conform.dossier). */
  readonly dossier?: FailureDossier;
}
