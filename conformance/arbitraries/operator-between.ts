/**
 * Operators as data that map a given domain shape to a given codomain shape, every one of the
 * thirteen kinds reachable, built from a stream of choices so that fast-check shrinks them: each
 * decision takes the next number of the stream modulo its options (an exhausted stream gives 0,
 * the first option), and tensors take the next numbers of a pool of small integers (cycled).
 * Kinds that nest (compose, sum, adjoint) are offered up to a depth; the first option is always the
 * simplest (identity, or zero between different shapes).
 *
 * `zero` always states its domain when the codomain differs from it: the one form the spec
 * excludes from the adjoint identity (law.adjoint-identity) is never produced.
 *
 * @see spec/02-operators.md#op.vocabulary
 */
import type { RawOperator, RawShape } from "../../reference/case.js";
import { isScalarShape, sameShape, tensorOf, type NumTensor } from "./graph-builder.js";

type Shape = RawShape;

/** The stream of decisions and the pool of numbers an operator is built from. */
export class Choices {
  private c = 0;
  private p = 0;
  constructor(
    private readonly choices: readonly number[],
    private readonly pool: readonly number[],
    /** Largest matrix side of shapes chosen here (compose's middle shape). */
    readonly maxSide = 3,
  ) {}
  /** The next decision among `n` options (0 once the stream is exhausted). */
  next(n: number): number {
    return n <= 1 ? 0 : ((this.choices[this.c++] ?? 0) % n);
  }
  value(): number {
    return this.pool.length === 0 ? 1 : (this.pool[this.p++ % this.pool.length] as number);
  }
  tensor(s: Shape): NumTensor {
    return tensorOf(s, () => this.value());
  }
  /** A shape: the scalar (options 0 and 1, so that dot and outer are frequent) or a matrix with sides up to maxSide. */
  shape(): Shape {
    const k = this.next(2 + this.maxSide * this.maxSide) - 1;
    return k <= 0 ? [] : [1 + ((k - 1) % this.maxSide), 1 + Math.floor((k - 1) / this.maxSide)];
  }
  /** `S` itself (option 0), its transpose, or any shape: so that many operators map a shape to itself. */
  shapeLike(S: Shape): Shape {
    const k = this.next(3);
    return k === 0 ? S : k === 1 ? (S.length === 0 ? S : [S[1], S[0]]) : this.shape();
  }
}

/**
 * An operator from shape `S` to shape `T`: at the top of `depth` levels of nesting (0 for leaves
 * only).
 *
 * @see spec/02-operators.md#op.def.operator
 */
export function operatorBetween(S: Shape, T: Shape, ch: Choices, depth = 2): RawOperator {
  const options: (() => RawOperator)[] = [];
  const equal = sameShape(S, T);
  if (equal) {
    options.push(
      () => ({ op: "identity" }),
      () => ({ op: "scale", by: ch.value() }),
      () => ({ op: "hadamard", matrix: ch.tensor(S) }),
      () => ({ op: "zero" }),
      () => ({ op: "zero", codomain: T }),
    );
  }
  options.push(() => ({ op: "zero", domain: S, codomain: T }));
  if (sameShape(T, isScalarShape(S) ? S : [S[1], S[0]])) options.push(() => ({ op: "transpose" }));
  if (!isScalarShape(S) && !isScalarShape(T)) {
    // kron(a, b): X ↦ b X aᵀ, from [s, q] to [r, p] with a: [p, q], b: [r, s].
    options.push(() => ({ op: "kron", a: ch.tensor([T[1], S[1]]), b: ch.tensor([T[0], S[0]]) }));
    if (S[1] === T[1]) options.push(() => ({ op: "left", matrix: ch.tensor([T[0], S[0]]) }));
    if (S[0] === T[0]) options.push(() => ({ op: "right", matrix: ch.tensor([S[1], T[1]]) }));
  }
  if (isScalarShape(T)) options.push(() => ({ op: "dot", matrix: ch.tensor(S) }));
  if (isScalarShape(S)) options.push(() => ({ op: "outer", matrix: ch.tensor(T) }));
  if (depth > 0) {
    options.push(
      () => {
        const R = ch.shapeLike(S);
        return { op: "compose", of: [operatorBetween(R, T, ch, depth - 1), operatorBetween(S, R, ch, depth - 1)] };
      },
      () => ({ op: "sum", of: [operatorBetween(S, T, ch, depth - 1), operatorBetween(S, T, ch, depth - 1)] }),
      () => ({ op: "adjoint", of: operatorBetween(T, S, ch, depth - 1) }),
    );
  }
  return (options[ch.next(options.length)] as () => RawOperator)();
}
