/**
 * The scaling suite's scalar graph as a compiled plan, built with impl's `GraphBuilder`: sources
 * and nodes go straight into typed arrays, with no JSON case (at 10⁶ nodes a case costs several
 * times the plan and would dominate the peak memory). `scalarPlanFromCase` compiles the same
 * graph from its case, for checking that both paths agree.
 */
import { compile, GraphBuilder, type GraphPlan } from "../../impl/index.js";
import { emitRandomGraph, randomGraphCase, randomGraphInputs, type RandomArgs } from "./random-graph.js";

export interface BuiltPlan {
  readonly plan: GraphPlan;
  /** Milliseconds from nothing to a plan (building and compiling). */
  readonly compileMs: number;
  readonly builder: string;
}

/** The random scalar graph of `nodes` nodes (cases/random-graph.ts), built without a case. */
export function scalarPlan(nodes: number, seed = 3, args: RandomArgs = "uniform"): BuiltPlan {
  const t0 = performance.now();
  const ninputs = randomGraphInputs(nodes);
  // Builder handles: source s is −1 − s, node i is i.
  const ref = (k: number): number => (k < ninputs ? -1 - k : k - ninputs);
  const b = new GraphBuilder();
  const output = emitRandomGraph(nodes, seed, {
    input: (value) => void b.input(value),
    node: (op, x, y) => void b.node(op, x, y),
    ref,
  }, args);
  const plan = b.compile(ref(output));
  return { plan, compileMs: performance.now() - t0, builder: "GraphBuilder" };
}

/** The same graph through its JSON case (randomGraphCase, then compile). */
export function scalarPlanFromCase(nodes: number, seed = 3, args: RandomArgs = "uniform"): BuiltPlan {
  let c: ReturnType<typeof randomGraphCase> | undefined = randomGraphCase(nodes, seed, args);
  const t0 = performance.now();
  const plan = compile(c);
  const compileMs = performance.now() - t0;
  c = undefined; // let the case be collected before memory is measured
  return { plan, compileMs, builder: "JSON case" };
}
