// The high-precision gradient against closed forms, the paper's poster DAG, the corpus's expected
// values (exact to ~30 digits for the binary64 inputs) and its expected errors; honest verdicts at
// kinks and domain edges (spec: system.gradient, system.cotangent, value.number.expected).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import { loadCaseFiles } from "../conformance/load/index.js";
import type { GraphCase, RawNode, RawTensor } from "../reference/case.js";
import { expectsError } from "../reference/case.js";
import { SpecError } from "../reference/errors.js";
import { gradient as referenceGradient } from "../reference/gradient.js";
import { type Decimal, decimalContext, exact } from "./decimal.js";
import { type DTensor, delements } from "./dtensor.js";
import { highPrecisionGradient } from "./hp-gradient.js";

const H = decimalContext(60);

const graph = (inputs: { id: string; value: RawTensor }[], nodes: RawNode[], extra: Partial<GraphCase> = {}, constants?: { id: string; value: RawTensor }[]): GraphCase => ({
  id: "t",
  description: "test graph",
  kind: "graph",
  graph: { inputs, ...(constants ? { constants } : {}), nodes, output: nodes.at(-1)?.id ?? inputs[0]!.id },
  ...extra,
});

/**
 * An expected number: a string is the exact decimal written, a JSON number the binary64 it denotes
 * (spec: value.number.expected) — so −0.4 is −0.4000000000000000222…, not −0.4.
 */
const expected = (w: Decimal | number | string): Decimal => (typeof w === "number" ? exact(H, w) : new H(w));

/** Every element of `got` within its error estimate (plus `slack`·|want|) of `want`, and the estimate below `rel`·max(|want|, 1). */
function expectWithin(got: DTensor, error: DTensor, want: readonly (Decimal | number | string)[], rel = 1e-28, slack = 0): void {
  const [g, e] = [delements(got), delements(error)];
  expect(g).toHaveLength(want.length);
  want.forEach((w, i) => {
    const x = expected(w);
    const err = e[i] as Decimal;
    expect(err.isFinite(), `element ${i} undecidable`).toBe(true);
    expect(new H(g[i] as Decimal).minus(x).abs().lte(err.plus(x.abs().times(slack))), `element ${i}: ${g[i]} vs ${x} ± ${err}`).toBe(true);
    expect(err.lte(H.max(x.abs(), 1).times(rel)), `element ${i}: error ${err}`).toBe(true);
  });
}

