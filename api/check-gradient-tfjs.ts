/**
 * {@link checkGradient} for a TensorFlow.js function: the gradient under test is `tf.grads(f)`,
 * the function is evaluated by tfjs (float32) at every finite-difference point, and the check runs
 * in the float32 class by default. Bring your own framework: `@tensorflow/tfjs` is imported only
 * when this function runs without a `tf` option, never at module load.
 *
 * Conventions: `tf` is the `@tensorflow/tfjs` namespace; inputs are tfjs tensors or plain values
 * (converted to float32 tensors); `f` returns a tensor with one element.
 *
 * @see spec/07-tolerance.md#tol.precision
 */
import type * as Tf from "@tensorflow/tfjs";
import { checkGradient } from "./check-gradient.js";
import type { CheckGradientOptions } from "./check-gradient-options.js";
import type { GradientCheckResult } from "./gradient-report.js";
import { flatten, shapeOfValue, type Shaped, type Value } from "./value.js";

/** The `@tensorflow/tfjs` namespace, as `import * as tf from "@tensorflow/tfjs"` gives it. */
export type TfNamespace = typeof Tf;

/** Settings of {@link checkGradientTfjs}: those of {@link checkGradient} but `gradient`, plus `tf`. */
export interface CheckGradientTfjsOptions extends Omit<CheckGradientOptions<Shaped[]>, "gradient" | "precision"> {
  /**
   * The tfjs namespace to use (default: `await import("@tensorflow/tfjs")`). Pass yours when you
   * use another tfjs bundle or backend setup.
   */
  readonly tf?: TfNamespace;
  /** Default `"float32"`: tfjs computes in binary32. */
  readonly precision?: CheckGradientOptions<Shaped[]>["precision"];
}

/**
 * Checks `tf.grads(f)` at `inputs` against finite differences of `f` itself (evaluated by tfjs).
 *
 * @param f a tfjs function of tensors returning a scalar tensor, e.g. `(x, w) => tf.sum(tf.tanh(tf.matMul(x, w)))`.
 * @param inputs one tensor (or plain {@link Value}) per parameter of `f`; they are not disposed.
 * @param options see {@link CheckGradientTfjsOptions}; default precision `"float32"`.
 * @returns the {@link GradientCheckResult} of {@link checkGradient}.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { checkGradientTfjs } from "backslash-ad";
 *
 * const x = tf.tensor2d([[0.1, -0.4], [0.7, 0.2]]);
 * const w = tf.tensor2d([[0.5], [-0.3]]);
 * const result = await checkGradientTfjs((x, w) => tf.sum(tf.tanh(tf.matMul(x, w))), [x, w], { tf });
 * result.ok; // true
 * ```
 */
export async function checkGradientTfjs(
  f: (...inputs: Tf.Tensor[]) => Tf.Tensor,
  inputs: readonly (Tf.Tensor | Value)[],
  options: CheckGradientTfjsOptions = {},
): Promise<GradientCheckResult> {
  const tf: TfNamespace = options.tf ?? (await import("@tensorflow/tfjs"));
  const names = options.names ?? inputs.map((_, k) => `arg${k}`);
  const plain: Shaped[] = inputs.map((v, k) => {
    if (v instanceof tf.Tensor) return { data: Float64Array.from(v.dataSync() as ArrayLike<number>), shape: v.shape };
    return { data: flatten(v as Value, `input ${names[k]}`), shape: shapeOfValue(v as Value, `input ${names[k]}`) };
  });
  const toTensors = (xs: readonly Shaped[]): Tf.Tensor[] => xs.map((x) => tf.tensor(Float32Array.from(x.data), [...x.shape], "float32"));
  const scalarOf = (y: Tf.Tensor): number => {
    if (!(y instanceof tf.Tensor) || y.size !== 1) {
      throw new TypeError(`checkGradientTfjs: f must return a tensor with one element, got ${y instanceof tf.Tensor ? `shape [${y.shape.join(", ")}]` : typeof y}`);
    }
    return y.dataSync()[0] as number;
  };
  const value = (...xs: Shaped[]): number => tf.tidy(() => scalarOf(f(...toTensors(xs))));
  const gradients = tf.grads(f);
  const gradient = (...xs: Shaped[]): Float32Array[] =>
    tf.tidy(() => gradients(toTensors(xs)).map((g) => Float32Array.from(g.dataSync() as ArrayLike<number>)));
  const { tf: _tf, ...rest } = options;
  return checkGradient(value, plain, { ...rest, names, precision: options.precision ?? "float32", gradient });
}
