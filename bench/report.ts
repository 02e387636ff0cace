/** The printed report: one table per suite, then the targets. Every figure comes from the results object. */
import { RANDOM_ARGS } from "./cases/random-graph.js";
import type { BenchResults } from "./results.js";
import { ms, table, times } from "./table.js";

export function report(r: BenchResults): string {
  const out: string[] = [];
  const m = r.meta;
  out.push(`backslash-ad bench — ${m.date}, node ${m.node}, ${m.cpus} CPU (${m.cpuModel}), load ${m.loadavg.map((v) => v.toFixed(2)).join(" ")}${m.options.quick ? ", QUICK (smoke test; not for reading against the targets)" : ""}`);
  out.push(`medians of ${m.options.reps} interleaved repetitions (wall time); ratios are medians of per-repetition ratios`);
  out.push(`CPU time / wall time over all timings: ${m.cpuOverWall.toFixed(2)} (every contender is single-threaded; below ~0.9 the machine was busy and absolute times are inflated)`);

  const { ratio, reference, peers, scaling } = r.suites;
  if (ratio) {
    out.push(
      table(
        "\n## gradient / forward (impl, one compiled plan; gradient = back substitution alone)",
        ["case", "nodes", "forward ms", "gradient ms", "grad/fwd", "(fwd+grad)/fwd", "GFLOP/s"],
        ratio.map((x) => [x.case.replace("bench.", ""), String(x.nodes), ms(x.forward.ms), ms(x.gradient.ms), times(x.ratio), times(x.totalRatio), x.gflops === undefined ? "" : x.gflops.toFixed(2)]),
      ),
    );
  }
  if (reference) {
    out.push(
      table(
        "\n## impl vs reference (whole backend gradient(case) calls: read, validate, compile/evaluate, solve)",
        ["case", "impl ms", "reference ms", "impl speedup", "max rel diff"],
        reference.map((x) => [x.case.replace("bench.", ""), ms(x.impl.ms), ms(x.reference.ms), times(x.speedup), x.relDiff.toExponential(1)]),
      ),
    );
  }
  if (peers) {
    const names = peers.peers.map((p) => p.name);
    const ns = [...new Set(peers.rows.map((x) => x.n))];
    out.push(
      table(
        "\n## MLP sweep: ∇ of ⟨tanh(AB), C⟩ w.r.t. A and B — ms per gradient (GFLOP/s at 6n³ flops) [time / impl's]",
        ["n", ...names, "fastest peer / impl"],
        ns.map((n) => {
          const at = peers.rows.filter((x) => x.n === n);
          const cells = names.map((name) => {
            const x = at.find((y) => y.contender === name);
            if (x === undefined) return peers.checks.some((c) => c.n === n && c.peer === name && !c.ok) ? "CHECK FAILED" : "—";
            return `${ms(x.timing.ms)} (${x.gflops.toFixed(2)})${name === "impl" ? "" : ` [${times(x.vsImpl)}]`}`;
          });
          const others = at.filter((x) => x.contender !== "impl");
          const fastest = others.length ? others.reduce((a, b) => (b.timing.ms < a.timing.ms ? b : a)) : undefined;
          return [String(n), ...cells, fastest ? `${times(fastest.vsImpl)} (${fastest.contender})` : ""];
        }),
      ),
    );
    out.push(
      table(
        "\ngradient checks against impl (max |Δ| / max |impl|), done before timing",
        ["peer", "precision", "tolerance", ...ns.map((n) => `n=${n}`), "version, how it runs"],
        peers.peers
          .filter((p) => p.name !== "impl")
          .map((p) => {
            const checks = ns.map((n) => {
              const c = peers.checks.find((y) => y.n === n && y.peer === p.name);
              if (c === undefined) return "";
              return c.error !== undefined ? `ERROR: ${c.error}` : `${c.relErr!.toExponential(1)} ${c.ok ? "ok" : "FAIL"}`;
            });
            return [p.name, p.precision, p.tolerance.toExponential(0), ...checks, `${p.version}; ${p.notes}`];
          }),
      ),
    );
  }
  if (scaling) {
    out.push(
      table(
        `\n## scaling: random scalar graphs, one process per size and family, ${m.options.rounds} round(s) in rotated order (forward + gradient; build + compile apart)\n` +
          "second args: uniform = half uniform over the whole graph, half among the last 64; local = uniform among the previous 1000 unknowns\n" +
          "figures are medians over rounds; ÷ smallest size is the median of per-round ratios [min–max over rounds]",
        ["second args", "nodes", "build+compile ms", "forward ms", "gradient ms", "fwd+grad ms", "ns/node", "ns/node by round", "÷ smallest size", "plan held B/node", "plan arrays B/node", "peak RSS B/node", "built from"],
        RANDOM_ARGS.flatMap((family) =>
          scaling
            .filter((x) => x.family === family)
            .sort((a, b) => a.nodes - b.nodes)
            .map((x) => [
              x.family,
              x.nodes.toExponential(0).replace("e+", "e"),
              ms(x.compileMs),
              ms(x.forward.ms),
              ms(x.gradient.ms),
              ms(x.totalMs),
              x.nsPerNode.toFixed(0),
              [...x.runs].sort((a, b) => a.round - b.round).map((y) => y.nsPerNode.toFixed(0)).join(" "),
              `${times(x.vsSmallest.median)} [${x.vsSmallest.min.toFixed(2)}–${x.vsSmallest.max.toFixed(2)}]`,
              x.planBytesPerNode.toFixed(0),
              x.planArrayBytesPerNode.toFixed(0),
              x.peakRssBytesPerNode.toFixed(0),
              x.builder,
            ]),
        ),
      ),
    );
  }
  if (r.errors.length > 0) {
    out.push(table("\n## ERRORS (left out of the tables above)", ["suite", "item", "error"], r.errors.map((e) => [e.suite, e.item, e.message])));
  }
  out.push(
    table(
      "\n## targets (issue 5)",
      ["target", "met", "measured"],
      r.targets.map((t) => [t.target, t.met === undefined ? "n/a" : t.met ? "MET" : "NOT MET", t.measured]),
    ),
  );
  return out.join("\n");
}
