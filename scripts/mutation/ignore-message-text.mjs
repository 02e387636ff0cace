// @ts-check
/**
 * A Stryker ignorer (plugin kind "Ignore", named "message-text"): mutants inside the text of an
 * error message are reported as Ignored, with the reason below, instead of counting as survivors.
 *
 * The text is `detail` in `fail(code, detail, where)` and `new SpecError(code, detail, where)`,
 * and the message of `new Error(…)` / `new RangeError(…)` / `new TypeError(…)`. The spec leaves it
 * free (spec/06-conformance.md#error.message asks for a code, a case and a JSON pointer, which the
 * conformance suite judges; the wording is the implementation's), so no conformance test can
 * tell two texts apart — the unit tests under reference/ and conformance/invalid/ check what the
 * messages must name. The code and the pointer (the other arguments) are still mutated.
 */
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const REASON = "message text: the spec judges an error by its code and JSON pointer, not its wording (spec/06-conformance.md#error.message)";

/** Which argument of a call or `new` is message text: index by callee name. */
const CALLS = new Map([["fail", 1]]);
const NEWS = new Map([["SpecError", 1], ["Error", 0], ["RangeError", 0], ["TypeError", 0]]);

/** @param {import("@babel/core").NodePath} path */
function shouldIgnore(path) {
  const parent = path.parentPath;
  if (parent === null || path.listKey !== "arguments" || typeof path.key !== "number") return undefined;
  const node = parent.node;
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return undefined;
  if (node.callee.type !== "Identifier") return undefined;
  const index = (node.type === "CallExpression" ? CALLS : NEWS).get(node.callee.name);
  return index === path.key ? REASON : undefined;
}

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, "message-text", { shouldIgnore })];
