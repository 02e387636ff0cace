/**
 * Property-based conformance checks: each property runs random cases from conformance/arbitraries
 * against a backend and judges them with the oracles and the chapter-7 tolerance model. Explicit
 * named exports only; {@link PROPERTIES} lists them all in running order.
 */
import type { BackendLike, Capability } from "./backend-like.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { forwardReverseProperty } from "./forward-reverse.js";
import { graphGradientProperty } from "./graph-gradient.js";
import { kinkConventionProperty } from "./kink-convention.js";
import { jvpTangentErrorsProperty } from "./jvp-tangent-errors.js";
import { largeMatmulProperty } from "./large-matmul.js";
import { adjointIdentityLaw } from "./law-adjoint-identity.js";
import { blockLaw } from "./law-block.js";
import { identityZeroLaw } from "./law-identity-zero.js";
import { involutionLaw } from "./law-involution.js";
import { linearityLaw } from "./law-linearity.js";
import { reversalLaw } from "./law-reversal.js";
import { operatorApplyProperty } from "./operator-apply.js";
import { systemSolutionProperty } from "./system-solution.js";

export type { BackendLike, Capability, Hello } from "./backend-like.js";
export type { PropertyOptions, PropertyResult } from "./property-result.js";
export type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";
export { runProperty } from "./run-property.js";
export { withOracleExpect } from "./oracle-expect.js";
export { GRAPH_GRADIENT, graphGradientProperty } from "./graph-gradient.js";
export { KINK_CONVENTION, kinkConventionProperty } from "./kink-convention.js";
export { SYSTEM_SOLUTION, systemSolutionProperty } from "./system-solution.js";
export { OPERATOR_APPLY, operatorApplyProperty } from "./operator-apply.js";
export { LAW_ADJOINT_IDENTITY, adjointIdentityLaw } from "./law-adjoint-identity.js";
export { LAW_INVOLUTION, involutionLaw } from "./law-involution.js";
export { LAW_REVERSAL, reversalLaw } from "./law-reversal.js";
export { LAW_LINEARITY, linearityLaw } from "./law-linearity.js";
export { LAW_IDENTITY_ZERO, identityZeroLaw } from "./law-identity-zero.js";
export { LAW_BLOCK, blockLaw } from "./law-block.js";
export { FORWARD_REVERSE, forwardReverseProperty } from "./forward-reverse.js";
export { LARGE_MATMUL, largeMatmulProperty } from "./large-matmul.js";
export { JVP_TANGENT_ERRORS, jvpTangentErrorsProperty } from "./jvp-tangent-errors.js";

export interface PropertyEntry {
  readonly name: string;
  /** Capabilities the backend must declare (otherwise the property is skipped). */
  readonly requires: readonly Capability[];
  readonly run: (backend: BackendLike, options: PropertyOptions) => Promise<PropertyResult>;
}

/** Every property, cheapest first. */
export const PROPERTIES: readonly PropertyEntry[] = [
  { name: "law.identity-zero", requires: ["apply"], run: identityZeroLaw },
  { name: "law.adjoint-identity", requires: ["apply"], run: adjointIdentityLaw },
  { name: "law.involution", requires: ["apply"], run: involutionLaw },
  { name: "law.reversal", requires: ["apply"], run: reversalLaw },
  { name: "law.linearity", requires: ["apply"], run: linearityLaw },
  { name: "operator-apply", requires: ["apply"], run: operatorApplyProperty },
  { name: "law.block", requires: ["solve", "apply"], run: blockLaw },
  { name: "system-solution", requires: ["solve"], run: systemSolutionProperty },
  { name: "kink-convention", requires: ["gradient"], run: kinkConventionProperty },
  { name: "graph-gradient", requires: ["gradient"], run: graphGradientProperty },
  { name: "forward-reverse", requires: ["forward", "gradient"], run: forwardReverseProperty },
  { name: "jvp-tangent-errors", requires: ["forward"], run: jvpTangentErrorsProperty },
  { name: "large-matmul", requires: ["gradient"], run: largeMatmulProperty },
];
