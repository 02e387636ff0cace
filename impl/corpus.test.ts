// impl against the reference on every corpus case (conformance/cases/*.json): the same spec error
// code, or forward values identical and gradients, solutions and operator results within twice
// the error-bound allowance (exactly equal where the model gives none: non-finite scales).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCaseFiles } from "../conformance/load/index.js";
import { allowance, errorScale, operatorErrorScale, systemErrorScale, tolerance } from "../oracles/bound/index.js";
import { reference, type Case, type Tensor } from "../reference/index.js";
import { impl } from "./backend.js";
import { closeTensor, outcome, twice } from "./testing/agreement.js";

const corpus = loadCaseFiles([join(import.meta.dirname, "..", "conformance", "cases")]);

/** The model's allowances for the case, or undefined where it cannot give them. */
function allowances(c: Case): Record<string, Tensor> | undefined {
  try {
    switch (c.kind) {
      case "graph": {
        const t = tolerance(errorScale(c));
        return { value: t.value, ...Object.fromEntries(Object.entries(t.gradient).map(([id, a]) => [`gradient.${id}`, a])) };
      }
      case "system": {
        const s = systemErrorScale(c);
        return Object.fromEntries(Object.entries(s.solution).map(([id, b]) => [`solution.${id}`, allowance(b, s.depth)]));
      }
      case "operator": {
        const s = operatorErrorScale(c);
        return { apply: allowance(s.apply, s.depth), ...(s.adjoint !== undefined ? { adjoint: allowance(s.adjoint, s.depth) } : {}) };
      }
    }
  } catch {
    return undefined;
  }
}

function run(backend: typeof reference | typeof impl, c: Case): Record<string, Tensor> {
  switch (c.kind) {
    case "graph": {
      const r = backend.gradient(c);
      return { value: r.value, ...Object.fromEntries(Object.entries(r.gradient).map(([id, g]) => [`gradient.${id}`, g])) };
    }
    case "system":
      return Object.fromEntries(Object.entries(backend.solve(c).solution).map(([id, y]) => [`solution.${id}`, y]));
    case "operator": {
      const r = backend.apply(c);
      return { apply: r.apply, ...(r.adjoint !== undefined ? { adjoint: r.adjoint } : {}) };
    }
  }
}

describe("impl agrees with the reference on the corpus", () => {
  it("loads the corpus", () => {
    expect(corpus.faults).toEqual([]);
    expect(corpus.cases.length).toBeGreaterThan(200);
  });

  it.each(corpus.cases.map((l) => [l.case.id, l.case] as const))("%s", (_id, c) => {
    const r = outcome(() => run(reference, c));
    const m = outcome(() => run(impl, c));
    expect(m.ok ? "a result" : m.code).toBe(r.ok ? "a result" : r.code);
    if (!r.ok || !m.ok) return;
    const allow = allowances(c);
    expect(Object.keys(m.value)).toEqual(Object.keys(r.value));
    for (const [key, expected] of Object.entries(r.value)) {
      // Forward values are computed by the same operations in the same order: exactly equal.
      const a = key === "value" || allow === undefined ? 0 : twice(allow[key] as Tensor);
      expect(closeTensor(m.value[key] as Tensor, expected, a), key).toBeUndefined();
    }
  });
});
