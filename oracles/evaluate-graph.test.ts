// The oracles' own graph evaluation: reading faults, every node evaluated, overrides, the corpus's
// expected values (exact to ~30 digits for the binary64 inputs) and float64 against decimal on
// random smooth graphs (spec: prim.graph.references, prim.graph.evaluation, value.number.expected).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothGraphCase } from "../conformance/arbitraries/smooth-graph.js";
import { loadCaseFiles } from "../conformance/load/index.js";
import type { GraphCase, RawNode, RawTensor } from "../reference/case.js";
import { expectsError } from "../reference/case.js";
import { SpecError } from "../reference/errors.js";
import { type Decimal, decimalContext, exact } from "./decimal.js";
import { evaluateGraph } from "./evaluate-graph.js";
import { decimalField } from "./field/decimal-field.js";
import { float64Field } from "./field/float64-field.js";
import { felements } from "./field/ftensor.js";

const D = decimalContext(40);
const F = decimalField(D);

const graph = (nodes: RawNode[], output = nodes.at(-1)?.id ?? "x", inputs: { id: string; value: RawTensor }[] = [{ id: "x", value: 2 }]): GraphCase => ({
  id: "t",
  description: "test graph",
  kind: "graph",
  graph: { inputs, nodes, output },
});

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecError) return e.code;
    throw e;
  }
  return "no error";
}

describe("evaluateGraph: reading (spec: prim.graph.references, prim.graph.node, prim.graph.attributes)", () => {
  const faults: [string, GraphCase][] = [
    ["E_UNKNOWN_ID", graph([{ id: "y", op: "exp", args: ["q"] }])],
    ["E_UNKNOWN_ID", graph([{ id: "y", op: "exp", args: ["x"] }], "nothing")],
    ["E_CYCLE", graph([{ id: "y", op: "add", args: ["x", "y"] }])],
    ["E_ORDER", graph([{ id: "y", op: "exp", args: ["z"] }, { id: "z", op: "sin", args: ["x"] }])],
    ["E_ARITY", graph([{ id: "y", op: "add", args: ["x", "x", "x"] }])],
    ["E_UNKNOWN_OP", graph([{ id: "y", op: "softmax", args: ["x"] }])],
    ["E_ATTRIBUTE", graph([{ id: "y", op: "pow", args: ["x"] }])],
    ["E_ATTRIBUTE", graph([{ id: "y", op: "exp", args: ["x"], exponent: 2 }])],
    ["E_VALUE", graph([{ id: "y", op: "pow", args: ["x"], exponent: "Infinity" }])],
    ["E_DUPLICATE_ID", graph([{ id: "x", op: "exp", args: ["x"] }])],
  ];
  it.each(faults)("reports %s", (expected, c) => {
    expect(code(() => evaluateGraph(c, F))).toBe(expected);
    expect(code(() => evaluateGraph(c, float64Field))).toBe(expected);
  });
});

describe("evaluateGraph: values", () => {
  it("computes spec 4.5's worked example: y = Ax = [[3], [7]], l = ⟨y, y⟩ = 58", () => {
    const c = graph(
      [{ id: "y", op: "matmul", args: ["A", "x"] }, { id: "l", op: "dot", args: ["y", "y"] }],
      "l",
      [{ id: "A", value: [[1, 2], [3, 4]] }, { id: "x", value: [[1], [1]] }],
    );
    const values = evaluateGraph(c, F);
    expect([...values.keys()]).toEqual(["A", "x", "y", "l"]);
    expect(felements(values.get("y")!).map((v) => v.toNumber())).toEqual([3, 7]);
    expect((values.get("l") as Decimal).eq(58)).toBe(true);
  });
  it("starts from the exact binary64 inputs (spec: value.number.nearest)", () => {
    // 0.1 + 0.2 exactly: 0.1000000000000000055511151231257827… + 0.2000000000000000111022302462515654…
    const c = graph([{ id: "s", op: "add", args: ["a", "b"] }], "s", [{ id: "a", value: 0.1 }, { id: "b", value: 0.2 }]);
    expect((evaluateGraph(c, F).get("s") as Decimal).eq("0.3000000000000000166533453693773481063545")).toBe(true);
  });
  it("evaluates every node, even one the output does not use (spec: prim.graph.evaluation)", () => {
    const c = graph([{ id: "dead", op: "log", args: ["x"] }, { id: "y", op: "sin", args: ["x"] }], "y", [{ id: "x", value: -1 }]);
    expect(code(() => evaluateGraph(c, F))).toBe("E_DOMAIN");
  });
  it("replaces input values with overrides, and refuses a misuse", () => {
    const c = graph([{ id: "y", op: "square", args: ["x"] }], "y");
    expect((evaluateGraph(c, F, { x: new D(3) }).get("y") as Decimal).eq(9)).toBe(true);
    expect(() => evaluateGraph(c, F, { y: new D(3) })).toThrow(RangeError);
    expect(() => evaluateGraph(c, F, { x: [[new D(3)]] })).toThrow(RangeError);
  });
});

describe("evaluateGraph on the corpus (spec: value.number.expected)", () => {
  const { cases } = loadCaseFiles([new URL("../conformance/cases", import.meta.url).pathname]);
  const withValues = cases
    .map((l) => l.case)
    // The NaN-policy cases (nan-policy: NaN and ±∞, which decimals do not hold) are judged by their IEEE-derived values only.
    .filter((c): c is GraphCase => c.kind === "graph" && !(c.tags ?? []).includes("nan-policy") && c.expect !== undefined && !expectsError(c.expect) && c.expect.value !== undefined);
  it("has graph cases with expected values", () => expect(withValues.length).toBeGreaterThan(80));
  it.each(withValues.map((c) => [c.id, c] as const))("%s: the decimal value matches the expected one to 1e-28", (_id, c) => {
    const expected = (c.expect as { value: RawTensor }).value;
    const got = felements(evaluateGraph(c, F).get(c.graph.output)!);
    // A string is the exact decimal written, a JSON number the binary64 it denotes (spec: value.number.expected).
    const want = (Array.isArray(expected) ? expected.flat() : [expected]).map((x) => (typeof x === "number" ? exact(D, x) : new D(x)));
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => {
      const e = want[i] as Decimal;
      if (!e.isFinite()) expect(g.toString()).toBe(e.toString());
      else expect(g.minus(e).abs().lte(e.abs().times("1e-28").plus("1e-38"))).toBe(true);
    });
  });
});

describe("float64Field against decimalField", () => {
  it("agree to 1e-13 relative on every unknown of 300 random smooth graphs", () => {
    fc.assert(
      fc.property(smoothGraphCase(), (c) => {
        const fast = evaluateGraph(c, float64Field);
        for (const [id, precise] of evaluateGraph(c, F)) {
          const xs = felements(fast.get(id)!);
          felements(precise).forEach((e, i) => {
            const x = xs[i] as number;
            if (e.isZero()) expect(Math.abs(x)).toBe(0); // the sign of a zero may differ with the order of roundings
            else expect(Math.abs(exact(D, x).minus(e).div(e).toNumber())).toBeLessThan(1e-13);
          });
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
