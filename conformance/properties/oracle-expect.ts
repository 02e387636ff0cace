/**
 * `expect` for a generated case, from the oracles (never from reference/): the high-precision
 * per-element gradient and value for graph cases, the dense Gaussian solve for system cases, the
 * explicit operator matrix for operator cases. Values are the nearest doubles to the 40-digit
 * results; an input whose gradient has an undecidable element (a kink, an exact cancellation) is
 * left out of `expect.gradient`.
 *
 * @see spec/05-cases.md#case.provenance
 */
import type { Case, GraphCase, OperatorCase, SystemCase } from "../../reference/case.js";
import { decimalContext, delements, denseSolve, type DTensor, highPrecisionGradient, operatorCaseDense, toNumbers } from "../../oracles/index.js";

const PRECISION = 40;

function graphExpect(c: GraphCase): GraphCase {
  const hp = highPrecisionGradient(c, { precision: PRECISION });
  const decided = Object.entries(hp.gradient).filter(([id]) => delements(hp.error[id] as DTensor).every((e) => e.isFinite()));
  return {
    ...c,
    expect: { value: toNumbers(hp.value), gradient: Object.fromEntries(decided.map(([id, g]) => [id, toNumbers(g)])) },
    provenance: { method: "oracle", source: `oracles/hp-gradient.ts (highPrecisionGradient, ${PRECISION} digits, Richardson-extrapolated central differences)` },
  };
}

function systemExpect(c: SystemCase): SystemCase {
  // The natural order is back substitution on the explicit matrix: accurate relative to each
  // element's own path magnitude, so exact zeros and tiny elements come out right (system-solution.ts).
  const { solution } = denseSolve(c, decimalContext(PRECISION), { order: "natural" });
  return {
    ...c,
    expect: { solution: Object.fromEntries(Object.entries(solution).map(([id, t]) => [id, toNumbers(t)])) },
    provenance: { method: "oracle", source: `oracles/materialize/dense-system.ts (denseSolve: the explicit (I − L)ᵀ, natural order, ${PRECISION} digits)` },
  };
}

function operatorExpect(c: OperatorCase): OperatorCase {
  const r = operatorCaseDense(c, decimalContext(PRECISION));
  return {
    ...c,
    expect: { apply: toNumbers(r.apply), ...(r.adjoint !== undefined ? { adjoint: toNumbers(r.adjoint) } : {}) },
    provenance: { method: "oracle", source: "oracles/materialize/operator-case.ts (operatorCaseDense: the explicit matrix and its transpose)" },
  };
}

/** The case with `expect` and `provenance` from the oracles (a case that has `expect` is kept). */
export function withOracleExpect(c: Case): Case {
  if (c.expect !== undefined) return c;
  switch (c.kind) {
    case "graph":
      return graphExpect(c);
    case "system":
      return systemExpect(c);
    case "operator":
      return operatorExpect(c);
  }
}
