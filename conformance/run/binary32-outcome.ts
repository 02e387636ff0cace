/**
 * The float32 class's inputs (spec/07-tolerance.md#tol.precision): a `float32` backend sees every
 * input and constant rounded to binary32, and rounding can move a value across a domain edge —
 * `−1e-300` becomes `−0`, inside `sqrt`'s domain — or out of range. Where that changes whether the
 * case is a spec error at all, the case's expected outcome is not the one such a backend can
 * give, so the mismatch is undecided, not a failure. This asks the reference, at the rounded
 * inputs, which of the two the case becomes.
 *
 * @see spec/07-tolerance.md#tol.precision
 */
import { gradient, parseTensor, type GraphCase, type RawTensor, type Tensor } from "../../reference/index.js";
import { specErrorOf } from "../backends/index.js";

const raw = (x: number): number | string =>
  Number.isNaN(x) ? "NaN" : x === Infinity ? "Infinity" : x === -Infinity ? "-Infinity" : Object.is(x, -0) ? "-0" : x;

/** The tensor with every element rounded to the nearest binary32 value, written as a case writes it. */
function rounded(t: Tensor): RawTensor {
  return typeof t === "number" ? raw(Math.fround(t)) : t.map((row) => row.map((x) => raw(Math.fround(x))));
}

/** The graph case with its inputs and constants rounded to binary32 (everything else as written). */
export function atBinary32(c: GraphCase): GraphCase {
  const round = <S extends { value: RawTensor }>(s: S): S => ({ ...s, value: rounded(parseTensor(s.value)) });
  const g = c.graph;
  return { ...c, graph: { ...g, inputs: g.inputs.map(round), ...(g.constants !== undefined ? { constants: g.constants.map(round) } : {}) } };
}

/**
 * The spec error code the reference gives for `c` at binary32-rounded sources, or undefined when
 * it gives a result there. Any other exception (an internal error) is not this function's concern
 * and propagates.
 */
export function errorAtBinary32(c: GraphCase): string | undefined {
  try {
    gradient(atBinary32(c));
    return undefined;
  } catch (e) {
    const spec = specErrorOf(e);
    if (spec === undefined) throw e;
    return spec.code;
  }
}
