/**
 * The spec's primitives as tfjs ops (float32). Where tfjs has no op the primitive is composed
 * from tfjs ops, so that tfjs's own gradients (tf.grads) still do all the differentiation:
 *
 * - `dot` = sum(A ⊙ B); `scale` = s·X by broadcasting the scalar (tfjs sums the broadcast
 *   gradient back to s);
 * - `trace` = the sum of the diagonal gathered from the flattened matrix, not ⟨I, A⟩: an
 *   infinite off-diagonal element would give 0·∞ = NaN (spec/03-primitives.md#prim.trace.forward);
 * - `inv` and `logdet`: tfjs has neither (no inverse, determinant or triangular solve), so both
 *   are Gaussian elimination with partial pivoting written in tfjs ops (prim.gepp): the pivot
 *   rows are chosen from the current values (piecewise constant, as in any LU), every arithmetic
 *   step is a tfjs op on the tape. inv back-substitutes [U | R]; logdet is Σ log|U_kk|.
 *
 * @see spec/03-primitives.md
 */
import type { PrimitiveName, Shape, Tensor as SpecTensor } from "../../../reference/index.js";
import type { Tf } from "./load-tfjs.js";
import type { PeerOps } from "../common/run-program.js";

type T = import("@tensorflow/tfjs").Tensor;

export function tfjsOps(tf: Tf): PeerOps<T> {
  const at = (row: T, j: number): T => tf.slice(row, [j], [1]);
  const value = (row: T, j: number): number => row.dataSync()[j] as number;

  /** Elimination on the rows of [A | extra]; returns the eliminated rows (prim.gepp). */
  function eliminate(A: T, extra?: T): T[] {
    // Rows by tf.slice, not tf.unstack, which in tfjs 4.22.0 fails twice here: its returned
    // array is the one its tape node keeps as the op's outputs (assigning a row into it silently
    // zeroes that row's gradient), and its gradient throws for a 1-row matrix ("Argument tensors
    // passed to stack must be a `Tensor[]`").
    const M = extra === undefined ? A : tf.concat([A, extra], 1);
    const n = A.shape[0] as number;
    const w = M.shape[1] as number;
    const rows = Array.from({ length: n }, (_, i) => tf.reshape(tf.slice(M, [i, 0], [1, w]), [w]));
    for (let k = 0; k < n; k++) {
      let p = k;
      for (let i = k + 1; i < n; i++) if (Math.abs(value(rows[i]!, k)) > Math.abs(value(rows[p]!, k))) p = i;
      [rows[k], rows[p]] = [rows[p]!, rows[k]!];
      const pivot = at(rows[k]!, k);
      for (let i = k + 1; i < n; i++) rows[i] = tf.sub(rows[i]!, tf.mul(tf.div(at(rows[i]!, k), pivot), rows[k]!));
    }
    return rows;
  }

  function inv(A: T): T {
    const n = A.shape[0] as number;
    const rows = eliminate(A, tf.eye(n));
    const X: T[] = [];
    for (let i = n - 1; i >= 0; i--) {
      let s = tf.slice(rows[i]!, [n], [n]);
      for (let k = i + 1; k < n; k++) s = tf.sub(s, tf.mul(at(rows[i]!, k), X[k]!));
      X[i] = tf.div(s, at(rows[i]!, i));
    }
    return tf.stack(X);
  }

  function logdet(A: T): T {
    const rows = eliminate(A);
    return tf.addN(rows.map((r, k) => tf.log(tf.abs(tf.reshape(at(r, k), [])))));
  }

  function trace(A: T): T {
    const n = A.shape[0] as number;
    const diagonal = tf.tensor1d(Array.from({ length: n }, (_, i) => i * (n + 1)), "int32");
    return tf.sum(tf.gather(tf.reshape(A, [n * n]), diagonal));
  }

  const prim = (op: PrimitiveName, [a, b]: readonly T[], p: { readonly exponent?: number }): T => {
    const A = a as T;
    const B = b as T;
    switch (op) {
      case "add": return tf.add(A, B);
      case "sub": return tf.sub(A, B);
      case "neg": return tf.neg(A);
      case "mul": return tf.mul(A, B);
      case "div": return tf.div(A, B);
      case "scale": return tf.mul(A, B);
      case "matmul": return tf.matMul(A as import("@tensorflow/tfjs").Tensor2D, B as import("@tensorflow/tfjs").Tensor2D);
      case "transpose": return tf.transpose(A);
      case "sum": return tf.sum(A);
      case "dot": return tf.sum(tf.mul(A, B));
      case "trace": return trace(A);
      case "exp": return tf.exp(A);
      case "log": return tf.log(A);
      case "sin": return tf.sin(A);
      case "cos": return tf.cos(A);
      case "tanh": return tf.tanh(A);
      case "sigmoid": return tf.sigmoid(A);
      case "sqrt": return tf.sqrt(A);
      case "square": return tf.square(A);
      case "relu": return tf.relu(A);
      case "pow": return tf.pow(A, tf.scalar(p.exponent as number));
      case "inv": return inv(A);
      case "logdet": return logdet(A);
    }
  };

  return {
    prim,
    shape: (x) => (x.rank === 0 ? [] : [x.shape[0] as number, x.shape[1] as number]) as Shape,
    read: (x) => readTensor(x),
    use: (x) => x,
  };
}

/** A tfjs tensor as the spec's tensor: a number, or rows of numbers. */
export function readTensor(x: T): SpecTensor {
  const data = Array.from(x.dataSync() as Float32Array);
  if (x.rank === 0) return data[0] as number;
  const n = x.shape[1] as number;
  return Array.from({ length: x.shape[0] as number }, (_, i) => data.slice(i * n, (i + 1) * n));
}

/** A spec tensor in tfjs: its binary64 elements rounded to float32 (tol.precision). */
export function toTfjs(tf: Tf, t: SpecTensor): T {
  return typeof t === "number" ? tf.scalar(t, "float32") : tf.tensor2d(t as number[][], undefined, "float32");
}
