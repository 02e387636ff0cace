/**
 * The failure dossier: what a person needs to see a failing graph case, as plain JSON data, so that
 * it rides in the outcome (and in the JSON-lines report) and the HTML report is a pure function of
 * it. Filled only for a wrong gradient of a graph case — a corpus case or a property's shrunk
 * counterexample — never for a pass.
 *
 * Conventions: numbers that may be non-finite are {@link JsonNumber}s, written as the case format
 * writes them (`"NaN"`, `"Infinity"`, `"-Infinity"`), because JSON has no such numbers and
 * `JSON.stringify` would turn them into `null`. "oracle" is the expected side: the case's own
 * `expect` or the oracles' (`source` says which).
 *
 * @see spec/06-conformance.md#conform.dossier
 */
import type { GraphCase } from "../../reference/case.js";

/** A double as JSON: finite values as numbers, the others as strings. */
export type JsonNumber = number | "NaN" | "Infinity" | "-Infinity";

export const toJsonNumber = (x: number): JsonNumber => (Number.isFinite(x) ? x : Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
export const fromJsonNumber = (x: JsonNumber | null | undefined): number => (typeof x === "number" ? x : x === "Infinity" ? Infinity : x === "-Infinity" ? -Infinity : NaN);

/** The worst gradient element of the failing case. */
export interface DossierWorst {
  /** The wrt input, e.g. `W1`. */
  readonly input: string;
  /** `[i][j]` for a matrix input, "" for a scalar. */
  readonly element: string;
  /** The element's row-major position within the input. */
  readonly index: number;
  readonly expected: JsonNumber;
  readonly actual: JsonNumber;
  /** |actual − expected| over the element's allowance. */
  readonly ratio: JsonNumber;
  readonly ulps: JsonNumber;
}

/** localize.ts's first departing node, with its numbers as JSON. */
export interface DossierDeparture {
  readonly node: string;
  readonly op: string;
  readonly element: string;
  readonly backend: JsonNumber;
  readonly oracle: JsonNumber;
  readonly ratio: JsonNumber;
  readonly ulps: JsonNumber;
  readonly consumers: readonly { readonly id: string; readonly op: string }[];
}

/** What localize.ts found: the departure (if a node departs), the nodes that agree, those passed over. */
export interface DossierLocalization {
  readonly departure?: DossierDeparture;
  readonly agreeing: readonly string[];
  readonly passedOver: readonly string[];
}

/** One step of the finite-difference sweep along v. */
export interface FdRow {
  readonly h: number;
  /** Central difference (f(x + h⁺v) − f(x − h⁻v)) / (h⁺ + h⁻); "NaN" off the domain. */
  readonly central: JsonNumber;
  /** One Richardson level over this row and the previous one. */
  readonly extrapolated: JsonNumber;
}

/** The FD sweep of t ↦ f(x + t·v) and the two claims it is read against. */
export interface DossierFd {
  /** ⟨g, v⟩ for the backend's gradient and for the expected one. */
  readonly backend: JsonNumber;
  readonly oracle: JsonNumber;
  /** oracles/fd's verdict on each claim (PASS / FAIL / INCONCLUSIVE) with its reason. */
  readonly verdicts: { readonly backend: string; readonly oracle: string };
  readonly rows: readonly FdRow[];
}

/** One step of the Taylor test. */
export interface TaylorPoint {
  readonly h: number;
  /** |f(x + h·v) − f(x) − h⟨g, v⟩|. */
  readonly remainder: JsonNumber;
  /** The noise floor: below it a remainder is rounding. */
  readonly floor: JsonNumber;
  /** Whether the point was among those the slope was fitted to. */
  readonly fitted: boolean;
}

export interface TaylorSeries {
  /** Observed order: the least-squares slope of log R over log h (2 for a right gradient). */
  readonly slope: JsonNumber;
  readonly rows: readonly TaylorPoint[];
}

export interface FailureDossier {
  /** Format version of the dossier. */
  readonly dossier: 1;
  /** The case as the backend received it (no `expect`). */
  readonly case: GraphCase;
  readonly source: "case" | "oracle";
  readonly worst: DossierWorst;
  readonly localization?: DossierLocalization;
  /** The direction v of the sweep and the Taylor test, in words (a unit vector at the worst element). */
  readonly direction: string;
  readonly fd?: DossierFd;
  readonly taylor?: { readonly backend: TaylorSeries; readonly oracle: TaylorSeries };
  /** Parts that could not be computed, each with why. */
  readonly notes: readonly string[];
}
