/**
 * The scaling suite's scalar graph as a compiled plan. Today through a JSON case object
 * (randomGraphCase, then compile): at 10⁶ nodes the case costs far more memory than the plan and
 * dominates the peak; the plan's own bytes are measured apart. When impl offers a builder that
 * makes a plan without a case, this is the one place to switch.
 */
import { compile, type GraphPlan } from "../../impl/index.js";
import { randomGraphCase } from "./random-graph.js";

export interface BuiltPlan {
  readonly plan: GraphPlan;
  /** Milliseconds to turn the description into a plan (reading, validation, compiling). */
  readonly compileMs: number;
  readonly builder: string;
}

export function scalarPlan(nodes: number): BuiltPlan {
  let c: ReturnType<typeof randomGraphCase> | undefined = randomGraphCase(nodes);
  const t0 = performance.now();
  const plan = compile(c);
  const compileMs = performance.now() - t0;
  c = undefined; // let the case be collected before memory is measured
  return { plan, compileMs, builder: "case" };
}
