/**
 * impl against the reference interpreter, as backends: each call is a whole `gradient(case)` —
 * reading, validating, evaluating and back-substituting the same case — so impl's compile time
 * is included (the reference has nothing to compile). The reference is dense and O(N²) or worse
 * in the number of nodes by design (clarity, not speed): sizes stay small.
 */
import { impl } from "../../impl/index.js";
import { reference } from "../../reference/backend.js";
import type { GraphCase, Tensor } from "../../reference/index.js";
import { tanhLossCase, tanhLossInputs } from "../cases/mlp.js";
import { randomGraphCase } from "../cases/random-graph.js";
import { interleave, pairedRatio } from "../measure.js";
import { attempt, type ErrorLog } from "../errors.js";
import type { BenchOptions } from "../options.js";
import type { ReferenceRow } from "../results.js";
import { relDiff, timing } from "../timing.js";

const flat = (t: Tensor): number[] => (typeof t === "number" ? [t] : t.flat());

/** All gradient elements of a result, in wrt order. */
const gradientElements = (g: Readonly<Record<string, Tensor>>): number[] => Object.values(g).flatMap(flat);

export async function referenceSuite(o: BenchOptions, log: (line: string) => void, errors: ErrorLog): Promise<ReferenceRow[]> {
  const s = o.sizes.reference;
  const items: { kind: ReferenceRow["kind"]; size: number; c: () => GraphCase }[] = [
    ...s.tanhLoss.map((n) => ({ kind: "tanh-loss" as const, size: n, c: () => tanhLossCase(tanhLossInputs(n)) })),
    ...s.random.map((N) => ({ kind: "random" as const, size: N, c: () => randomGraphCase(N) })),
  ];
  const rows: ReferenceRow[] = [];
  for (const it of items) await attempt(errors, "reference", `${it.kind} ${it.size}`, async () => {
    const c = it.c();
    const diff = relDiff(gradientElements(impl.gradient(c).gradient), gradientElements(reference.gradient(c).gradient));
    // The reference takes seconds per call at 10³ nodes: fewer repetitions than elsewhere.
    const m = await interleave(
      [
        { name: "impl", run: () => impl.gradient(c) },
        { name: "reference", run: () => reference.gradient(c) },
      ],
      { ...o, reps: Math.min(o.reps, 3), warmupMs: Math.min(o.warmupMs, 100) },
    );
    const a = m.get("impl")!;
    const b = m.get("reference")!;
    rows.push({ case: c.id, kind: it.kind, size: it.size, impl: timing(a), reference: timing(b), speedup: pairedRatio(b, a), relDiff: diff });
    log(`  reference ${c.id}: impl ${timing(a).ms.toFixed(3)} ms, reference ${timing(b).ms.toFixed(3)} ms`);
  });
  return rows;
}
