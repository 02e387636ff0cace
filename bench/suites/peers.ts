/**
 * The MLP sweep: impl against real peers on the gradient of L(A, B) = ⟨tanh(AB), C⟩, same inputs
 * (the peers at float32 get them rounded). Before anything is timed at a given n, each peer's
 * gradient is checked against impl's; a peer that fails the check or throws is reported and left
 * out of that n's timing, so the table never times a wrong computation. All contenders of one n
 * are then timed interleaved; `vsImpl` is the median of the per-repetition ratios.
 */
import { tanhLossFlops, tanhLossInputs } from "../cases/mlp.js";
import { interleave, pairedRatio, type Contender } from "../measure.js";
import { attempt, type ErrorLog } from "../errors.js";
import type { BenchOptions } from "../options.js";
import { implPeer } from "../peers/impl.js";
import { jaxWasm } from "../peers/jax.js";
import type { Peer, Prepared } from "../peers/peer.js";
import { tfjsCpu, tfjsWasm, tfjsWasmFeatures } from "../peers/tfjs.js";
import type { PeerCheck, PeerRow, PeerSweep } from "../results.js";
import { relDiff, timing } from "../timing.js";

export const PEERS: readonly Peer[] = [tfjsCpu, tfjsWasm, jaxWasm];

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

export async function peerSuite(o: BenchOptions, log: (line: string) => void, errors: ErrorLog, peers: readonly Peer[] = PEERS): Promise<PeerSweep> {
  const checks: PeerCheck[] = [];
  const rows: PeerRow[] = [];
  const wasm = await tfjsWasmFeatures().catch(() => undefined);
  for (const n of o.sizes.peers) await attempt(errors, "peers", `n=${n}`, async () => {
    const x = tanhLossInputs(n);
    const mine = await implPeer.prepare(x);
    const [iA, iB] = mine.run();
    const want = [Float64Array.from(iA), Float64Array.from(iB)];
    const ready: { peer: Peer; p: Prepared }[] = [{ peer: implPeer, p: mine }];
    for (const peer of peers) {
      let p: Prepared | undefined;
      try {
        p = await peer.prepare(x);
        await p.enter();
        const [gA, gB] = p.run();
        // Copied at once: a library may hand back a view it reuses on its next call.
        const err = Math.max(relDiff(Float64Array.from(gA), want[0]!), relDiff(Float64Array.from(gB), want[1]!));
        const ok = err <= peer.tolerance;
        checks.push({ n, peer: peer.name, relErr: err, tolerance: peer.tolerance, ok });
        if (ok) ready.push({ peer, p });
        else p.dispose();
      } catch (e) {
        checks.push({ n, peer: peer.name, relErr: undefined, tolerance: peer.tolerance, ok: false, error: message(e) });
        p?.dispose();
      }
    }
    const contenders: Contender[] = ready.map(({ peer, p }) => ({ name: peer.name, enter: () => p.enter(), run: () => p.run() }));
    const m = await interleave(contenders, o);
    const base = m.get(implPeer.name)!;
    const { forward, backward } = tanhLossFlops(n);
    for (const { peer } of ready) {
      const s = m.get(peer.name)!;
      const t = timing(s);
      rows.push({ n, contender: peer.name, timing: t, gflops: (forward + backward) / (t.ms * 1e6), vsImpl: pairedRatio(s, base) });
    }
    for (const { p } of ready) p.dispose();
    log(`  peers n=${n}: ${rows.filter((r) => r.n === n).map((r) => `${r.contender} ${r.timing.ms.toFixed(2)} ms`).join(", ")}`);
  });
  const info = [implPeer, ...peers].map((p) => ({
    name: p.name,
    version: p.version,
    precision: p.precision,
    tolerance: p.tolerance,
    notes: p.name === "tfjs-wasm" && wasm ? `${p.notes}; SIMD ${wasm.simd ? "on" : "off"}, threads ${wasm.threads ? "on" : "off"}` : p.notes,
  }));
  return { peers: info, checks, rows };
}
