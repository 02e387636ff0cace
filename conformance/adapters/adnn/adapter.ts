/**
 * The adnn peer as an in-process backend (spec/08-backends.md#backend.in-process), shared by
 * `backend.ts` (adnn as published) and `patched.ts` (the same with one global patched).
 *
 * What is judged is adnn's arithmetic: every forward value and every derivative comes from adnn
 * (its lifted inputs, its operations as `primitives.ts` maps them, its `backprop()`). What is not
 * judged is reading and checking the case: the reference's graph reader, forward evaluation and
 * cotangent rule raise the spec errors (E_SHAPE, E_DOMAIN, E_NOT_SCALAR, …) before adnn runs, and
 * their values are then discarded (choice: adnn checks no domains and throws plain Errors, which
 * would make error cases outcome "error" for a reason that says nothing about its AD).
 *
 * Only "gradient" is declared: adnn has no forward mode, no operator application and no
 * triangular systems, so those cases are skipped, not failed (spec/08-backends.md#backend.capabilities).
 */
import { createRequire } from "node:module";
import { cotangentOf, evaluate, locate, readGraph, type GraphCase, type Tensor as SpecTensor } from "../../../reference/index.js";
import { ad, type AdnnNode, type AdnnValue } from "./adnn-module.js";
import { fromAdnn, toAdnn } from "./convert.js";
import { TRANSLATIONS } from "./primitives.js";

const VERSION = (createRequire(import.meta.url)("adnn/package.json") as { version: string }).version;

export interface AdnnGradient {
  readonly value: SpecTensor;
  readonly gradient: Readonly<Record<string, SpecTensor>>;
}

/** Value and gradient of a graph case, by adnn's reverse mode. @see spec/08-backends.md#backend.gradient */
export function adnnGradient(c: GraphCase): AdnnGradient {
  const program = locate({ caseId: c.id }, () => {
    const p = readGraph(c);
    const checked = evaluate(p);
    cotangentOf(p, checked[p.output] as SpecTensor);
    return p;
  });
  // Inputs are lifted (tracked), constants stay raw values, as adnn's README does it.
  const values: AdnnValue[] = program.sources.map((s) => (s.kind === "input" ? ad.lift(toAdnn(s.value)) : toAdnn(s.value)));
  for (const n of program.nodes) values.push(TRANSLATIONS[n.op](n.args.map((k) => values[k] as AdnnValue), n.attributes));
  const out = values[program.output] as AdnnValue;
  // adnn's backprop seeds 1 (every element 1 for a tensor); a cotangent G is applied as adnn
  // operations, ⟨out, G⟩ (spec/04-system.md#system.cotangent), so adnn carries it back.
  const g = program.cotangent;
  const seed = g === undefined ? out : typeof g === "number" ? ad.scalar.mul(out, g) : ad.tensor.sumreduce(ad.tensor.mul(out, toAdnn(g)));
  // An output that depends on no input is a raw value: nothing to propagate, every gradient 0.
  if (ad.isLifted(seed)) seed.backprop();
  const gradient = Object.fromEntries(program.wrt.map((k) => [program.ids[k] as string, fromAdnn((values[k] as AdnnNode).dx)]));
  return { value: fromAdnn(ad.value(out)), gradient };
}

/** The backend object; `name` tells the published and the patched variant apart in reports. */
export function adnnBackend(name: string) {
  return {
    hello: () => ({ name, version: VERSION, capabilities: ["gradient"] as const, precision: "float64" as const }),
    gradient: (c: GraphCase): AdnnGradient => adnnGradient(c),
  };
}
