// The cut case at node k is a valid case whose gradient is k's adjoint ȳ_k (spec: conform.report):
// checked on graphs whose adjoints have closed forms, with the oracles' high-precision gradient.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { highPrecisionGradient, toNumbers, type DTensor } from "../../oracles/index.js";
import type { GraphCase } from "../../reference/index.js";
import { loadCaseFiles } from "../load/index.js";
import { cutGraph } from "./cut-graph.js";

// x, y → a = x·y → b = sin(a) → c = b·y (output); d = exp(x) is dead.
const chain: GraphCase = {
  id: "cut.chain",
  description: "",
  kind: "graph",
  graph: {
    inputs: [{ id: "x", value: 0.5 }, { id: "y", value: 3 }],
    nodes: [
      { id: "a", op: "mul", args: ["x", "y"] },
      { id: "d", op: "exp", args: ["x"] },
      { id: "b", op: "sin", args: ["a"] },
      { id: "c", op: "mul", args: ["b", "y"] },
    ],
    output: "c",
  },
};
const values = new Map<string, number>([["a", 1.5], ["d", Math.exp(0.5)], ["b", Math.sin(1.5)], ["c", 3 * Math.sin(1.5)]]);

describe("cutGraph", () => {
  it("keeps the live nodes downstream of k, makes k the only input and what they use constants", () => {
    const cut = cutGraph(chain, "a", values) as GraphCase;
    expect(cut.graph.inputs).toEqual([{ id: "a", value: 1.5 }]);
    expect(cut.graph.constants).toEqual([{ id: "y", value: 3 }]);
    expect(cut.graph.nodes.map((n) => n.id)).toEqual(["b", "c"]);
    expect(cut.wrt).toEqual(["a"]);
    expect(cutGraph(chain, "b", values)?.graph.constants).toEqual([{ id: "y", value: 3 }]);
  });

  it("gives the adjoint: ȳ_a = y·cos(a), ȳ_b = y (closed forms), by the oracles' gradient of the cut case", () => {
    const grad = (k: string) => toNumbers(highPrecisionGradient(cutGraph(chain, k, values) as GraphCase).gradient[k] as DTensor) as number;
    expect(grad("a")).toBeCloseTo(3 * Math.cos(1.5), 14);
    expect(grad("b")).toBeCloseTo(3, 14);
  });

  it("refuses the output and dead nodes (their adjoints are g and 0)", () => {
    expect(cutGraph(chain, "c", values)).toBeUndefined();
    expect(cutGraph(chain, "d", values)).toBeUndefined();
    expect(cutGraph(chain, "nope", values)).toBeUndefined();
  });

  it("makes cases the loader accepts, with non-finite values written as strings", () => {
    const inf = new Map([...values, ["a", Infinity]]);
    const cases = ["a", "b"].map((k, i) => ({ ...(cutGraph(chain, k, k === "a" ? inf : values) as GraphCase), id: `cut.chain.${i}` }));
    const dir = mkdtempSync(join(tmpdir(), "cut-"));
    writeFileSync(join(dir, "cut.json"), JSON.stringify({ cases }));
    const loaded = loadCaseFiles([dir]);
    expect(loaded.faults).toEqual([]);
    expect(loaded.cases.length).toBe(2);
    expect(cases[0]?.graph.inputs[0]?.value).toBe("Infinity");
  });
});
