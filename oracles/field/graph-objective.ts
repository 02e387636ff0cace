/**
 * The scalar a graph case differentiates, ⟨g, x_o⟩ (g the output cotangent), as a function of the
 * input values in high precision: the common ground of the high-precision gradient and the
 * directional derivative.
 *
 * Perturbed evaluations run only the output's ancestors: nodes the output does not depend on
 * cannot change the objective, and a dead node leaving its domain under a perturbation (sqrt of a
 * perturbed 0 that nothing uses) must not stop the difference quotient (system.live). The
 * unperturbed evaluation runs every node, so a domain fault anywhere is still the case's result.
 *
 * Conventions: `k` indexes unknowns; `sources[k]` holds input and constant values.
 *
 * @see spec/04-system.md#system.cotangent
 * @see spec/04-system.md#system.live
 */
import type { GraphCase } from "../../reference/case.js";
import { fail } from "../../reference/errors.js";
import { parseTensor } from "../../reference/number.js";
import type { Decimal, DecimalContext } from "../decimal.js";
import { decimalContext } from "../decimal.js";
import { type DTensor, dinner, dmap, dshape, fromNumbers } from "../dtensor.js";
import { decimalField } from "./decimal-field.js";
import type { Field } from "./field.js";
import { formatFShape, sameFShape } from "./ftensor.js";
import { type GraphProgram, readGraphProgram } from "./graph-program.js";
import { ancestors, runProgram, sourceValues } from "./run-program.js";

export interface GraphObjective {
  readonly D: DecimalContext;
  readonly field: Field<Decimal>;
  readonly program: GraphProgram;
  /** The unperturbed values of the sources. */
  readonly sources: readonly DTensor[];
  /** The forward value of the output. */
  readonly value: DTensor;
  /** g_o: the case's cotangent, or 1 for a scalar output. */
  readonly cotangent: DTensor;
  /** ⟨g_o, x_o⟩ at the unperturbed point. */
  readonly base: Decimal;
  /** Input indices of `wrt` (default: every input), in order. */
  readonly wrt: readonly number[];
  /** ⟨g_o, x_o⟩ for other source values (the output's ancestors only); throws their spec error. */
  at(sources: readonly DTensor[]): Decimal;
  /**
   * The same at LOW_DIGITS fewer digits, from the same source values: the difference to `at`
   * measures the rounding error of an evaluation (it shrinks 10× per digit), cancellation inside
   * the graph included — what |φ|·10^{−P} alone would miss (ln(1 + δ) rounds 1 + δ to P digits of
   * 1, not of δ).
   */
  low(sources: readonly DTensor[]): Decimal;
}

/** How many digits fewer the rounding-measuring evaluation carries. */
export const LOW_DIGITS = 6;

/**
 * Reads the case, checks `wrt` and the cotangent, and evaluates it once in full at `precision`
 * digits. Throws the case's spec error (structure, forward domain, E_NOT_SCALAR, …).
 *
 * @see spec/05-cases.md#case.graph.wrt
 * @see spec/05-cases.md#case.graph.cotangent
 */
export function graphObjective(c: GraphCase, precision: number, wrt?: readonly string[]): GraphObjective {
  const D = sharedContext(precision);
  const field = decimalField(D);
  const program = readGraphProgram(c);
  const chosen = wrt ?? c.wrt ?? program.ids.slice(0, program.inputs);
  const wrtIndices = chosen.map((id, i) => {
    const k = program.ids.indexOf(id);
    if (k < 0 || k >= program.inputs) fail("E_UNKNOWN_ID", `wrt ${JSON.stringify(id)} is not an input`, { pointer: `/wrt/${i}` });
    if (chosen.indexOf(id) !== i) fail("E_DUPLICATE_ID", `wrt names ${JSON.stringify(id)} twice`, { pointer: `/wrt/${i}` });
    return k;
  });
  const sources = sourceValues(field, program) as DTensor[];
  const value = runProgram(field, program, sources)[program.output] as DTensor;
  const cotangent = cotangentOf(D, c, value);
  const live = ancestors(program, program.output);
  const at = (s: readonly DTensor[]): Decimal => dinner(D, cotangent, runProgram(field, program, s, live)[program.output] as DTensor);
  // The low-precision twin: sources and cotangent re-homed in its context (new L(x) keeps every
  // digit), so both evaluations start from the very same point and differ only in their roundings.
  const L = sharedContext(precision - LOW_DIGITS);
  const lowField = decimalField(L);
  const rehome = (t: DTensor): DTensor => dmap(t, (x) => new L(x));
  const lowCotangent = rehome(cotangent);
  const low = (s: readonly DTensor[]): Decimal =>
    dinner(L, lowCotangent, runProgram(lowField, program, s.map(rehome), live)[program.output] as DTensor);
  return { D, field, program, sources, value, cotangent, base: dinner(D, cotangent, value), wrt: wrtIndices, at, low };
}

const contexts = new Map<number, DecimalContext>();
/**
 * One context per precision for all calls, so that the field's constants (ln 10, ln 2, π, computed
 * once per context and precision) are not recomputed for every case.
 */
function sharedContext(precision: number): DecimalContext {
  let D = contexts.get(precision);
  if (D === undefined) contexts.set(precision, (D = decimalContext(precision)));
  return D;
}

/** @see spec/04-system.md#system.cotangent */
function cotangentOf(D: DecimalContext, c: GraphCase, value: DTensor): DTensor {
  const shape = dshape(value);
  if (c.cotangent === undefined) {
    if (shape.length !== 0) fail("E_NOT_SCALAR", `the output is ${formatFShape(shape)}: a cotangent is required`, { pointer: "/graph/output" });
    return new D(1);
  }
  const g = fromNumbers(D, parseTensor(c.cotangent, "/cotangent"));
  if (!sameFShape(dshape(g), shape)) fail("E_SHAPE", `the cotangent is ${formatFShape(dshape(g))}, the output ${formatFShape(shape)}`, { pointer: "/cotangent" });
  return g;
}
