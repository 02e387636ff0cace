/**
 * What {@link checkGradient} returns: the verdict, the worst element of every input with both
 * values and which side is the oracle, the evidence behind each verdict, and a readable message.
 *
 * Conventions: `actual` is always the gradient under test (yours), `expected` always the oracle's
 * estimate (finite differences in float64 arithmetic on your `f`); `error = |actual − expected|`.
 *
 * @see spec/04-system.md#system.gradient
 */
import type { DerivativeCheck, FdReason, FdVerdict, TaylorResult } from "../oracles/fd/index.js";
import type { PrecisionClass } from "../oracles/bound/index.js";

/** The numbers behind one finite-difference verdict. */
export interface FdEvidence {
  /** The oracle that supplied `expected`. */
  readonly oracle: "finite differences";
  /** The largest and smallest step of the sweep (absolute, along the element or the direction). */
  readonly sweep: readonly [largest: number, smallest: number];
  /** The steps of the window of three extrapolated values the estimate came from (absent when there is none). */
  readonly window?: readonly [number, number, number];
  /** The sweep's own error estimate of `expected` (Infinity when there is no window). */
  readonly estimateError: number;
  /** The tolerance unit b of this value. */
  readonly scale: number;
  /** The full record: every step's differences, noise and rounding bounds. */
  readonly check: DerivativeCheck;
}

/** One judged value: an element of an input's gradient, or a projection ⟨g, v⟩. */
export interface JudgedValue {
  readonly verdict: FdVerdict;
  /** Why: `agrees`/`disagrees` on a plateau, else why finite differences could not decide. */
  readonly reason: FdReason;
  /** The gradient under test (yours). */
  readonly actual: number;
  /** The oracle's estimate (finite differences); NaN when it has none. */
  readonly expected: number;
  /** |actual − expected|. */
  readonly error: number;
  /** What `error` may be: max(10 × the estimate's error, rel · scale). */
  readonly allowance: number;
  readonly evidence: FdEvidence;
}

/** One element of one input's gradient. */
export interface ElementReport extends JudgedValue {
  /** The input's name. */
  readonly input: string;
  /** The element's index in the input (`[]` for a number). */
  readonly index: readonly number[];
  /** The element's name, e.g. `w[1][0]`. */
  readonly element: string;
}

/** One random direction v (fast mode): `actual` = ⟨g, v⟩, `expected` = d/dt f(x + t·v) at 0. */
export interface DirectionReport extends JudgedValue {
  /** 0-based number of the direction, replayable with the result's seed. */
  readonly direction: number;
}

/** The verdict on one input's gradient. */
export interface InputReport {
  readonly name: string;
  readonly shape: readonly number[];
  /** FAIL if an element FAILs, else INCONCLUSIVE if one is, else PASS (undefined when not checked element by element). */
  readonly verdict?: FdVerdict;
  readonly counts: Readonly<Record<FdVerdict, number>>;
  /** The element most worth reading: the FAIL furthest beyond its allowance, else an INCONCLUSIVE one, else the PASS closest to its allowance. */
  readonly worst?: ElementReport;
}

/** The Taylor-remainder test along one random direction: a second opinion that never FAILs on its own. */
export interface TaylorOpinion {
  /** `supports` (slope ≥ 1.8), `contradicts` (slope ≤ 1.2 on ≥ 3 fitted points) or `undecided`. */
  readonly opinion: "supports" | "contradicts" | "undecided";
  readonly slope: number;
  readonly result: TaylorResult;
}

/** The result of {@link checkGradient}. */
export interface GradientCheckResult {
  /** `verdict === "PASS"`, or INCONCLUSIVE when the option `inconclusive` is `"ok"` (default). */
  readonly ok: boolean;
  /**
   * FAIL if any element or direction FAILs; else INCONCLUSIVE if any is, or if the Taylor test
   * contradicts an otherwise passing gradient; else PASS.
   */
  readonly verdict: FdVerdict;
  readonly precision: PrecisionClass;
  /** The mode that ran: `"fast+full"` when a fast FAIL was explained by the full check. */
  readonly mode: "full" | "fast" | "fast+full";
  readonly seed: number;
  /** f at the inputs (after rounding to the precision class). */
  readonly value: number;
  readonly inputs: readonly InputReport[];
  /** Every element checked (full mode), input by input, row-major. */
  readonly elements: readonly ElementReport[];
  /** The random projections checked (fast mode). */
  readonly directions: readonly DirectionReport[];
  /** Absent when the option `taylor` is false. */
  readonly taylor?: TaylorOpinion;
  /** Multi-line summary: verdict, the worst element per input with both values and the oracle named, the seed. */
  readonly message: string;
}
