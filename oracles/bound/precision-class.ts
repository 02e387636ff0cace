/**
 * Precision classes: the arithmetic a backend computes in, as far as the tolerance model needs it —
 * its unit roundoff `u` and the spacing `η` of its subnormal numbers.
 *
 * @see spec/07-tolerance.md#tol.precision
 */

/** The arithmetic a backend declares. */
export type PrecisionClass = "float64" | "float32";

export interface PrecisionParameters {
  /** Unit roundoff: the largest relative error of one correctly rounded operation. */
  readonly u: number;
  /** The smallest positive subnormal: the absolute spacing of results that underflow. */
  readonly eta: number;
  /** The largest finite number. */
  readonly max: number;
  /** Whether the backend rounds the binary64 inputs, constants and cotangent to its own format. */
  readonly roundsInputs: boolean;
}

/** @see spec/07-tolerance.md#tol.precision */
export const PRECISION: Readonly<Record<PrecisionClass, PrecisionParameters>> = {
  float64: { u: 2 ** -53, eta: 2 ** -1074, max: Number.MAX_VALUE, roundsInputs: false },
  float32: { u: 2 ** -24, eta: 2 ** -149, max: (2 - 2 ** -23) * 2 ** 127, roundsInputs: true },
};
