/**
 * The bytes a mutant reply puts on the pipe: the mutated value as one JSON line, text mutations
 * applied to the text, then bit flips applied to its UTF-8 bytes (so invalid UTF-8 reaches the
 * reader), then the line break.
 *
 * @see spec/08-backends.md#backend.lines
 */
import { applyJsonMutations } from "./json-mutation.js";
import type { ReplyRecipe } from "./reply-mutant.js";
import { applyTextMutations } from "./text-mutation.js";

export function replyBytes(recipe: ReplyRecipe): Buffer {
  const value = applyJsonMutations(recipe.base, recipe.mutations);
  const text = applyTextMutations(JSON.stringify(value) ?? "", recipe.textMutations.filter((m) => m.kind !== "flip"));
  const bytes = Buffer.from(recipe.newline ? `${text}\n` : text, "utf8");
  for (const m of recipe.textMutations) {
    if (m.kind !== "flip" || bytes.length === 0) continue;
    const i = m.at % bytes.length;
    bytes[i] = (bytes[i] as number) ^ (1 << m.bit);
  }
  return bytes;
}

/** `bytes` cut at `cuts` (offsets modulo the length), as a pipe may deliver them. */
export function chunked(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
}
