/**
 * A failure inside one measurement (a contender that throws, a child process that dies) is
 * recorded and the run goes on: one broken case must not hide every other figure. The CLI lists
 * them and exits 1.
 */
export interface BenchError {
  readonly suite: string;
  readonly item: string;
  readonly message: string;
}

export type ErrorLog = BenchError[];

/** Runs `f`; on a throw, records it under suite/item and returns undefined. */
export async function attempt<T>(errors: ErrorLog, suite: string, item: string, f: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    errors.push({ suite, item, message: (e instanceof Error ? e.message : String(e)).split("\n")[0]! });
    return undefined;
  }
}
