/**
 * Per-element allowances for a case from the tolerance model of chapter 7: the error-bound scale b
 * of each expected tensor and the case's rounding depth D, for the backend's precision class. Used
 * wherever a case states no `compare` member, so the harness needs no global atol/rtol.
 *
 * @see spec/07-tolerance.md#tol.allowance
 * @see spec/06-conformance.md#compare.defaults
 */
import { allowance, errorScale, operatorErrorScale, systemErrorScale, tolerance, type PrecisionClass } from "../../oracles/bound/index.js";
import type { Case, Tensor } from "../../reference/index.js";

export interface CaseAllowances {
  /** Allowance per result path: `value`, `gradient.<id>`, `solution.<id>`, `apply`, `adjoint`. */
  readonly byPath: ReadonlyMap<string, Tensor>;
  /** Nodes within rounding of a kink or domain edge (tol.scope): a mismatch there is undecided. */
  readonly outsideModel: readonly string[];
  /** The case's magnitudes exceed the precision class's range (tol.precision). */
  readonly outsideRange: boolean;
}

export function allowancesFor(c: Case, precision: PrecisionClass): CaseAllowances {
  switch (c.kind) {
    case "graph": {
      const t = tolerance(errorScale(c), precision);
      const byPath = new Map<string, Tensor>([["value", t.value], ...Object.entries(t.gradient).map(([id, a]): [string, Tensor] => [`gradient.${id}`, a])]);
      return { byPath, outsideModel: t.outsideModel, outsideRange: t.outsideRange };
    }
    case "system": {
      const s = systemErrorScale(c);
      const byPath = new Map(Object.entries(s.solution).map(([id, b]): [string, Tensor] => [`solution.${id}`, allowance(b, s.depth, precision)]));
      return { byPath, outsideModel: [], outsideRange: false };
    }
    case "operator": {
      const s = operatorErrorScale(c);
      const byPath = new Map<string, Tensor>([["apply", allowance(s.apply, s.depth, precision)]]);
      if (s.adjoint !== undefined) byPath.set("adjoint", allowance(s.adjoint, s.depth, precision));
      return { byPath, outsideModel: [], outsideRange: false };
    }
  }
}
