/**
 * Seeded random scalar graphs of a given size. One generator, two sinks: a JSON case (for the
 * backends and the reference) and, where impl offers one, a builder that makes a plan without a
 * case (cases/scalar-plan.ts) — so both paths get exactly the same graph.
 *
 * Shape of the graph, and why:
 * - node i's first argument is node i − 1 (a spine), so every node is an ancestor of the output
 *   (the last node): nothing is skipped as dead in reverse mode, which would flatter its time;
 * - even nodes are binary (add, sub, mul), odd nodes unary squashes (tanh, sin, cos, sigmoid) —
 *   a binary node's spine argument is then in [−1, 1], so values stay bounded (no overflow to ±∞
 *   over 10⁶ nodes) and no primitive leaves its domain;
 * - a binary node's second argument is an earlier unknown, drawn by one of two families:
 *   - `uniform` (the default, and the only one the ratio and reference suites use): half of the
 *     time one of the last 64 (locality, as in real programs), half of the time uniform over
 *     everything before it (fan-out across the whole graph, the cache-unfriendly case);
 *   - `local`: uniform over the previous LOCAL_WINDOW unknowns (fewer near the start), so every
 *     argument of node i lies within W = 1000 unknowns of it — the arguments' working set is
 *     bounded whatever the graph's size. Same ops, same spine, same inputs; only the second
 *     arguments differ (impl/measure.ts has a graph of this kind, built differently).
 */
import type { GraphCase, RawNode } from "../../reference/case.js";
import { rng } from "../rng.js";

const BINARY = ["add", "sub", "mul"] as const;
const UNARY = ["tanh", "sin", "cos", "sigmoid"] as const;
export type RandomOp = (typeof BINARY)[number] | (typeof UNARY)[number];

/** How a binary node's second argument is drawn (see above). */
export const RANDOM_ARGS = ["uniform", "local"] as const;
export type RandomArgs = (typeof RANDOM_ARGS)[number];
/** W: the `local` family draws second arguments among the previous W unknowns. */
export const LOCAL_WINDOW = 1000;

/** Inputs of a random graph: enough that gradients have many components, few enough to stay "a program". */
export const randomGraphInputs = (nodes: number): number => Math.max(4, Math.min(1000, Math.round(nodes / 100)));

/** Where the generator writes: unknown k (inputs first, then nodes, as spec/04-system.md#system.unknowns) is `ref(k)`. */
export interface GraphSink<H> {
  input(value: number): void;
  node(op: RandomOp, a: H, b?: H): void;
  ref(k: number): H;
}

/** Emits the random graph into `sink`; returns the output's unknown number (the last node). */
export function emitRandomGraph<H>(nodes: number, seed: number, sink: GraphSink<H>, args: RandomArgs = "uniform"): number {
  const r = rng(seed * 1_000_003 + nodes);
  const ninputs = randomGraphInputs(nodes);
  for (let k = 0; k < ninputs; k++) sink.input(2 * r() - 1);
  for (let i = 0; i < nodes; i++) {
    const k = ninputs + i; // this node's unknown number
    if (i % 2 === 0) {
      const far =
        args === "local"
          ? k - 1 - Math.floor(r() * Math.min(LOCAL_WINDOW, k))
          : r() < 0.5
            ? Math.floor(r() * k)
            : k - 1 - Math.floor(r() * Math.min(64, k));
      sink.node(BINARY[Math.floor(r() * 3)]!, sink.ref(k - 1), sink.ref(far));
    } else {
      sink.node(UNARY[Math.floor(r() * 4)]!, sink.ref(k - 1));
    }
  }
  return ninputs + nodes - 1;
}

/** The random graph as a case (ids `x0…` for inputs, `n0…` for nodes). */
export function randomGraphCase(nodes: number, seed = 3, args: RandomArgs = "uniform"): GraphCase {
  const ninputs = randomGraphInputs(nodes);
  const id = (k: number): string => (k < ninputs ? `x${k}` : `n${k - ninputs}`);
  const inputs: { id: string; value: number }[] = [];
  const list: RawNode[] = [];
  const output = emitRandomGraph(nodes, seed, {
    input: (value) => void inputs.push({ id: id(inputs.length), value }),
    node: (op, a, b) => void list.push({ id: id(ninputs + list.length), op, args: b === undefined ? [a] : [a, b] }),
    ref: id,
  }, args);
  return {
    id: args === "uniform" ? `bench.random.${nodes}` : `bench.random-${args}.${nodes}`,
    description: `random scalar graph, ${nodes} nodes, ${ninputs} inputs, seed ${seed}, ${args === "uniform" ? "uniform" : `local (window ${LOCAL_WINDOW})`} second arguments`,
    kind: "graph",
    graph: { inputs, nodes: list, output: id(output) },
  };
}
