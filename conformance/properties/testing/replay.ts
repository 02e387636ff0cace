/**
 * Replays a case with `expect` against a backend without fast-check: the backend's answer compared
 * with `expect` under the chapter-7 allowances (as the runner judges corpus cases). Used by the
 * tests to show that a property's counterexample stands on its own.
 *
 * @see spec/07-tolerance.md#tol.judge
 */
import type { Case, RawTensor } from "../../../reference/case.js";
import type { Tensor } from "../../../reference/index.js";
import { allowance, errorScale, operatorErrorScale, systemErrorScale, tolerance } from "../../../oracles/index.js";
import { compareTensor, describe } from "../../run/compare.js";
import { ask } from "../ask.js";
import type { BackendLike } from "../backend-like.js";
import { member } from "../read-result.js";

/** Expected tensors by result path, with their allowances. */
function expectations(c: Case): [string, RawTensor, Tensor][] {
  switch (c.kind) {
    case "graph": {
      const e = c.expect as { value?: RawTensor; gradient?: Record<string, RawTensor> };
      const t = tolerance(errorScale(c));
      return [
        ...(e.value !== undefined ? [["value", e.value, t.value] as [string, RawTensor, Tensor]] : []),
        ...Object.entries(e.gradient ?? {}).map(([id, g]): [string, RawTensor, Tensor] => [`gradient.${id}`, g, t.gradient[id] as Tensor]),
      ];
    }
    case "system": {
      const s = systemErrorScale(c);
      const e = c.expect as { solution: Record<string, RawTensor> };
      return Object.entries(e.solution).map(([id, y]) => [`solution.${id}`, y, allowance(s.solution[id] as Tensor, s.depth)]);
    }
    case "operator": {
      const s = operatorErrorScale(c);
      const e = c.expect as { apply?: RawTensor; adjoint?: RawTensor };
      return [
        ...(e.apply !== undefined ? [["apply", e.apply, allowance(s.apply, s.depth)] as [string, RawTensor, Tensor]] : []),
        ...(e.adjoint !== undefined ? [["adjoint", e.adjoint, allowance(s.adjoint as Tensor, s.depth)] as [string, RawTensor, Tensor]] : []),
      ];
    }
  }
}

/** undefined when the backend's answer matches `expect`, else what is wrong. */
export async function replay(backend: BackendLike, c: Case): Promise<string | undefined> {
  const answer = await ask(backend, c.kind === "graph" ? { method: "gradient", c } : c.kind === "system" ? { method: "solve", c } : { method: "apply", c });
  if (!answer.ok) return `the backend did not answer: ${answer.code ?? ""} ${answer.message}`;
  for (const [path, expected, allowed] of expectations(c)) {
    const r = compareTensor(member(answer.result, path), expected, path, allowed);
    if (!r.ok) return describe(r.worst);
  }
  return undefined;
}
