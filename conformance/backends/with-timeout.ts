/**
 * An in-process answer with a deadline. Only an asynchronous backend can be interrupted: a
 * synchronous one that loops forever blocks the harness (run it as a subprocess instead).
 *
 * @see spec/08-backends.md#backend.timeout
 */
import { BackendFault } from "./backend-fault.js";

export async function withTimeout<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BackendFault("timeout", `no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
