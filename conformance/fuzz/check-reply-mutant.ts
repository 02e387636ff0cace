/**
 * The whole reply property for one mutant: its JSON value read directly, then its bytes over a
 * fake pipe, whose first request must end as predicted from the bytes (or time out, which a busy
 * machine may cause) and whose third request must succeed.
 *
 * @see spec/08-backends.md#backend.faults
 */
import { applyJsonMutations } from "./json-mutation.js";
import { readDirectly, sendOverWire, type ReplyEnd } from "./check-reply.js";
import { FuzzViolation } from "./fuzz-violation.js";
import type { ReplyRecipe } from "./reply-mutant.js";

export async function checkReplyMutant(recipe: ReplyRecipe): Promise<{ readonly direct: ReplyEnd; readonly wire: ReplyEnd }> {
  const value = applyJsonMutations(recipe.base, recipe.mutations);
  const direct = readDirectly(recipe.command, value);
  const { ends, predicted } = await sendOverWire(recipe);
  const [first, , third] = ends;
  if (first !== predicted && first !== "timeout") throw new FuzzViolation(`request 1 ended ${first}, but backend.faults says ${predicted} for these bytes`);
  if (third !== "decoded" && third !== "timeout") throw new FuzzViolation(`request 3 ended ${third}: a fault cost more than one request (backend.restart)`);
  return { direct, wire: first as ReplyEnd };
}
