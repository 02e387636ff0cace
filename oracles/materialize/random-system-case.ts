/**
 * Random system cases for property tests: unknowns that are scalars or small matrices, edges that
 * always fit (every operator kind, compositions, sums, adjoints, parallel edges), a random
 * right-hand side. Built index-wise so that fast-check shrinks to small systems: edge k picks its
 * target among unknowns 1…N−1 and its source among those before it (picks taken modulo), and its
 * operator among the candidates that map the source's shape to the target's (again modulo).
 *
 * Numbers are mostly k/10⁹·2 for integers |k| ≤ 10⁹ — doubles with full 53-bit significands in
 * [−2, 2], so that binary64 arithmetic really rounds — and sometimes ±0, ±1 or a tiny 2⁻¹⁰⁰⁰-scale
 * value (exact zeros, cancellations, underflow).
 *
 * @see spec/04-system.md#system.case
 */
import fc from "fast-check";
import type { RawOperator, RawShape, RawTensor, SystemCase } from "../../reference/case.js";

export interface RandomSystemOptions {
  /** Most unknowns (default 5). */
  readonly maxUnknowns?: number;
  /** Largest matrix side (default 3). */
  readonly maxSide?: number;
  /** Most edges (default 8). */
  readonly maxEdges?: number;
}

type Shape = RawShape;

interface EdgePick {
  readonly to: number;
  readonly from: number;
  readonly kind: number;
}

/** Cycles through the generated numbers: every tensor takes the next ones. */
class Numbers {
  private k = 0;
  constructor(private readonly pool: readonly number[]) {}
  next(): number {
    return this.pool[this.k++ % this.pool.length] as number;
  }
  tensor(s: Shape): RawTensor {
    return s.length === 0 ? this.next() : Array.from({ length: s[0] }, () => Array.from({ length: s[1] }, () => this.next()));
  }
}

const isScalar = (s: Shape): s is readonly [] => s.length === 0;

/** Operators mapping shape `from` to shape `to` (never empty: kron-like and zero always fit). */
function candidates(from: Shape, to: Shape, num: Numbers, depth = 0): RawOperator[] {
  const out: RawOperator[] = [{ op: "zero", domain: from, codomain: to }];
  const same = from.length === to.length && from.every((d, i) => d === to[i]);
  if (same) {
    out.push({ op: "identity" }, { op: "scale", by: num.next() }, { op: "hadamard", matrix: num.tensor(from) });
    if (isScalar(from)) out.push({ op: "transpose" });
  }
  if (isScalar(from) && isScalar(to)) out.push({ op: "compose", of: [{ op: "dot", matrix: num.next() }, { op: "outer", matrix: num.next() }] });
  if (!isScalar(from) && !isScalar(to)) {
    const [m1, n1] = from;
    const [m2, n2] = to;
    out.push(
      { op: "kron", a: num.tensor([n2, n1]), b: num.tensor([m2, m1]) },
      { op: "compose", of: [{ op: "left", matrix: num.tensor([m2, m1]) }, { op: "right", matrix: num.tensor([n1, n2]) }] },
    );
    if (m1 === n2 && n1 === m2) out.push({ op: "transpose" }, { op: "compose", of: [{ op: "transpose" }, { op: "hadamard", matrix: num.tensor(from) }] });
    if (n1 === n2) out.push({ op: "left", matrix: num.tensor([m2, m1]) });
    if (m1 === m2) out.push({ op: "right", matrix: num.tensor([n1, n2]) });
    if (same) out.push({ op: "sum", of: [{ op: "left", matrix: num.tensor([m1, m1]) }, { op: "right", matrix: num.tensor([n1, n1]) }] });
  }
  if (!isScalar(from) && isScalar(to)) {
    out.push({ op: "dot", matrix: num.tensor(from) }, { op: "compose", of: [{ op: "dot", matrix: num.tensor([2, from[1]]) }, { op: "left", matrix: num.tensor([2, from[0]]) }] });
  }
  if (isScalar(from) && !isScalar(to)) {
    out.push({ op: "outer", matrix: num.tensor(to) }, { op: "compose", of: [{ op: "right", matrix: num.tensor([to[1], to[1]]) }, { op: "outer", matrix: num.tensor(to) }] });
  }
  if (depth === 0) {
    // The adjoint of an operator going the other way, and a sum of two candidates.
    const back = candidates(to, from, num, 1);
    out.push({ op: "adjoint", of: back[back.length - 1] as RawOperator });
    const here = candidates(from, to, num, 1);
    out.push({ op: "sum", of: [here[here.length - 1] as RawOperator, { op: "scale", by: num.next() } as RawOperator].slice(0, same ? 2 : 1) });
  }
  return out;
}

function build(shapes: readonly Shape[], picks: readonly EdgePick[], pool: readonly number[], rhsMask: readonly boolean[]): SystemCase {
  const num = new Numbers(pool);
  const n = shapes.length;
  const ids = shapes.map((_, k) => `u${k}`);
  const edges =
    n < 2
      ? []
      : picks.map((p) => {
          const to = 1 + (p.to % (n - 1));
          const from = p.from % to;
          const options = candidates(shapes[from] as Shape, shapes[to] as Shape, num);
          return { from: ids[from] as string, to: ids[to] as string, operator: options[p.kind % options.length] as RawOperator };
        });
  const rhs = Object.fromEntries(shapes.flatMap((s, k) => (rhsMask[k % rhsMask.length] === true ? [[ids[k] as string, num.tensor(s)]] : [])));
  return {
    id: "random.system",
    description: "a random system case",
    kind: "system",
    system: { unknowns: shapes.map((shape, k) => ({ id: ids[k] as string, shape })), edges, rhs },
  };
}

/** An arbitrary of valid system cases (the reference solves every one without a fault). */
export function randomSystemCase(options: RandomSystemOptions = {}): fc.Arbitrary<SystemCase> {
  const { maxUnknowns = 5, maxSide = 3, maxEdges = 8 } = options;
  const side = fc.integer({ min: 1, max: maxSide });
  const shape: fc.Arbitrary<Shape> = fc.oneof(fc.constant([] as const), fc.tuple(side, side));
  const pick: fc.Arbitrary<EdgePick> = fc.record({ to: fc.nat(), from: fc.nat(), kind: fc.nat() });
  const value = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((k) => (k / 1e9) * 2) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, -1) },
    { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((k) => k * 2 ** -1020) },
  );
  return fc
    .record({
      shapes: fc.array(shape, { minLength: 1, maxLength: maxUnknowns }),
      picks: fc.array(pick, { maxLength: maxEdges }),
      pool: fc.array(value, { minLength: 1, maxLength: 48 }),
      rhsMask: fc.array(fc.boolean(), { minLength: 1, maxLength: maxUnknowns }),
    })
    .map(({ shapes, picks, pool, rhsMask }) => build(shapes, picks, pool, rhsMask));
}
