/**
 * Random block systems for the block rule: source unknowns s0, s1, … and sink unknowns t0, t1, …,
 * every edge from a source to a sink with an operator of any kind between their shapes
 * (operator-between.ts; parallel edges allowed), the right-hand side y at every sink and, at some
 * sources, r. Sinks have no edges out, so the solution is ȳ_t = y_t and
 * ȳ_s = r_s + Σ_{edges s→t} (M_ts)ᵀ• y_t: the block transpose with every entry replaced by its
 * adjoint (law.block), which a backend's per-entry adjoints (its `apply`) must reproduce.
 * Small integers throughout, so both sides are exact.
 *
 * @see spec/02-operators.md#law.block
 * @see spec/04-system.md#system.case
 */
import fc from "fast-check";
import type { RawShape, SystemCase } from "../../reference/case.js";
import { Choices, operatorBetween } from "./operator-between.js";

export interface BlockSystemOptions {
  readonly maxSources?: number;
  readonly maxSinks?: number;
  readonly maxEdges?: number;
  readonly maxSide?: number;
}

export function blockSystemCase(options: BlockSystemOptions = {}): fc.Arbitrary<SystemCase> {
  const { maxSources = 3, maxSinks = 3, maxEdges = 6, maxSide = 3 } = options;
  return fc
    .record({
      sources: fc.integer({ min: 1, max: maxSources }),
      sinks: fc.integer({ min: 1, max: maxSinks }),
      edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat() }), { minLength: 1, maxLength: maxEdges }),
      choices: fc.array(fc.nat(), { maxLength: 48 }),
      pool: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 32 }),
      sourceRhs: fc.array(fc.boolean(), { minLength: 1, maxLength: maxSources }),
    })
    .map(({ sources, sinks, edges, choices, pool, sourceRhs }): SystemCase => {
      const ch = new Choices(choices, pool, maxSide);
      const s = Array.from({ length: sources }, (_, j) => ({ id: `s${j}`, shape: ch.shape() }));
      const t = Array.from({ length: sinks }, (_, i) => ({ id: `t${i}`, shape: ch.shape() }));
      const unknowns: { id: string; shape: RawShape }[] = [...s, ...t];
      const edgeList = edges.map((e) => {
        const from = s[e.from % sources] as { id: string; shape: RawShape };
        const to = t[e.to % sinks] as { id: string; shape: RawShape };
        return { from: from.id, to: to.id, operator: operatorBetween(from.shape, to.shape, ch, 1) };
      });
      const rhs = Object.fromEntries([
        ...t.map((u) => [u.id, ch.tensor(u.shape)]),
        ...s.flatMap((u, j) => (sourceRhs[j % sourceRhs.length] === true ? [[u.id, ch.tensor(u.shape)]] : [])),
      ]);
      return { id: "random.block", description: "a two-level block system: sources, sinks, operator edges between them", kind: "system", system: { unknowns, edges: edgeList, rhs } };
    });
}
