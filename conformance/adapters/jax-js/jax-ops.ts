/**
 * The spec's primitives as jax-js ops (float64, cpu device), differentiated by jax-js itself.
 * jax-js has an op for every primitive but two, composed here from its ops:
 *
 * - `dot` = sum(A ⊙ B); `scale` = s·X by broadcasting the scalar; `pow` is `np.power`, which
 *   jax-js computes as exp(p·log|A|) with the sign restored (so 0 gives NaN derivatives);
 * - `logdet` = the second member of `np.linalg.slogdet` (its sign is dropped: the domain check
 *   has already required det A > 0 by the spec's elimination, spec/03-primitives.md#prim.logdet.domain).
 *
 * jax-js counts references and every op consumes its arguments: callers pass `x.ref` for every use
 * (`use`), and `read` reads a fresh reference, since `dataSync()` consumes what it reads.
 *
 * @see spec/03-primitives.md
 */
import type { PrimitiveName, Shape, Tensor as SpecTensor } from "../../../reference/index.js";
import type { PeerOps } from "../common/run-program.js";
import type { Jax } from "./load-jax.js";

export type JaxArray = InstanceType<Jax["numpy"]["Array"]>;

export function jaxOps(jax: Jax): PeerOps<JaxArray> {
  const np = jax.numpy;
  const prim = (op: PrimitiveName, [a, b]: readonly JaxArray[], p: { readonly exponent?: number }): JaxArray => {
    const A = a as JaxArray;
    const B = b as JaxArray;
    switch (op) {
      case "add": return np.add(A, B);
      case "sub": return np.subtract(A, B);
      case "neg": return np.negative(A);
      case "mul": return np.multiply(A, B);
      case "div": return np.trueDivide(A, B);
      case "scale": return np.multiply(A, B);
      case "matmul": return np.matmul(A, B);
      case "transpose": return np.transpose(A);
      case "sum": return np.sum(A);
      case "dot": return np.sum(np.multiply(A, B));
      case "trace": return np.trace(A);
      case "exp": return np.exp(A);
      case "log": return np.log(A);
      case "sin": return np.sin(A);
      case "cos": return np.cos(A);
      case "tanh": return np.tanh(A);
      case "sigmoid": return jax.nn.sigmoid(A);
      case "sqrt": return np.sqrt(A);
      case "square": return np.square(A);
      case "relu": return jax.nn.relu(A);
      // The exponent as a float64 array: given as a JS number, np.power (jit-compiled inside
      // jax-js) rounds it to float32, so pow(0.5, 1/3) came out 7e-9 relative off (0.1.25).
      case "pow": return np.power(A, np.array(p.exponent as number, { dtype: "float64" } as never));
      case "inv": return np.linalg.inv(A);
      case "logdet": {
        const [sign, logAbs] = np.linalg.slogdet(A);
        sign.dispose();
        return logAbs;
      }
    }
  };
  return {
    prim,
    shape: (x) => (x.shape.length === 0 ? [] : [x.shape[0] as number, x.shape[1] as number]) as Shape,
    read: (x) => readArray(x.ref),
    use: (x) => x.ref,
  };
}

/** A jax-js array as the spec's tensor (consumes `x`). */
export function readArray(x: JaxArray): SpecTensor {
  const shape = [...x.shape];
  const data = Array.from(x.dataSync() as Float64Array);
  if (shape.length === 0) return data[0] as number;
  const n = shape[1] as number;
  return Array.from({ length: shape[0] as number }, (_, i) => data.slice(i * n, (i + 1) * n));
}

/** A spec tensor as a float64 jax-js array on the default (cpu) device. */
export function toJax(jax: Jax, t: SpecTensor): JaxArray {
  return jax.numpy.array(typeof t === "number" ? t : (t as number[][]), { dtype: "float64" } as never);
}
