// Broken backends with graph-level bugs are caught by the graph properties, with counterexamples
// shrunk to a few nodes that replay on their own: the reference matches their `expect`, the broken
// backend does not (issue 4, "graph-level ones shrink to ≤ 4 nodes").
import { describe, expect, it } from "vitest";
import type { GraphCase } from "../../reference/index.js";
import { reference } from "../../reference/index.js";
import { forwardReverseRuns, withEarlierOutput } from "./forward-reverse.js";
import { forwardReverseProperty, graphGradientProperty, kinkConventionProperty } from "./index.js";
import type { PropertyResult } from "./property-result.js";
import { BROKEN } from "./testing/broken-backends.js";
import { CATALOG } from "./testing/catalog.js";
import { replay } from "./testing/replay.js";

const options = { seed: 42, runs: 200 };
const sizes: number[] = [];

async function caught(name: keyof typeof BROKEN, run: typeof graphGradientProperty): Promise<PropertyResult> {
  const r = await run(BROKEN[name], options);
  expect(r.status, `${name}: ${r.reason}`).toBe("fail");
  const c = r.counterexample as GraphCase;
  expect(c.kind).toBe("graph");
  sizes.push(c.graph.nodes.length);
  return r;
}

describe("graph-gradient catches", () => {
  // The catalog's claims, and adjoint-rule bugs that also show in graphs.
  const claimed = CATALOG.filter((e) => e.level !== "process" && e.caughtBy.includes("property.graph-gradient")).map((e) => e.name as keyof typeof BROKEN);
  for (const name of [...claimed, "rightNoTranspose", "dotOuterMixed", "scaleAdjointIdentity", "hadamardTransposed"] as const) {
    it(name, async () => {
      const r = await caught(name, graphGradientProperty);
      expect(await replay(reference, r.counterexample as GraphCase)).toBeUndefined();
      expect(await replay(BROKEN[name], r.counterexample as GraphCase)).toBeDefined();
    });
  }
});

describe("the kink and forward-mode properties catch what graph-gradient cannot", () => {
  it("the catalog's kink and forward-mode claims are the ones tested here", () => {
    const claims = (p: string) => CATALOG.filter((e) => e.caughtBy.includes(p)).map((e) => e.name);
    expect(claims("property.kink-convention")).toEqual(["reluKinkOne"]);
    expect(claims("property.forward-reverse")).toEqual(["jvpTanhWrong", "jvpLastNode", "liesForward"]); // liesForward: a process, spawned elsewhere
  });

  it("relu'(0) = 1: kink-convention fails it on relu(0); graph-gradient, away from kinks, passes it", async () => {
    const r = await caught("reluKinkOne", kinkConventionProperty);
    expect((r.counterexample as GraphCase).graph.nodes.map((n) => n.op)).toEqual(["relu"]);
    expect(await replay(BROKEN.reluKinkOne, r.counterexample as GraphCase)).toBeDefined();
    expect((await graphGradientProperty(BROKEN.reluKinkOne, { seed: 42, runs: 100 })).status).toBe("pass");
  });

  it("a forward mode with tanh' = 1 − tanh: forward-reverse fails it and says the forward side is off", async () => {
    const r = await caught("jvpTanhWrong", forwardReverseProperty);
    const [, forward, reverse] = /forward off by ([^,]+), reverse off by ([^;]+);/.exec(r.reason ?? "") ?? [];
    expect(Number(forward)).toBeGreaterThan(1e6 * Number(reverse));
    expect(r.tangent).toBeDefined();
    const c = r.counterexample as GraphCase;
    const [good, bad] = [reference.jvp(c, r.tangent ?? {}), (await BROKEN.jvpTanhWrong.jvp?.(c, r.tangent ?? {})) as { tangent: number }];
    expect(bad.tangent).not.toBe(good.tangent);
    // Reverse mode is right, so the gradient case replays fine on it.
    expect(await replay(BROKEN.jvpTanhWrong, c)).toBeUndefined();
  });

  it("a forward mode that answers for the last node: forward-reverse moves the output earlier and fails it", async () => {
    const r = await caught("jvpLastNode", forwardReverseProperty);
    const c = r.counterexample as GraphCase;
    expect(c.graph.output).not.toBe(c.graph.nodes.at(-1)?.id);
    expect(await replay(BROKEN.jvpLastNode, c)).toBeUndefined(); // reverse mode is right
  });

  it("runs at least 100 cases, or none when none are asked for", async () => {
    expect([0, 1, 25, 100, 1000].map(forwardReverseRuns)).toEqual([0, 100, 100, 100, 1000]);
    expect((await forwardReverseProperty(reference, { seed: 7, runs: 25 })).runs).toBe(100);
  });

  it("withEarlierOutput: an earlier scalar node becomes the output, or the case is unchanged", () => {
    const c: GraphCase = {
      id: "t", kind: "graph", description: "",
      graph: {
        inputs: [{ id: "x", value: [[1, 2], [3, 4]] }],
        nodes: [{ id: "a", op: "sum", args: ["x"] }, { id: "b", op: "transpose", args: ["x"] }, { id: "d", op: "trace", args: ["b"] }, { id: "y", op: "add", args: ["a", "d"] }],
        output: "y",
      },
    };
    expect(withEarlierOutput(c, null)).toBe(c);
    expect(withEarlierOutput(c, 0).graph.output).toBe("a");
    expect(withEarlierOutput(c, 1).graph.output).toBe("d"); // b is a matrix
    expect(withEarlierOutput(c, 2).graph.output).toBe("a");
    const single: GraphCase = { ...c, graph: { ...c.graph, nodes: [{ id: "y", op: "sum", args: ["x"] }] } };
    expect(withEarlierOutput(single, 3)).toBe(single);
  });

  it("a consistently wrong linearization (sub) is invisible to forward-reverse", async () => {
    expect((await forwardReverseProperty(BROKEN.subSignError, { seed: 42, runs: 100 })).status).toBe("pass");
  });

  it("shrinks graph counterexamples to a median of at most 4 nodes", () => {
    const sorted = [...sizes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    expect(sorted.length).toBe(13);
    expect(median).toBeLessThanOrEqual(4);
  });
});
