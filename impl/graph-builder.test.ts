// GraphBuilder plans against the reference (the same cases given as JSON to the reference), and the
// scalar sweeps against the general sweeps (bitwise: sweeps-scalar.ts computes the general kernels'
// expressions at n = 1). Scalar graphs come from an index-based DAG arbitrary (node i picks its
// arguments among the unknowns before it, modulo their count), so failures shrink to small graphs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCase, kinkGraphCase } from "../conformance/arbitraries/index.js";
import { errorScale, tolerance } from "../oracles/bound/index.js";
import {
  elements, parseNumber, parseTensor, PRIMITIVE_NAMES, reference, RULES, shapeOf, type GraphCase, type PrimitiveName, type Tensor,
} from "../reference/index.js";
import { GraphBuilder, type Handle } from "./graph-builder.js";
import type { GraphPlan } from "./graph-plan.js";
import { forwardSweep, reverseSweep } from "./sweeps.js";
import { closeTensor, outcome, twice } from "./testing/agreement.js";

/** The plan of a graph case, made through the builder (the case's ids kept for the inputs). */
function buildCase(c: GraphCase): GraphPlan {
  const b = new GraphBuilder();
  const handle = new Map<string, Handle>();
  const source = (s: { id: string; value: unknown }, input: boolean): void => {
    const t = parseTensor(s.value as never);
    const sh = shapeOf(t);
    const v = elements(t);
    const h = sh.length === 0 ? (input ? b.input(v[0]!, undefined, s.id) : b.constant(v[0]!, undefined, s.id)) : input ? b.input(v, sh, s.id) : b.constant(v, sh, s.id);
    handle.set(s.id, h);
  };
  c.graph.inputs.forEach((s) => source(s, true));
  (c.graph.constants ?? []).forEach((s) => source(s, false));
  for (const n of c.graph.nodes) {
    const [a, bb] = n.args.map((id) => handle.get(id)!);
    const e = (n as { exponent?: Parameters<typeof parseNumber>[0] }).exponent;
    handle.set(n.id, b.node(n.op as PrimitiveName, a!, bb, e === undefined ? undefined : parseNumber(e)));
  }
  return b.compile(handle.get(c.graph.output)!, c.wrt === undefined ? {} : { wrt: c.wrt.map((id) => handle.get(id)!) });
}

const tensorOf = (v: Float64Array, shape: readonly number[]): Tensor =>
  shape.length === 0 ? v[0]! : Array.from({ length: shape[0]! }, (_, i) => Array.from(v.subarray(i * shape[1]!, (i + 1) * shape[1]!)));

/** Builder plan vs the reference on case c: same error code, values equal, gradients within the bound (0 if exact). */
function agree(c: GraphCase, exact: boolean): void {
  const r = outcome(() => reference.gradient(c));
  const m = outcome(() => {
    const plan = buildCase(c);
    const value = Array.from(plan.forward());
    const grads = plan.gradient().map((g, q) => tensorOf(g, plan.shapeOf(plan.code.wrt[q]!)));
    return { plan, value, grads };
  });
  if (!r.ok || !m.ok) {
    expect(m.ok ? "a result" : m.code, JSON.stringify(c)).toBe(r.ok ? "a result" : r.code);
    return;
  }
  expect(m.value.value).toEqual(elements(r.value.value));
  const allow = exact ? undefined : tolerance(errorScale(c)).gradient;
  const { plan, grads } = m.value;
  plan.code.wrt.forEach((k, q) => {
    const id = plan.code.idOf(k);
    const want = r.value.gradient[id] as Tensor;
    expect(closeTensor(grads[q]!, want, allow === undefined ? 0 : twice(allow[id] as Tensor)), `gradient of ${id} in ${JSON.stringify(c)}`).toBeUndefined();
  });
}

/** Primitives defined on scalars (matmul, trace, inv and logdet need matrices). */
const SCALAR_OPS = PRIMITIVE_NAMES.filter((p) => !["matmul", "trace", "inv", "logdet"].includes(p));

/**
 * A random scalar DAG as a JSON case: node i = op(args picked among the unknowns before it); some
 * sources are constants and wrt may leave inputs out, so edges to inactive unknowns occur.
 */
