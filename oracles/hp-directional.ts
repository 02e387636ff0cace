/**
 * The directional derivative ⟨∇f, v⟩ of a graph case's objective f = ⟨g, x_o⟩ along a direction v
 * (one tensor per wrt input), by high-precision central differences of φ(t) = f(x + t·v): seven
 * evaluations (φ(0), φ(±h), φ(±h/2), and φ(±h) at 6 fewer digits to measure rounding) instead of
 * ten per input element — the cheap check for random graphs.
 *
 * Precision and stencil (the choice the issue leaves open): two central quotients at h and h/2,
 * extrapolated once (error O(h⁴)); the error estimate is the table's last correction, ≈ h²·|φ'''|,
 * or the rounding floor — the measured rounding error of one evaluation, times 4, over h —
 * whichever is larger. They balance at h ≈ 10^{−P/3}·s, s = max(1, ‖x‖∞)/‖v‖∞ (x: the moved
 * inputs). The default P = 44 gives h = 10^{−15}·s and estimates near 10^{−27} relative, seven
 * orders below 10^{−20}, so that a direction along which ⟨∇f, v⟩ cancels to 10^{−4} of
 * ⟨|∇f|, |v|⟩ still meets 10^{−20}. Digits cost little here (36, 40 and 44 run at the same speed:
 * decimal.js's per-operation overhead dominates), so they buy margin. Steps 10³ and 10⁶ times
 * smaller are tried if the stencil leaves a domain or the estimate is poor; a kink (the one-sided
 * slopes from φ(0) differ) is undecidable (error Infinity).
 *
 * @see spec/04-system.md#system.forward
 * @see spec/01-values.md#value.inner-product.tuple
 */
import type { GraphCase } from "../reference/case.js";
import type { Decimal } from "./decimal.js";
import { type DTensor, delements, dshape, dzip, fromNumbers } from "./dtensor.js";
import { estimateDerivative, type Sample } from "./field/estimate-derivative.js";
import { formatFShape, sameFShape } from "./field/ftensor.js";
import { graphObjective, LOW_DIGITS } from "./field/graph-objective.js";
import type { NumTensor } from "./field/graph-program.js";

export interface DirectionalOptions {
  /** Working precision in significant digits (default 44). */
  readonly precision?: number;
  /** Input ids the direction may name (default: the case's `wrt`, else every input). */
  readonly wrt?: readonly string[];
}

export interface Directional {
  /** ⟨∇f, v⟩, f = ⟨g, x_o⟩; NaN when no stencil stayed inside the domain. */
  readonly derivative: Decimal;
  /** Its error estimate (≥ 0; Infinity when undecidable). */
  readonly error: Decimal;
  /** Graph evaluations used, the unperturbed one included. */
  readonly evaluations: number;
}

/**
 * ⟨∇f, v⟩ along `v`: a tensor per wrt input, binary64 (converted exactly) or decimal; a wrt input
 * that `v` omits does not move. A key that is not a wrt input, or a tensor of the wrong shape, is a
 * `RangeError` (a misuse). Throws the case's spec error when its forward evaluation faults.
 *
 * @see spec/04-system.md#system.forward
 */
export function directionalDerivative(c: GraphCase, v: Readonly<Record<string, NumTensor | DTensor>>, options: DirectionalOptions = {}): Directional {
  const { precision = 44 } = options;
  const o = graphObjective(c, precision, options.wrt);
  const D = o.D;
  const moved = new Map<number, DTensor>();
  for (const [id, t] of Object.entries(v)) {
    const k = o.program.ids.indexOf(id);
    if (!o.wrt.includes(k)) throw new RangeError(`direction ${JSON.stringify(id)} is not a wrt input`);
    const d = isNumTensor(t) ? fromNumbers(D, t) : t;
    const [want, got] = [dshape(o.sources[k] as DTensor), dshape(d)];
    if (!sameFShape(want, got)) throw new RangeError(`direction ${JSON.stringify(id)} has shape ${formatFShape(got)}, the input ${formatFShape(want)}`);
    moved.set(k, d);
  }
  const size = (ts: Iterable<DTensor>): Decimal => D.max(0, ...[...ts].flatMap((t) => delements(t).map((x) => x.abs())));
  const vmax = size(moved.values());
  if (vmax.isZero()) return { derivative: new D(0), error: new D(0), evaluations: 1 };
  const xmax = size([...moved.keys()].map((k) => o.sources[k] as DTensor));
  if (!vmax.isFinite() || !xmax.isFinite()) return { derivative: new D(NaN), error: new D(Infinity), evaluations: 1 };
  const phi = (t: Decimal): Sample => {
    const sources = [...o.sources];
    for (const [k, d] of moved) sources[k] = dzip(sources[k] as DTensor, d, (x, y) => x.plus(t.times(y)));
    return { value: o.at(sources), step: t, low: () => o.low(sources) };
  };
  const scale = D.max(1, xmax).div(vmax);
  const m = Math.round(precision / 3);
  const steps = [0, 3, 6].map((extra) => scale.times(new D(10).pow(-(m + extra))));
  const accept = new D(10).pow(-Math.floor(precision / 2));
  const r = estimateDerivative(phi, o.base, { steps, levels: 2, size: xmax.div(vmax), scale, accept, lowDigits: LOW_DIGITS });
  return { derivative: r.value, error: r.error, evaluations: r.evaluations + 1 };
}

const isNumTensor = (t: NumTensor | DTensor): t is NumTensor =>
  typeof t === "number" || (Array.isArray(t) && typeof (t as readonly (readonly unknown[])[])[0]?.[0] === "number");
