// The float32 class's rounded inputs can change whether a case is a spec error at all; such a
// mismatch is undecided for a float32 backend, and still a failure for a float64 one
// (spec: tol.precision).
import { describe, expect, it } from "vitest";
import { reference, type GraphCase } from "../../reference/index.js";
import { atBinary32, errorAtBinary32 } from "./binary32-outcome.js";
import { judge, type InProcessBackend } from "./judge.js";

const sqrtOf = (x: number | string): GraphCase => ({
  id: "t.sqrt",
  description: "sqrt, summed",
  kind: "graph",
  graph: { inputs: [{ id: "x", value: [[4, x]] }], nodes: [{ id: "y", op: "sqrt", args: ["x"] }, { id: "s", op: "sum", args: ["y"] }], output: "s" },
  expect: { error: "E_DOMAIN" },
});

describe("atBinary32", () => {
  it("rounds every source to binary32 and writes −0, infinities and NaN as strings", () => {
    const c: GraphCase = {
      id: "t.round",
      description: "",
      kind: "graph",
      graph: { inputs: [{ id: "x", value: [[-1e-300, 0.1, 1e39, "NaN"]] }], constants: [{ id: "k", value: "0.1" }], nodes: [{ id: "y", op: "sum", args: ["x"] }], output: "y" },
    };
    const r = atBinary32(c).graph;
    // binary32 nearest values: 0.1 → 0.100000001490116119384765625; 1e39 > 3.4e38 → Infinity.
    expect(r.inputs[0]!.value).toEqual([["-0", 0.10000000149011612, "Infinity", "NaN"]]);
    expect(r.constants?.[0]!.value).toBe(0.10000000149011612);
  });

  it("asks the reference: −1e-300 is −0 in binary32, inside sqrt's domain; −1e-30 stays outside", () => {
    expect(errorAtBinary32(sqrtOf(-1e-300))).toBeUndefined();
    expect(errorAtBinary32(sqrtOf(-1e-30))).toBe("E_DOMAIN");
  });
});

describe("judge with a float32 backend", () => {
  // A backend that answers the rounded case, as a float32 backend computes it.
  const float32ish: InProcessBackend = {
    hello: () => ({ name: "f32", capabilities: ["gradient"], precision: "float32" }),
    gradient: (c: GraphCase) => reference.gradient(atBinary32(c)),
  };

  it("a result where rounding removed the domain fault is undecided for float32, a failure for float64", async () => {
    const loaded = { file: "t.json", case: sqrtOf(-1e-300) };
    const f32 = await judge(loaded, float32ish, ["gradient"], "float32");
    expect(f32).toMatchObject({ status: "skip", reason: expect.stringMatching(/^undecided: expected E_DOMAIN, got a result; at the inputs rounded to binary32 the case gives a result \(spec: tol\.precision\)$/) });
    expect(await judge(loaded, float32ish, ["gradient"], "float64")).toMatchObject({ status: "fail", reason: "expected E_DOMAIN, got a result" });
  });

  it("a result where the fault survives rounding is still a failure for float32", async () => {
    const liar: InProcessBackend = { ...float32ish, gradient: () => ({ value: 0, gradient: { x: [[0.25, 0]] } }) };
    expect(await judge({ file: "t.json", case: sqrtOf(-1e-30) }, liar, ["gradient"], "float32")).toMatchObject({ status: "fail", reason: "expected E_DOMAIN, got a result" });
  });
});