const scalarGraph: fc.Arbitrary<GraphCase> = fc
  .record({
    inputs: fc.array(fc.integer({ min: -2000, max: 2000 }).map((k) => k / 1000), { minLength: 1, maxLength: 4 }),
    constants: fc.array(fc.integer({ min: -2000, max: 2000 }).map((k) => k / 1000), { maxLength: 2 }),
    wrtMask: fc.nat(15),
    steps: fc.array(fc.record({ op: fc.nat(), a: fc.nat(), b: fc.nat(), e: fc.constantFrom(0, 1, 2, 3, -1, 0.5, 1.5) }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ inputs, constants, wrtMask, steps }) => {
    const ids = [...inputs.map((_, k) => `x${k}`), ...constants.map((_, k) => `c${k}`)];
    const nodes = steps.map((s, i) => {
      const op = SCALAR_OPS[s.op % SCALAR_OPS.length]!;
      const args = [ids[s.a % ids.length]!, ids[s.b % ids.length]!].slice(0, RULES[op].arity);
      ids.push(`n${i}`);
      return op === "pow" ? { id: `n${i}`, op, args, exponent: s.e } : { id: `n${i}`, op, args };
    });
    const wrt = inputs.map((_, k) => `x${k}`).filter((_, k) => k === 0 || (wrtMask >> k) % 2 === 1);
    return {
      id: "scalar", description: "a random scalar graph", kind: "graph" as const, wrt,
      graph: {
        inputs: inputs.map((value, k) => ({ id: `x${k}`, value })),
        constants: constants.map((value, k) => ({ id: `c${k}`, value })),
        nodes, output: ids[ids.length - 1]!,
      },
    };
  });

describe("GraphBuilder plans agree with the reference", () => {
  it("graphCase(): matrices and scalars, every primitive", () => {
    fc.assert(fc.property(graphCase(), (c) => agree(c, false)), { seed: 11, numRuns: 200 });
  });
  it("kinkGraphCase(): exactly", () => {
    fc.assert(fc.property(kinkGraphCase(), (c) => agree(c, true)), { seed: 12, numRuns: 200 });
  });
  it("random scalar graphs (the scalar sweeps), domain faults included", () => {
    fc.assert(fc.property(scalarGraph, (c) => agree(c, false)), { seed: 13, numRuns: 400 });
  });
});

describe("the scalar sweeps are the general sweeps at n = 1, bitwise", () => {
  it("random scalar graphs: same values, same gradients, same errors", () => {
    fc.assert(
      fc.property(scalarGraph, (c) => {
        const plan = buildCase(c);
        expect(plan.code.scalar).toBe(true);
        // Twice: the second call must not see the first one's adjoints (slots are reused across calls).
        const sweep = (): number[][] => [Array.from(plan.forward()), ...plan.gradient().map((g) => Array.from(g))];
        const fast = outcome(() => (sweep(), sweep()));
        const x = plan.arena;
        const slow = outcome(() => {
          forwardSweep(plan.code, x, plan.mm);
          const out = [Array.from(x.subarray(plan.code.output, plan.code.output + 1))];
          reverseSweep(plan.code, x, plan.mm, [1]);
          return [...out, ...plan.code.wrt.map((k) => [x[plan.code.adjOff[k]!]!])];
        });
        if (!fast.ok || !slow.ok) {
          expect(fast.ok ? "a result" : fast.message).toBe(slow.ok ? "a result" : slow.message);
          return;
        }
        expect(fast.value.flat().map((v) => Object.is(v, -0) ? "-0" : v)).toEqual(slow.value.flat().map((v) => Object.is(v, -0) ? "-0" : v));
      }),
      { seed: 14, numRuns: 400 },
    );
  });
});

describe("GraphBuilder checks what the case reader checks", () => {
  const code = (f: () => unknown): string => {
    const o = outcome(f);
    return o.ok ? "no error" : o.code;
  };
  it("arity, handles, pow's exponent, wrt", () => {
    const b = new GraphBuilder();
    const x = b.input(1);
    expect(code(() => b.node("add", x))).toBe("E_ARITY");
    expect(code(() => b.node("sin", x, x))).toBe("E_ARITY");
    expect(code(() => b.node("sin", 5))).toBe("E_UNKNOWN_ID");
    expect(code(() => b.node("pow", x))).toBe("E_ATTRIBUTE");
    expect(code(() => b.node("sin", x, undefined, 2))).toBe("E_ATTRIBUTE");
    expect(code(() => b.node("pow", x, undefined, Infinity))).toBe("E_VALUE");
    const c = b.constant(2);
    const y = b.node("mul", x, c);
    expect(code(() => new GraphBuilder().compile(0))).toBe("E_UNKNOWN_ID");
    expect(code(() => b.compile(y, { wrt: [c] }))).toBe("E_UNKNOWN_ID");
  });
  it("a shape fault is raised when evaluation reaches its node, located there", () => {
    const b = new GraphBuilder();
    const A = b.input([1, 2, 3, 4, 5, 6], [2, 3]);
    const bad = b.node("matmul", A, A);
    const plan = b.compile(b.node("sum", bad));
    const o = outcome(() => plan.forward());
    expect(o.ok ? "" : o.code).toBe("E_SHAPE");
    expect(o.ok ? "" : o.message).toContain("n0");
  });
  it("inputs come first, then constants, whatever order they were added in", () => {
    const b = new GraphBuilder();
    const c = b.constant(3);
    const x = b.input(2, undefined, "x");
    const plan = b.compile(b.node("mul", c, x));
    expect(plan.code.idOf(0)).toBe("x");
    expect(Array.from(plan.forward())).toEqual([6]);
    expect(plan.gradient().map((g) => Array.from(g))).toEqual([[3]]);
  });
});
