/**
 * The case format as it appears in JSON: numbers may still be strings.
 *
 * These types describe a file that passed the schema; the reference parses them into
 * {@link Tensor}s and {@link Operator}s before computing anything.
 *
 * @see spec/05-cases.md#case.file
 */

import type { ErrorCode } from "./errors.js";

/** A number as written: a JSON number, or a string (decimal literal, "NaN", "Infinity", "-Infinity"). */
export type RawNumber = number | string;
/** A scalar or a row-major matrix of raw numbers. @see spec/01-values.md#value.tensor */
export type RawTensor = RawNumber | readonly (readonly RawNumber[])[];
/** `[]` for a scalar, `[m, n]` for a matrix. */
export type RawShape = readonly [] | readonly [number, number];

/** An operator expression as written. @see spec/02-operators.md */
export type RawOperator =
  | { readonly op: "identity" }
  | { readonly op: "zero"; readonly domain?: RawShape; readonly codomain?: RawShape }
  | { readonly op: "scale"; readonly by: RawNumber }
  | { readonly op: "left" | "right" | "hadamard" | "dot" | "outer"; readonly matrix: RawTensor }
  | { readonly op: "kron"; readonly a: RawTensor; readonly b: RawTensor }
  | { readonly op: "transpose" }
  | { readonly op: "compose" | "sum"; readonly of: readonly RawOperator[] }
  | { readonly op: "adjoint"; readonly of: RawOperator };

export interface RawNamedValue {
  readonly id: string;
  readonly value: RawTensor;
}

/**
 * A graph node as written. Members other than `id`, `op` and `args` are attributes: the schema
 * accepts any name, and a missing or undefined attribute is `E_ATTRIBUTE`, not `E_SCHEMA`.
 * @see spec/03-primitives.md#prim.graph.attributes
 */
export interface RawNode {
  readonly id: string;
  readonly op: string;
  readonly args: readonly string[];
  /** pow's exponent, the only version-1 attribute. */
  readonly exponent?: RawNumber;
  readonly [attribute: string]: unknown;
}

export interface RawGraph {
  readonly inputs: readonly RawNamedValue[];
  readonly constants?: readonly RawNamedValue[];
  readonly nodes: readonly RawNode[];
  readonly output: string;
}

export interface RawCompare {
  readonly rtol?: number;
  readonly atol?: number;
  readonly ulps?: number;
}

export interface RawProvenance {
  readonly method: "closed-form" | "hand" | "paper" | "independent-script" | "oracle";
  readonly source: string;
  readonly notes?: string;
}

interface CaseCommon {
  readonly id: string;
  readonly description: string;
  readonly tags?: readonly string[];
  readonly compare?: RawCompare;
  readonly provenance?: RawProvenance;
}

/**
 * An expected error: any code but the structural ones (found by the loader, never by a backend)
 * and `E_INTERNAL`. @see spec/05-cases.md#case.expect.error
 */
export interface ErrorExpectation {
  readonly error: Exclude<ErrorCode, "E_JSON" | "E_SCHEMA" | "E_INTERNAL">;
}

export interface GraphCase extends CaseCommon {
  readonly kind: "graph";
  readonly graph: RawGraph;
  readonly wrt?: readonly string[];
  readonly cotangent?: RawTensor;
  readonly expect?:
    | { readonly value?: RawTensor; readonly gradient?: Readonly<Record<string, RawTensor>> }
    | ErrorExpectation;
}

export interface RawUnknown {
  readonly id: string;
  readonly shape: RawShape;
}

export interface RawEdge {
  readonly from: string;
  readonly to: string;
  readonly operator: RawOperator;
}

export interface SystemCase extends CaseCommon {
  readonly kind: "system";
  readonly system: {
    readonly unknowns: readonly RawUnknown[];
    readonly edges: readonly RawEdge[];
    readonly rhs?: Readonly<Record<string, RawTensor>>;
  };
  readonly expect?: { readonly solution: Readonly<Record<string, RawTensor>> } | ErrorExpectation;
}

export interface OperatorCase extends CaseCommon {
  readonly kind: "operator";
  readonly operator: RawOperator;
  readonly x: RawTensor;
  readonly y?: RawTensor;
  readonly expect?: { readonly apply?: RawTensor; readonly adjoint?: RawTensor } | ErrorExpectation;
}

export type Case = GraphCase | SystemCase | OperatorCase;

export interface CaseFile {
  readonly $schema?: string;
  readonly cases: readonly Case[];
}

/** True when a case expects a spec error rather than values. */
export function expectsError(expect: object | undefined): expect is ErrorExpectation {
  // Stryker disable next-line ConditionalExpression: not backend behaviour — the judge's and the oracles' test; the judge calls it only after expectationFor has filled expect; reference/case.test.ts covers undefined
  return expect !== undefined && "error" in expect;
}
