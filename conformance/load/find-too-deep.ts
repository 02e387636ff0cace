/**
 * A limit on nesting, so that validating a hostile file cannot overflow the call stack.
 *
 * Conventions: the value itself is at depth 0; each array element or object member is one deeper.
 *
 * @see spec/05-cases.md#case.file
 */
import { pointerToken } from "../../reference/errors.js";

/** Nesting allowed in one case; real cases stay far below it (an operator level is 2 or 3). */
export const MAX_CASE_DEPTH = 100;

/**
 * The JSON pointer (relative to `value`) of the first element or member, in document order, nested
 * deeper than `maxDepth`; undefined if there is none. Iterative, so any depth is safe.
 */
export function findTooDeep(value: unknown, maxDepth: number = MAX_CASE_DEPTH): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: "", depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > maxDepth) return top.pointer;
    if (top.value === null || typeof top.value !== "object") continue;
    const entries = Object.entries(top.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push({ value: child, pointer: `${top.pointer}/${pointerToken(key)}`, depth: top.depth + 1 });
    }
  }
  return undefined;
}
