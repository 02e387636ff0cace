/**
 * The gradient of a graph case by high-precision central differences: per element of each `wrt`
 * input, the derivative of ⟨g, x_o⟩ (g the output cotangent) computed in decimal.js from the exact
 * binary64 inputs, with Richardson extrapolation and an error estimate. It uses no derivative rule
 * and no code of reference/ beyond reading numbers: the truth the other oracles are judged against.
 *
 * Steps (the choice the issue leaves open). With P working digits and L central quotients at
 * h_i = h_0/2^i, the extrapolation table's error estimate is the size of its last correction,
 * ≈ h_0^{2(L−1)} for a function varying on the scale of 1, while rounding contributes ≈ 10^{−P}/h_0
 * (measured: φ(±h_0) are re-evaluated at 6 fewer digits; see estimate-derivative.ts).
 * They balance at h_0 = s·10^{−m}, m = round(P/(2L − 1)), s = max(1, |x|) — for the defaults
 * P = 40, L = 4: h_0 = 10^{−6}·s, so both terms are about 10^{−30} relative, far below 10^{−20},
 * with room for functions that vary on a scale of 10^{−3}·s. The first step whose estimate is below
 * 10^{−P/2} (in units of |∂f| + |f|/s) is taken; otherwise, or if the stencil leaves the domain,
 * the next is tried: h_0·10^{−3}, h_0·10^{−6}, then 10^{−m}·|x| (for a small x next to a domain
 * edge — log at x = 10^{−30} works at h = 10^{−36} — or a large x where the function still varies
 * on the scale of 1, sin at 10^{10}). Undecidable — gradient NaN or the central value, error
 * Infinity — are: an element whose every stencil leaves the domain (sqrt at 0), a kink at the point
 * (one-sided slopes that differ, see estimate-derivative.ts), a table that never converges to even
 * P/4 digits (sin at 10^{300}: at 40 digits no step resolves it), and a non-finite input element.
 * Cost: 2L + 2 = 10 evaluations per element and step tried, most elements needing one step.
 *
 * @see spec/04-system.md#system.gradient
 * @see spec/04-system.md#system.cotangent
 * @see spec/01-values.md#value.number.expected
 */
import type { GraphCase } from "../reference/case.js";
import type { Decimal } from "./decimal.js";
import { type DTensor, delements, dshape, fromElements } from "./dtensor.js";
import { estimateDerivative, type Sample } from "./field/estimate-derivative.js";
import { graphObjective, LOW_DIGITS } from "./field/graph-objective.js";

export interface HpGradientOptions {
  /** Working precision in significant digits (default 40). */
  readonly precision?: number;
  /** Input ids to differentiate (default: the case's `wrt`, else every input). */
  readonly wrt?: readonly string[];
  /** Central quotients per step, h_0, h_0/2, … (default 4). */
  readonly levels?: number;
}

export interface HpGradient {
  /** The forward value of the output at the working precision. */
  readonly value: DTensor;
  /** Per wrt input: the derivative of ⟨g, x_o⟩ with respect to each of its elements. */
  readonly gradient: Readonly<Record<string, DTensor>>;
  /** Per wrt input: each element's error estimate (≥ 0; Infinity when undecidable). */
  readonly error: Readonly<Record<string, DTensor>>;
  /** Evaluations of the graph, the unperturbed one included. */
  readonly evaluations: number;
}

/**
 * Differentiates a graph case element by element. Throws the case's spec error when its forward
 * evaluation (or reading, `wrt`, cotangent) faults.
 *
 * @see spec/04-system.md#system.gradient
 */
export function highPrecisionGradient(c: GraphCase, options: HpGradientOptions = {}): HpGradient {
  const { precision = 40, levels = 4 } = options;
  const o = graphObjective(c, precision, options.wrt);
  const D = o.D;
  const m = Math.round(precision / (2 * levels - 1));
  const accept = new D(10).pow(-Math.floor(precision / 2));
  const gradient: Record<string, DTensor> = {};
  const error: Record<string, DTensor> = {};
  let evaluations = 1;
  for (const k of o.wrt) {
    const input = o.sources[k] as DTensor;
    const xs = delements(input);
    const results = xs.map((x, e) => {
      if (!x.isFinite()) return { value: new D(NaN), error: new D(Infinity) };
      const moved = (t: Decimal): Sample => {
        const y = x.plus(t);
        const sources = [...o.sources];
        sources[k] = fromElements(dshape(input), xs.map((z, f) => (f === e ? y : z)));
        return { value: o.at(sources), step: y.minus(x), low: () => o.low(sources) };
      };
      const scale = D.max(1, x.abs());
      const steps = [0, 3, 6].map((extra) => scale.times(new D(10).pow(-(m + extra))));
      // Relative to |x| instead of max(1, |x|): for a small x next to a domain edge (log near 0), and
      // for a large x where the function still varies on the scale of 1 (sin at 1e10).
      if (!x.isZero() && !x.abs().eq(1)) steps.push(x.abs().lt(1) ? x.abs().times(new D(10).pow(-m)) : new D(10).pow(-m));
      const r = estimateDerivative(moved, o.base, { steps: steps.sort((a, b) => b.comparedTo(a)), levels, size: new D(0), scale, accept, lowDigits: LOW_DIGITS });
      evaluations += r.evaluations;
      return r;
    });
    const id = o.program.ids[k] as string;
    gradient[id] = fromElements(dshape(input), results.map((r) => r.value));
    error[id] = fromElements(dshape(input), results.map((r) => r.error));
  }
  return { value: o.value, gradient, error, evaluations };
}
