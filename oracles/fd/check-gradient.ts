/**
 * A whole claimed gradient judged element by element with float64 finite differences: one
 * {@link checkPartial} per element, plus the combined verdict and the indices that need attention.
 *
 * @see spec/04-system.md#system.gradient
 */
import { checkPartial } from "./check-partial.js";
import type { ForwardFunction } from "./evaluate-safely.js";
import type { FdOptions } from "./fd-options.js";
import { combineVerdicts, type FdVerdict } from "./fd-verdict.js";
import type { DerivativeCheck } from "./judge-sweep.js";

/** Per-element checks and their combination. */
export interface GradientCheck {
  /** FAIL if any element FAILs, else INCONCLUSIVE if any is, else PASS. */
  readonly verdict: FdVerdict;
  readonly elements: readonly DerivativeCheck[];
  /** Indices of the FAILing elements, in order. */
  readonly failed: readonly number[];
  /** Indices of the INCONCLUSIVE elements, in order. */
  readonly inconclusive: readonly number[];
}

/**
 * Judges every element of `g` as ∂f/∂x_i at `x`, with tolerance unit `scale[i]`.
 * Costs 1 + 2·(number of steps) evaluations of `f` per element (55 with the defaults).
 */
export function checkGradient(
  f: ForwardFunction,
  x: Float64Array,
  g: Float64Array,
  scale: Float64Array,
  options: FdOptions = {},
): GradientCheck {
  if (g.length !== x.length || scale.length !== x.length) {
    throw new RangeError(`checkGradient: x, g and scale must have one length, got ${x.length}, ${g.length}, ${scale.length}`);
  }
  const elements = Array.from(x, (_, i) => checkPartial(f, x, i, g[i]!, scale[i]!, options));
  const indices = (v: FdVerdict) => elements.flatMap((e, i) => (e.verdict === v ? [i] : []));
  return {
    verdict: combineVerdicts(elements.map((e) => e.verdict)),
    elements,
    failed: indices("FAIL"),
    inconclusive: indices("INCONCLUSIVE"),
  };
}
