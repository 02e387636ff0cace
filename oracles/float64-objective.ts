/**
 * A graph case as a plain float64 function of its `wrt` inputs flattened row-major, for the
 * finite-difference oracle: f(x) = ⟨g, x_o(x)⟩ with g the case's cotangent (default 1). Forward
 * values come from the oracles' own evaluator over float64 (never from the backend being judged).
 *
 * @see spec/04-system.md#system.cotangent
 */
import type { GraphCase, RawTensor } from "../reference/case.js";
import { parseTensor } from "../reference/number.js";
import { evaluateGraph } from "./evaluate-graph.js";
import { float64Field } from "./field/float64-field.js";
import type { FTensor } from "./field/field.js";

type NumTensor = number | readonly (readonly number[])[];

export interface Float64Objective {
  /** f at a flattened point (may throw the case's spec error, e.g. E_DOMAIN, off the domain). */
  readonly f: (x: Float64Array) => number;
  /** The case's point, flattened. */
  readonly x: Float64Array;
  /** Flattens one tensor per wrt input (e.g. a gradient) in the same order. */
  readonly flatten: (perInput: Readonly<Record<string, NumTensor>>) => Float64Array;
  /** The wrt ids with the offset and shape of each in the flat vector. */
  readonly layout: readonly { readonly id: string; readonly offset: number; readonly rows: number; readonly cols: number }[];
}

const elements = (t: NumTensor): number[] => (typeof t === "number" ? [t] : t.flat());

export function float64Objective(c: GraphCase): Float64Objective {
  const wrt = c.wrt ?? c.graph.inputs.map((i) => i.id);
  const values = Object.fromEntries(c.graph.inputs.map((i) => [i.id, parseTensor(i.value) as NumTensor]));
  let offset = 0;
  const layout = wrt.map((id) => {
    const t = values[id] as NumTensor;
    const [rows, cols] = typeof t === "number" ? [0, 0] : [t.length, (t[0] as readonly number[]).length];
    const entry = { id, offset, rows, cols };
    offset += typeof t === "number" ? 1 : rows * cols;
    return entry;
  });
  const flatten = (perInput: Readonly<Record<string, NumTensor>>): Float64Array =>
    Float64Array.from(layout.flatMap((l) => elements(perInput[l.id] as NumTensor)));
  const unflatten = (x: Float64Array): Record<string, FTensor<number>> =>
    Object.fromEntries(
      layout.map((l) => [
        l.id,
        l.rows === 0 ? (x[l.offset] as number) : Array.from({ length: l.rows }, (_, i) => Array.from(x.subarray(l.offset + i * l.cols, l.offset + (i + 1) * l.cols))),
      ]),
    );
  const g = c.cotangent === undefined ? 1 : (parseTensor(c.cotangent as RawTensor) as NumTensor);
  const f = (x: Float64Array): number => {
    const out = evaluateGraph(c, float64Field, unflatten(x)).get(c.graph.output) as NumTensor;
    const ge = elements(g);
    return elements(out).reduce((s, y, k) => s + (ge[k] as number) * y, 0);
  };
  return { f, x: flatten(values), flatten, layout };
}
