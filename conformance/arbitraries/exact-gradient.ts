/**
 * The gradient of a graph case by forward-mode dual numbers (dual-field.ts) run through the
 * oracles' own evaluator: one direction per input element, the output cotangent 1 (or the case's).
 * Exact when the graph uses only arithmetic primitives over integers small enough that no product
 * or sum reaches 2⁵³ — the kink graphs' situation — and then the expected values of a kink case
 * (prim.relu.kink, tol.scope: "exact arithmetic (small integers), so a conforming backend matches
 * anyway"). Uses nothing of reference/ but its error type.
 *
 * @see spec/03-primitives.md#prim.relu.kink
 */
import type { GraphCase } from "../../reference/case.js";
import { parseTensor } from "../../reference/number.js";
import { evaluateGraph, type FTensor } from "../../oracles/index.js";
import { dualField, type Dual } from "./dual-field.js";
import type { NumTensor } from "./graph-builder.js";

const flat = <T>(t: FTensor<T>): T[] => (Array.isArray(t) ? (t as readonly (readonly T[])[]).flat() : [t as T]);

/** The dual value of every unknown, each input element seeded with its own direction. */
export function dualValues(c: GraphCase): { values: ReadonlyMap<string, FTensor<Dual>>; layout: { id: string; offset: number; value: NumTensor }[] } {
  let n = 0;
  const layout = c.graph.inputs.map((x) => {
    const value = parseTensor(x.value) as NumTensor;
    const entry = { id: x.id, offset: n, value };
    n += flat(value).length;
    return entry;
  });
  const F = dualField(n);
  const unit = (k: number): number[] => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));
  const overrides = Object.fromEntries(
    layout.map((l) => {
      let k = l.offset;
      const seed = (v: number): Dual => ({ v, d: unit(k++) });
      return [l.id, typeof l.value === "number" ? seed(l.value) : l.value.map((row) => row.map(seed))];
    }),
  );
  return { values: evaluateGraph(c, F, overrides), layout };
}

/** The value of the output and ∂⟨g, output⟩ for every input (g the cotangent, default 1). */
export function exactGradient(c: GraphCase): { value: NumTensor; gradient: Record<string, NumTensor> } {
  const { values, layout } = dualValues(c);
  const out = values.get(c.graph.output) as FTensor<Dual>;
  const g = c.cotangent === undefined ? [1] : flat(parseTensor(c.cotangent) as FTensor<number>);
  const outs = flat(out);
  const n = (outs[0] as Dual).d.length;
  const total = Array.from({ length: n }, (_, k) => outs.reduce((s, y, i) => s + (g[i] as number) * (y.d[k] as number), 0));
  const value = Array.isArray(out) ? (out as readonly (readonly Dual[])[]).map((row) => row.map((y) => y.v)) : (out as Dual).v;
  const gradient = Object.fromEntries(
    layout.map((l) => {
      let k = l.offset;
      const take = (): number => total[k++] as number;
      return [l.id, typeof l.value === "number" ? take() : l.value.map((row) => row.map(take))];
    }),
  );
  return { value, gradient };
}
