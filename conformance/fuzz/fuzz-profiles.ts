/**
 * How many mutants each fuzzer checks per profile. quick runs in `npm test` (seconds); thorough
 * checks 10⁵ mutants in all (issue 7: "≥ 10⁵ in the thorough profile"). Reply mutants are cheaper
 * than case-file mutants (no arithmetic), so they get the larger share.
 */
export type FuzzTarget = "case-files" | "replies";

export const FUZZ_TARGETS: readonly FuzzTarget[] = ["case-files", "replies"];

export const FUZZ_PROFILES = {
  quick: { "case-files": 150, replies: 400 },
  default: { "case-files": 3_000, replies: 10_000 },
  thorough: { "case-files": 40_000, replies: 60_000 },
} as const satisfies Record<string, Record<FuzzTarget, number>>;

export type FuzzProfile = keyof typeof FUZZ_PROFILES;