describe("highPrecisionGradient: closed forms", () => {
  it("d/dx sin(x)·exp(x) = (cos x + sin x)·e^x", () => {
    const c = graph([{ id: "x", value: 0.7 }], [{ id: "s", op: "sin", args: ["x"] }, { id: "e", op: "exp", args: ["x"] }, { id: "y", op: "mul", args: ["s", "e"] }]);
    const x = exact(H, 0.7);
    const r = highPrecisionGradient(c);
    expectWithin(r.gradient.x!, r.error.x!, [x.cos().plus(x.sin()).times(x.exp())]);
    expect(new H(r.value as Decimal).minus(x.sin().times(x.exp())).abs().toNumber()).toBeLessThan(1e-38);
  });
  it("d/dA log det A = A⁻ᵀ: A = [[3, 1], [2, 4]], det 10, A⁻¹ = [[0.4, −0.1], [−0.2, 0.3]] by hand", () => {
    const r = highPrecisionGradient(graph([{ id: "A", value: [[3, 1], [2, 4]] }], [{ id: "l", op: "logdet", args: ["A"] }]));
    expectWithin(r.gradient.A!, r.error.A!, ["0.4", "-0.2", "-0.1", "0.3"]);
  });
  it("the paper's poster DAG as a graph: ȳ1 = acd = 70, ȳ2 = bcd = 105 (a, b, c, d = 2, 3, 5, 7)", () => {
    const c = graph(
      [{ id: "x1", value: 0.5 }, { id: "x2", value: -1.5 }],
      [
        { id: "ax", op: "scale", args: ["a", "x1"] },
        { id: "bx", op: "scale", args: ["b", "x2"] },
        { id: "n3", op: "add", args: ["ax", "bx"] },
        { id: "n4", op: "scale", args: ["c", "n3"] },
        { id: "n5", op: "scale", args: ["d", "n4"] },
      ],
      {},
      [{ id: "a", value: 2 }, { id: "b", value: 3 }, { id: "c", value: 5 }, { id: "d", value: 7 }],
    );
    const r = highPrecisionGradient(c);
    expectWithin(r.gradient.x1!, r.error.x1!, [70]);
    expectWithin(r.gradient.x2!, r.error.x2!, [105]);
  });
  it("a matrix output with a cotangent G: Y = WX gives ∇W = G Xᵀ, ∇X = Wᵀ G (spec: system.cotangent)", () => {
    // W = [[1, 2], [3, 4]], X = [[1, 0], [−1, 2]], G = [[1, −1], [0.5, 2]]:
    // G Xᵀ = [[1, −3], [0.5, 3.5]], Wᵀ G = [[2.5, 5], [4, 6]]
    const c = graph([{ id: "W", value: [[1, 2], [3, 4]] }, { id: "X", value: [[1, 0], [-1, 2]] }], [{ id: "Y", op: "matmul", args: ["W", "X"] }], {
      cotangent: [[1, -1], [0.5, 2]],
    });
    const r = highPrecisionGradient(c);
    expectWithin(r.gradient.W!, r.error.W!, [1, -3, 0.5, 3.5]);
    expectWithin(r.gradient.X!, r.error.X!, [2.5, 5, 4, 6]);
  });
  it("differentiates only the wrt inputs, in their order (spec: case.graph.wrt)", () => {
    const c = graph([{ id: "a", value: 2 }, { id: "b", value: 3 }], [{ id: "p", op: "mul", args: ["a", "b"] }], { wrt: ["b"] });
    expect(Object.keys(highPrecisionGradient(c).gradient)).toEqual(["b"]);
    expect(Object.keys(highPrecisionGradient(c, { wrt: ["b", "a"] }).gradient)).toEqual(["b", "a"]);
  });
  it("gives the cotangent for an output that is an input, zero for the others (spec: system.gradient)", () => {
    const c = graph([{ id: "x", value: [[1, 2]] }, { id: "y", value: 3 }], [], { cotangent: [[4, -5]] });
    const r = highPrecisionGradient(c);
    expectWithin(r.gradient.x!, r.error.x!, [4, -5]);
    expectWithin(r.gradient.y!, r.error.y!, [0]);
  });
});

describe("highPrecisionGradient: undecidable rather than wrong", () => {
  it("at relu's kink (spec: prim.relu.kink)", () => {
    const r = highPrecisionGradient(graph([{ id: "x", value: [[0, 2]] }], [{ id: "y", op: "relu", args: ["x"] }, { id: "s", op: "sum", args: ["y"] }]));
    const [kink, smooth] = delements(r.error.x!);
    expect(kink!.isFinite()).toBe(false);
    expect(smooth!.toNumber()).toBeLessThan(1e-30);
  });
  it("at sqrt's domain edge, where every stencil leaves the domain (spec: prim.sqrt.edge)", () => {
    const r = highPrecisionGradient(graph([{ id: "x", value: 0 }], [{ id: "y", op: "sqrt", args: ["x"] }]));
    expect((r.gradient.x as Decimal).isNaN() && !(r.error.x as Decimal).isFinite()).toBe(true);
  });
  it("next to log's domain edge it shrinks the step: d/dx ln x = 1/x at x = 1e-30", () => {
    const r = highPrecisionGradient(graph([{ id: "x", value: 1e-30 }], [{ id: "y", op: "log", args: ["x"] }]));
    expectWithin(r.gradient.x!, r.error.x!, [new H(1).div(exact(H, 1e-30))], 1e-25);
  });
  it("where 40 digits cannot resolve the function: sin at 1e300", () => {
    const r = highPrecisionGradient(graph([{ id: "x", value: 1e300 }], [{ id: "y", op: "sin", args: ["x"] }]));
    expect((r.error.x as Decimal).isFinite()).toBe(false);
  });
  it("but a dead node leaving its domain under the perturbation does not matter (spec: system.live)", () => {
    const r = highPrecisionGradient(graph([{ id: "x", value: 0 }], [{ id: "r", op: "sqrt", args: ["x"] }, { id: "y", op: "sin", args: ["x"] }]));
    expectWithin(r.gradient.x!, r.error.x!, [1]);
  });
});

