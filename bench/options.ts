/**
 * Command-line options and the sizes each mode measures. `--quick` is a smoke test (seconds, small
 * sizes, few repetitions); its figures are not meant to be read against the targets.
 */
export const SUITES = ["ratio", "reference", "peers", "scaling"] as const;
export type SuiteName = (typeof SUITES)[number];

export interface Sizes {
  /** gradient/forward: tanh-loss n, 4-layer MLP n, random graph node counts. */
  readonly ratio: { readonly tanhLoss: readonly number[]; readonly mlp4: readonly number[]; readonly random: readonly number[] };
  /** impl vs reference (the reference is O(N²)–O(N³) in nodes: keep these small). */
  readonly reference: { readonly tanhLoss: readonly number[]; readonly random: readonly number[] };
  /** The MLP sweep against the peers. */
  readonly peers: readonly number[];
  /** Scalar random graphs, node counts, each in its own process. */
  readonly scaling: readonly number[];
}

export interface BenchOptions {
  readonly quick: boolean;
  readonly only: readonly SuiteName[];
  /** Repetitions of each interleaved comparison. */
  readonly reps: number;
  /** Minimum length of one timed batch, ms. */
  readonly batchMs: number;
  /** Minimum warm-up per contender, ms. */
  readonly warmupMs: number;
  /** Scaling: rounds of child processes (every size and family once per round, order rotated). */
  readonly rounds: number;
  readonly sizes: Sizes;
  /** Where the JSON goes; undefined: nowhere. */
  readonly out: string | undefined;
}

const DEFAULT_SIZES: Sizes = {
  ratio: { tanhLoss: [64, 128, 256], mlp4: [128], random: [1_000, 10_000, 100_000] },
  reference: { tanhLoss: [8, 16, 32, 64], random: [100, 300, 1_000] },
  peers: [32, 64, 128, 256, 512],
  scaling: [10_000, 100_000, 1_000_000],
};

const QUICK_SIZES: Sizes = {
  ratio: { tanhLoss: [16], mlp4: [8], random: [1_000] },
  reference: { tanhLoss: [8], random: [30] },
  peers: [8, 16],
  scaling: [1_000, 10_000],
};

export function defaultOptions(quick: boolean, out: string | undefined = "bench/results/latest.json"): BenchOptions {
  return quick
    ? { quick, only: SUITES, reps: 3, batchMs: 5, warmupMs: 10, rounds: 2, sizes: QUICK_SIZES, out }
    : { quick, only: SUITES, reps: 7, batchMs: 100, warmupMs: 300, rounds: 3, sizes: DEFAULT_SIZES, out };
}

const USAGE = `npm run bench -- [--quick] [--only ${SUITES.join(",")}] [--reps N] [--rounds N] [--out FILE | --no-out]`;

/** Parses argv (after the script name); throws with the usage on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes("--quick");
  let o: BenchOptions = defaultOptions(quick);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\nusage: ${USAGE}`);
      return v;
    };
    if (a === "--quick") continue;
    else if (a === "--only") {
      const names = value().split(",").filter(Boolean);
      for (const n of names) if (!(SUITES as readonly string[]).includes(n)) throw new Error(`unknown suite ${n}\nusage: ${USAGE}`);
      o = { ...o, only: names as SuiteName[] };
    } else if (a === "--reps") {
      const reps = Number(value());
      if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps takes a positive integer\nusage: ${USAGE}`);
      o = { ...o, reps };
    } else if (a === "--rounds") {
      const rounds = Number(value());
      if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a positive integer\nusage: ${USAGE}`);
      o = { ...o, rounds };
    } else if (a === "--out") o = { ...o, out: value() };
    else if (a === "--no-out") o = { ...o, out: undefined };
    else if (a === "--help" || a === "-h") throw new Error(`usage: ${USAGE}`);
    else throw new Error(`unknown option ${a}\nusage: ${USAGE}`);
  }
  return o;
}
