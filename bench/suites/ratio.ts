/**
 * gradient / forward for impl: on one compiled plan, `forward()` (the forward sweep) and
 * `gradient()` (the back substitution alone, reading the values the forward sweep left) are
 * timed interleaved. The target (≤ 2.5×) is judged on this ratio — the cost of the
 * reverse sweep in units of the function's own cost. For the tanh loss the matmul flops alone
 * make it 2 (4n³ backward against 2n³ forward); (forward + gradient)/forward is reported too.
 */
import { compile } from "../../impl/index.js";
import type { GraphCase } from "../../reference/index.js";
import { mlpCase, mlpFlops, tanhLossCase, tanhLossFlops, tanhLossInputs } from "../cases/mlp.js";
import { randomGraphCase } from "../cases/random-graph.js";
import { interleave, pairedRatio } from "../measure.js";
import { attempt, type ErrorLog } from "../errors.js";
import type { BenchOptions } from "../options.js";
import type { RatioRow } from "../results.js";
import { timing } from "../timing.js";

interface Item {
  readonly kind: RatioRow["kind"];
  readonly size: number;
  readonly make: () => GraphCase;
  readonly flops: number | undefined;
}

export async function ratioSuite(o: BenchOptions, log: (line: string) => void, errors: ErrorLog): Promise<RatioRow[]> {
  const s = o.sizes.ratio;
  const items: Item[] = [
    ...s.tanhLoss.map((n): Item => {
      const f = tanhLossFlops(n);
      return { kind: "tanh-loss", size: n, make: () => tanhLossCase(tanhLossInputs(n)), flops: f.forward + f.backward };
    }),
    ...s.mlp4.map((n): Item => {
      const f = mlpFlops(n, 4);
      return { kind: "mlp4", size: n, make: () => mlpCase(n, 4), flops: f.forward + f.backward };
    }),
    ...s.random.map((N): Item => ({ kind: "random", size: N, make: () => randomGraphCase(N), flops: undefined })),
  ];
  const rows: RatioRow[] = [];
  for (const it of items) await attempt(errors, "ratio", `${it.kind} ${it.size}`, async () => {
    const c = it.make();
    const plan = compile(c);
    plan.forward();
    const m = await interleave(
      [
        { name: "forward", run: () => plan.forward() },
        { name: "gradient", run: () => plan.gradient() },
      ],
      o,
    );
    const fwd = m.get("forward")!;
    const grad = m.get("gradient")!;
    const f = timing(fwd);
    const g = timing(grad);
    rows.push({
      case: c.id,
      kind: it.kind,
      size: it.size,
      nodes: c.graph.nodes.length,
      forward: f,
      gradient: g,
      ratio: pairedRatio(grad, fwd),
      totalRatio: (f.ms + g.ms) / f.ms,
      gflops: it.flops === undefined ? undefined : it.flops / ((f.ms + g.ms) * 1e6),
    });
    log(`  ratio ${c.id}: forward ${f.ms.toFixed(3)} ms, gradient ${g.ms.toFixed(3)} ms`);
  });
  return rows;
}
