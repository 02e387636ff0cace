/**
 * Guard nodes read from the rule table: for argument `k` of primitive `p` they map any value into
 * the domain `RULES[p].domain(attributes)[k]` and away from the rule's kinks and edges, so that
 * random graphs exercise every primitive where its derivative is defined and the first-order
 * tolerance model holds (spec: tol.scope). Nothing here names a primitive: a new rule with a new
 * domain kind is a type error in `guardArgument`, not a silent gap.
 *
 * - all (no kink or edge): the argument itself;
 * - all, with a kink or an edge at `t` (relu at 0, pow's edge at 0): `t + M ⊙ sigmoid(a)`, `M` a
 *   constant ±1 mask from the step's variant bits, so both sides of `t` occur;
 * - nonzero: `M ⊙ sigmoid(a)` (both signs, never 0);
 * - above `t` (log, sqrt, fractional pow): `t + sigmoid(a)` — strictly inside, so away from an edge
 *   at `t` as well;
 * - invertible: `±(n + 1)·I + tanh(a)`; positive determinant: `(n + 1)·I + tanh(a)`. With
 *   ‖tanh(a)‖₂ ≤ ‖tanh(a)‖_F ≤ n < n + 1 every eigenvalue keeps the sign of the diagonal: the
 *   matrix is invertible with condition number at most 2n + 1, and det > 0 for the `+` sign.
 *
 * sigmoid(a) is positive for every finite a but may come close to 0 for large negative a; each
 * guard output is therefore registered with {@link GraphBuilder.watch}, and the arbitrary rejects
 * a step whose guarded values come within 10⁻⁶ of the point.
 *
 * @see spec/03-primitives.md#prim.domain
 * @see spec/03-primitives.md#prim.relu.kink
 * @see spec/07-tolerance.md#tol.scope
 */
import { RULES, type PrimitiveName, type Rule } from "../../reference/index.js";
import type { Attributes } from "../../reference/primitives.js";
import { assertNever } from "../../reference/errors.js";
import { isScalarShape, tensorOf, type GraphBuilder, type Shape } from "./graph-builder.js";

/** The ±1 mask of shape `s` whose element k is −1 when bit k of `bits` is set. */
export function signMask(s: Shape, bits: number): number | number[][] {
  return tensorOf(s, (k) => ((Math.floor(bits / 2 ** k) & 1) === 1 ? -1 : 1));
}

/** The points argument `k` must keep away from: the rule's kinks and edges (they concern argument 0). */
function singularPoints(rule: Rule, k: number): number[] {
  if (k !== 0) return [];
  return [...new Set([...rule.kinks.map((x) => x.at), ...rule.edges])];
}

/** `t + M ⊙ sigmoid(a)` (or without `M` when `signed` is false, or without `t` when it is 0). */
function offSigmoid(g: GraphBuilder, a: string, t: number, signed: boolean, bits: number): string {
  const s = g.shapeOf(a);
  let id = g.node("sigmoid", [a], s);
  if (signed) id = g.node("mul", [g.constant(signMask(s, bits), s), id], s);
  if (t !== 0) id = g.node("add", [g.constant(tensorOf(s, () => t), s), id], s);
  return g.watch(id, t);
}

/** `c·I + tanh(a)` for a square matrix `a`, |c| = n + 1. */
function nearScaledIdentity(g: GraphBuilder, a: string, sign: 1 | -1): string {
  const s = g.shapeOf(a);
  const n = isScalarShape(s) ? 1 : s[0];
  const diagonal = g.constant(tensorOf(s, (k) => (Math.floor(k / n) === k % n ? sign * (n + 1) : 0)), s);
  return g.node("add", [diagonal, g.node("tanh", [a], s)], s);
}

/**
 * The id of a value that argument `k` of `p` (with attributes `attributes`) may take: `a` itself or
 * guard nodes built on it. `bits` chooses signs (masks, the sign of an invertible guard).
 *
 * @see spec/03-primitives.md#prim.domain
 */
export function guardArgument(g: GraphBuilder, p: PrimitiveName, attributes: Attributes, k: number, a: string, bits: number): string {
  const rule: Rule = RULES[p];
  const domain = rule.domain(attributes)[k];
  if (domain === undefined) throw new RangeError(`${p} has no argument ${k}`);
  const points = singularPoints(rule, k);
  if (points.length > 1) throw new RangeError(`${p}: guards keep away from one point only, got ${points.join(", ")}`);
  switch (domain.kind) {
    case "all":
      return points.length === 0 ? a : offSigmoid(g, a, points[0] as number, true, bits);
    case "nonzero":
      return offSigmoid(g, a, 0, true, bits);
    case "above":
      if (points.some((t) => t !== domain.bound)) throw new RangeError(`${p}: an edge inside the domain`);
      return offSigmoid(g, a, domain.bound, false, bits);
    case "invertible":
      return nearScaledIdentity(g, a, (bits & 1) === 1 ? -1 : 1);
    case "positive-determinant":
      return nearScaledIdentity(g, a, 1);
    default:
      return assertNever(domain);
  }
}