const { cases } = loadCaseFiles([new URL("../conformance/cases", import.meta.url).pathname]);
const graphCases = cases.map((l) => l.case).filter((c): c is GraphCase => c.kind === "graph");
const flat = (t: RawTensor): (number | string)[] => (Array.isArray(t) ? t.flat() : [t as number | string]);

describe("highPrecisionGradient on the corpus's expected values (spec: value.number.expected)", () => {
  // The NaN-policy cases (NaN and ±∞, which decimals do not hold) are judged by their IEEE-derived values only.
  const valued = graphCases.filter((c) => !(c.tags ?? []).includes("nan-policy") && c.expect !== undefined && !expectsError(c.expect));
  const finite = (c: GraphCase): boolean => {
    const e = c.expect as { value?: RawTensor; gradient?: Record<string, RawTensor> };
    return [...(e.value === undefined ? [] : flat(e.value)), ...Object.values(e.gradient ?? {}).flatMap(flat)].every((x) => expected(x).isFinite());
  };
  const irregular = (c: GraphCase): boolean => (c.tags ?? []).some((t) => t === "kink" || t === "edge" || t === "domain-edge");
  const regular = valued.filter((c) => finite(c) && !irregular(c));

  it("has at least 80 regular graph cases to check", () => expect(regular.length).toBeGreaterThan(80));
  it.each(regular.map((c) => [c.id, c] as const))("%s: value and gradient within the error estimate + 1e-28", (_id, c) => {
    const e = c.expect as { value?: RawTensor; gradient?: Record<string, RawTensor> };
    const r = highPrecisionGradient(c);
    if (e.value !== undefined) {
      const got = delements(r.value);
      flat(e.value).forEach((w, i) => expect(new H(got[i] as Decimal).minus(expected(w)).abs().lte(expected(w).abs().times("1e-28").plus("1e-38"))).toBe(true));
    }
    for (const [id, want] of Object.entries(e.gradient ?? {})) expectWithin(r.gradient[id]!, r.error[id]!, flat(want), 1e-27, 1e-28);
  });
  it("at kinks and edges it agrees or says it cannot decide — never a wrong value with a finite error", () => {
    for (const c of valued.filter((c) => finite(c) && irregular(c))) {
      const r = highPrecisionGradient(c);
      for (const [id, want] of Object.entries((c.expect as { gradient?: Record<string, RawTensor> }).gradient ?? {})) {
        const [g, err] = [delements(r.gradient[id]!), delements(r.error[id]!)];
        flat(want).forEach((w, i) => {
          const ok = !err[i]!.isFinite() || new H(g[i]!).minus(expected(w)).abs().lte(err[i]!.plus(expected(w).abs().times("1e-28")));
          expect(ok, `${c.id} ${id}[${i}]: ${g[i]} ± ${err[i]} vs ${w}`).toBe(true);
        });
      }
    }
  });
});

describe("highPrecisionGradient reproduces the corpus's expected errors (spec: error.codes)", () => {
  const failing = graphCases.filter((c) => expectsError(c.expect));
  it.each(failing.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    let got = "no error";
    try {
      highPrecisionGradient(c);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      got = e.code;
    }
    expect(got).toBe((c.expect as { error: string }).error);
  });
});

describe("highPrecisionGradient against the reference's back substitution (a cross-check, not the truth)", () => {
  it("agrees on 100 random smooth graphs to the reference's binary64 rounding", () => {
    // The reference computes in binary64 from the same inputs: its gradient differs from the exact
    // one by rounding, a few units of 1e-16 of the gradient's scale on these moderate graphs.
    fc.assert(
      fc.property(smoothGraphCase(), (c) => {
        const hp = highPrecisionGradient(c);
        const ref = referenceGradient(c).gradient;
        for (const [id, g] of Object.entries(hp.gradient)) {
          const [hs, es, rs] = [delements(g), delements(hp.error[id]!), flat(ref[id] as RawTensor) as number[]];
          const scale = H.max(1, ...hs.map((x) => x.abs()));
          hs.forEach((x, i) => {
            expect(es[i]!.lte(scale.times("1e-25"))).toBe(true);
            expect(new H(x).minus(exact(H, rs[i]!)).abs().lte(scale.times("1e-12"))).toBe(true);
          });
        }
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});
