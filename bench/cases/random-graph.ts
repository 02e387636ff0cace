/**
 * Seeded random scalar graphs of a given size, written straight into the case format with short
 * ids (one small object per node and nothing else, so a 10⁶-node case stays as lean as JSON
 * allows).
 *
 * Shape of the graph, and why:
 * - node i's first argument is node i − 1 (a spine), so every node is an ancestor of the output
 *   (the last node): nothing is skipped as dead in reverse mode, which would flatter its time;
 * - even nodes are binary (add, sub, mul), odd nodes unary squashes (tanh, sin, cos, sigmoid) —
 *   a binary node's spine argument is then in [−1, 1], so values stay bounded (no overflow to ±∞
 *   over 10⁶ nodes) and no primitive leaves its domain;
 * - a binary node's second argument is any earlier unknown: half of the time one of the last 64
 *   (locality, as in real programs), half of the time uniform over everything before it (fan-out
 *   across the whole graph, the cache-unfriendly case).
 */
import type { GraphCase, RawNode } from "../../reference/case.js";
import { rng } from "../rng.js";

const BINARY = ["add", "sub", "mul"] as const;
const UNARY = ["tanh", "sin", "cos", "sigmoid"] as const;

/** Inputs of a random graph: enough that gradients have many components, few enough to stay "a program". */
export const randomGraphInputs = (nodes: number): number => Math.max(4, Math.min(1000, Math.round(nodes / 100)));

/** A random scalar graph with `nodes` nodes (ids `x0…` for inputs, `n0…` for nodes). */
export function randomGraphCase(nodes: number, seed = 3): GraphCase {
  const r = rng(seed * 1_000_003 + nodes);
  const ninputs = randomGraphInputs(nodes);
  const id = (k: number): string => (k < ninputs ? `x${k}` : `n${k - ninputs}`);
  const inputs = Array.from({ length: ninputs }, (_, k) => ({ id: id(k), value: 2 * r() - 1 }));
  const list: RawNode[] = new Array(nodes);
  for (let i = 0; i < nodes; i++) {
    const k = ninputs + i; // this node's unknown number
    const prev = id(k - 1);
    if (i % 2 === 0) {
      const far = r() < 0.5 ? Math.floor(r() * k) : k - 1 - Math.floor(r() * Math.min(64, k));
      list[i] = { id: id(k), op: BINARY[Math.floor(r() * 3)]!, args: [prev, id(far)] };
    } else {
      list[i] = { id: id(k), op: UNARY[Math.floor(r() * 4)]!, args: [prev] };
    }
  }
  return {
    id: `bench.random.${nodes}`,
    description: `random scalar graph, ${nodes} nodes, ${ninputs} inputs, seed ${seed}`,
    kind: "graph",
    graph: { inputs, nodes: list, output: id(ninputs + nodes - 1) },
  };
}
