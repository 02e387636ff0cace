/**
 * The JSON the bench writes (bench/results/latest.json): one object per run, every figure in
 * milliseconds or bytes, with the raw per-repetition samples so a reader can redo the statistics.
 */
import type { RandomArgs } from "./cases/random-graph.js";
import type { BenchError } from "./errors.js";
import type { BenchOptions, SuiteName } from "./options.js";

/** A median with its spread: wall and CPU milliseconds per call, and the per-repetition samples. */
export interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
  readonly samples: readonly number[];
  readonly calls: number;
}

export interface RatioRow {
  readonly case: string;
  readonly kind: "tanh-loss" | "mlp4" | "random";
  /** n for matrices, node count for random graphs. */
  readonly size: number;
  readonly nodes: number;
  readonly forward: Timing;
  /** `plan.gradient()` alone: the back substitution after a forward sweep. */
  readonly gradient: Timing;
  /** Median over repetitions of gradient / forward (paired). */
  readonly ratio: number;
  /** (forward + gradient) / forward from the medians. */
  readonly totalRatio: number;
  /** Matmul flops of forward + backward over the forward + gradient time; matrix cases only. */
  readonly gflops: number | undefined;
}

export interface ReferenceRow {
  readonly case: string;
  readonly kind: "tanh-loss" | "random";
  readonly size: number;
  /** Each a whole backend call on the same case: read, validate, evaluate, back-substitute. */
  readonly impl: Timing;
  readonly reference: Timing;
  /** Median over repetitions of reference / impl. */
  readonly speedup: number;
  /** max |impl − reference| / max |reference| over all gradient elements. */
  readonly relDiff: number;
}

export interface PeerInfo {
  readonly name: string;
  readonly version: string;
  readonly precision: "float32" | "float64";
  readonly tolerance: number;
  readonly notes: string;
}

export interface PeerCheck {
  readonly n: number;
  readonly peer: string;
  /** max |Δ| / max |impl| over ∂L/∂A and ∂L/∂B; undefined when the peer threw. */
  readonly relErr: number | undefined;
  readonly tolerance: number;
  readonly ok: boolean;
  readonly error?: string;
}

export interface PeerRow {
  readonly n: number;
  readonly contender: string;
  readonly timing: Timing;
  /** 6n³ / time. */
  readonly gflops: number;
  /** Median over repetitions of this contender's time / impl's (> 1: impl is faster). */
  readonly vsImpl: number;
}

export interface PeerSweep {
  readonly peers: readonly PeerInfo[];
  readonly checks: readonly PeerCheck[];
  readonly rows: readonly PeerRow[];
}

/** One scaling child process: one (family, size) in one round, its own medians over its repetitions. */
export interface ScalingRun {
  /** Round (0…rounds − 1) and this child's place in that round's order (0: ran first). */
  readonly round: number;
  readonly slot: number;
  readonly compileMs: number;
  readonly forward: Timing;
  readonly gradient: Timing;
  /** forward + gradient medians. */
  readonly totalMs: number;
  readonly nsPerNode: number;
  readonly planBytesPerNode: number;
  readonly planArrayBytesPerNode: number;
  readonly planArrayBytes: number;
  readonly peakRssBytesPerNode: number;
  readonly builder: string;
}

/** A ratio taken once per round (both sides from the same round), then summarised. */
export interface RoundRatio {
  /** Median of the per-round ratios. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** In round order; only rounds in which both sides ran. */
  readonly perRound: readonly number[];
}

/**
 * One (family, size), over every round: each figure is the median over rounds of the children's
 * figures (per child: a median over its repetitions). `forward`/`gradient` samples are the
 * per-round medians; every child's full figures are in `runs`.
 */
export interface ScalingRow {
  /** How the graph's second arguments are drawn: "uniform" over the whole graph (half of them), or "local" (within the previous 1000 unknowns). */
  readonly family: RandomArgs;
  readonly nodes: number;
  readonly compileMs: number;
  readonly forward: Timing;
  readonly gradient: Timing;
  /** Median over rounds of each run's forward + gradient. */
  readonly totalMs: number;
  readonly nsPerNode: number;
  /** ns/node over the same family's smallest size's, paired by round. */
  readonly vsSmallest: RoundRatio;
  /** Heap + array buffers still held with the plan compiled and the case dropped, after a GC. */
  readonly planBytesPerNode: number;
  /** The plan's typed arrays alone (code and arena): what a plan needs, against what it keeps alive. */
  readonly planArrayBytesPerNode: number;
  /** The same, in bytes for the whole plan. */
  readonly planArrayBytes: number;
  /** The child process's peak RSS over its RSS before building the case (includes the JSON case). */
  readonly peakRssBytesPerNode: number;
  /** How the graph was built: impl's "GraphBuilder", or "JSON case" (a case object, then compile). */
  readonly builder: string;
  readonly runs: readonly ScalingRun[];
}

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  /** undefined: not measured in this run (quick mode, or a suite left out). */
  readonly met: boolean | undefined;
}

export interface BenchResults {
  readonly meta: {
    readonly date: string;
    readonly node: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly loadavg: readonly number[];
    /** Σ CPU / Σ wall over all median timings; well below 1 means the machine was busy. */
    readonly cpuOverWall: number;
    readonly options: Omit<BenchOptions, "out">;
    readonly durationMs: number;
  };
  readonly suites: Partial<{ ratio: RatioRow[]; reference: ReferenceRow[]; peers: PeerSweep; scaling: ScalingRow[] }>;
  readonly targets: readonly TargetResult[];
  /** Measurements that threw: left out of the tables (and so of the targets). */
  readonly errors: readonly BenchError[];
  readonly ran: readonly SuiteName[];
}
