// The jvp-tangent-errors property: each fault it draws is one backend.jvp names, correct backends
// pass it, and backends that skip either check of a tangent are caught.
import { describe, expect, it } from "vitest";
import type { GraphCase, RawTensor } from "../../reference/index.js";
import { parseTensor, reference, shapeOf } from "../../reference/index.js";
import { impl } from "../../impl/index.js";
import type { BackendLike } from "./backend-like.js";
import { faultyTangent, jvpTangentErrorsProperty } from "./jvp-tangent-errors.js";

const c: GraphCase = {
  id: "t",
  description: "",
  kind: "graph",
  graph: {
    inputs: [{ id: "x", value: [[1, 2, 3], [4, 5, 6]] }, { id: "s", value: 2 }],
    constants: [{ id: "k", value: [[1, 0, 1], [0, 1, 0]] }],
    nodes: [{ id: "y", op: "scale", args: ["s", "x"] }, { id: "z", op: "mul", args: ["y", "k"] }, { id: "o", op: "sum", args: ["z"] }],
    output: "o",
  },
};

describe("the faults drawn", () => {
  const at = (fault: Parameters<typeof faultyTangent>[0]["fault"], n = 0) => faultyTangent({ c, ints: [500], fault, at: n })!;
  it("name a node, a constant or a fresh id for E_UNKNOWN_ID (spec backend.jvp)", () => {
    expect(at("node-id", 1)).toMatchObject({ code: "E_UNKNOWN_ID", tangent: { z: 1 } });
    expect(at("constant-id")).toMatchObject({ code: "E_UNKNOWN_ID", tangent: { k: [[1, 0, 1], [0, 1, 0]] } });
    expect(at("unknown-id")).toMatchObject({ code: "E_UNKNOWN_ID", tangent: { "not-an-input": 1 } });
  });
  it("give an input a tangent of another shape for E_SHAPE", () => {
    const shape = (t: RawTensor | undefined) => shapeOf(parseTensor(t as RawTensor));
    expect(at("scalar-for-matrix").tangent.x).toBe(0.5);
    expect(at("matrix-for-scalar").tangent.s).toEqual([[0.5]]);
    expect(shape(at("transposed").tangent.x)).toEqual([3, 2]);
    expect(shape(at("longer", 0).tangent.x)).toEqual([3, 3]);
    expect(shape(at("longer", 1).tangent.x)).toEqual([2, 4]);
    for (const f of ["scalar-for-matrix", "matrix-for-scalar", "transposed", "longer"] as const) expect(at(f).code).toBe("E_SHAPE");
  });
  it("keep the other inputs' tangents valid, and skip a fault the graph has no place for", () => {
    expect(shapeOf(parseTensor(at("matrix-for-scalar").tangent.x as RawTensor))).toEqual([2, 3]);
    const scalarsOnly: GraphCase = { ...c, graph: { inputs: [{ id: "a", value: 1 }], nodes: [{ id: "b", op: "sin", args: ["a"] }], output: "b" } };
    expect(faultyTangent({ c: scalarsOnly, ints: [1], fault: "transposed", at: 0 })).toBeUndefined();
    expect(faultyTangent({ c: scalarsOnly, ints: [1], fault: "constant-id", at: 0 })).toBeUndefined();
  });
});

/** jvp with the tangent filtered first: what a backend that skips a check does. */
const filtering = (keep: (id: string, t: RawTensor, g: GraphCase) => boolean): BackendLike => ({
  ...reference,
  jvp: (g: GraphCase, tangent: Readonly<Record<string, RawTensor>>) => reference.jvp(g, Object.fromEntries(Object.entries(tangent).filter(([id, t]) => keep(id, t, g)))),
});
const isInput = (id: string, g: GraphCase) => g.graph.inputs.some((x) => x.id === id);
const fits = (id: string, t: RawTensor, g: GraphCase) => {
  const x = g.graph.inputs.find((i) => i.id === id);
  return x !== undefined && JSON.stringify(shapeOf(parseTensor(t))) === JSON.stringify(shapeOf(parseTensor(x.value)));
};

describe("jvp-tangent-errors against backends", () => {
  it("the reference and impl pass", async () => {
    for (const b of [reference, impl]) expect((await jvpTangentErrorsProperty(b, { seed: 42, runs: 200 })).status).toBe("pass");
  });
  it("catches a backend that drops tangents of ids that are not inputs", async () => {
    const r = await jvpTangentErrorsProperty(filtering((id, _t, g) => isInput(id, g)), { seed: 42, runs: 200 });
    expect(r.status).toBe("fail");
    expect(r.reason).toMatch(/^jvp answered a request with a tangent for .*E_UNKNOWN_ID/);
  });
  it("catches a backend that drops tangents of the wrong shape", async () => {
    const r = await jvpTangentErrorsProperty(filtering((id, t, g) => !isInput(id, g) || fits(id, t, g)), { seed: 42, runs: 200 });
    expect(r.status).toBe("fail");
    expect(r.reason).toMatch(/^jvp answered a request with a .* tangent for .*E_SHAPE/);
  });
});
