/**
 * Tensors of decimals for the oracles: a scalar Decimal or a row-major matrix of Decimals. Written
 * apart from reference/tensor.ts on purpose: the oracles share no arithmetic with the code they judge.
 *
 * @see spec/01-values.md#value.tensor
 */
import type { Decimal, DecimalContext } from "./decimal.js";
import { exact } from "./decimal.js";

export type DMatrix = readonly (readonly Decimal[])[];
export type DTensor = Decimal | DMatrix;
export type DShape = readonly [] | readonly [number, number];

export const isDScalar = (t: DTensor): t is Decimal => !Array.isArray(t);

export function dshape(t: DTensor): DShape {
  return isDScalar(t) ? [] : [t.length, (t[0] as readonly Decimal[]).length];
}

/** A double tensor (from a case, already parsed) as exact decimals. */
export function fromNumbers(D: DecimalContext, t: number | readonly (readonly number[])[]): DTensor {
  return typeof t === "number" ? exact(D, t) : t.map((row) => row.map((x) => exact(D, x)));
}

/** Nearest doubles. */
export function toNumbers(t: DTensor): number | number[][] {
  return isDScalar(t) ? t.toNumber() : t.map((row) => row.map((x) => x.toNumber()));
}

export function dmap(t: DTensor, f: (x: Decimal, i: number, j: number) => Decimal): DTensor {
  return isDScalar(t) ? f(t, 0, 0) : t.map((row, i) => row.map((x, j) => f(x, i, j)));
}

/** Elementwise f(a, b); the caller has checked the shapes. */
export function dzip(a: DTensor, b: DTensor, f: (x: Decimal, y: Decimal) => Decimal): DTensor {
  if (isDScalar(a)) return f(a, b as Decimal);
  const B = b as DMatrix;
  return a.map((row, i) => row.map((x, j) => f(x, (B[i] as readonly Decimal[])[j] as Decimal)));
}

/** Row-major elements. */
export function delements(t: DTensor): Decimal[] {
  return isDScalar(t) ? [t] : t.flat();
}

/** The tensor of shape `s` with row-major elements `xs`. */
export function fromElements(s: DShape, xs: readonly Decimal[]): DTensor {
  if (s.length === 0) return xs[0] as Decimal;
  return Array.from({ length: s[0] }, (_, i) => xs.slice(i * s[1], (i + 1) * s[1]));
}

export function dmatmul(D: DecimalContext, A: DMatrix, B: DMatrix): DMatrix {
  const n = (B[0] as readonly Decimal[]).length;
  return A.map((row) =>
    Array.from({ length: n }, (_, j) => row.reduce((s, a, k) => s.plus(a.times((B[k] as readonly Decimal[])[j] as Decimal)), new D(0))),
  );
}

export function dtranspose(t: DTensor): DTensor {
  if (isDScalar(t)) return t;
  return (t[0] as readonly Decimal[]).map((_, j) => t.map((row) => row[j] as Decimal));
}

/** ⟨G, X⟩ = Σ G_ij X_ij. */
export function dinner(D: DecimalContext, G: DTensor, X: DTensor): Decimal {
  const xs = delements(X);
  return delements(G).reduce((s, g, k) => s.plus(g.times(xs[k] as Decimal)), new D(0));
}
