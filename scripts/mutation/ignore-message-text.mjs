// @ts-check
/**
 * A Stryker ignorer (plugin kind "Ignore", named "message-text"): mutants inside the text of an
 * error message are reported as Ignored, with the reason below, instead of counting as survivors.
 *
 * The spec leaves an error's wording free (spec/06-conformance.md#error.message asks for a code,
 * a case and a JSON pointer, which the conformance suite judges; the words are the
 * implementation's), so no conformance test can tell two texts apart — the unit tests under
 * reference/ and conformance/invalid/ check what the messages must name. Ignored:
 * - `detail` in `fail(code, detail, where)` and `new SpecError(code, detail, where)`, and the
 *   message of `new Error(…)` / `new RangeError(…)` / `new TypeError(…)`;
 * - a string or template literal passed as the `what` label of a shape or domain check
 *   (`requireMatrix(x, "the point of left")`), and `what = "…"` defaults: they only name the
 *   operand in the message;
 * - the functions that only format message text (TEXT_FUNCTIONS).
 * The code and the pointer (the other arguments) are still mutated.
 */
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const REASON = "message text: the spec judges an error by its code and JSON pointer, not its wording (spec/06-conformance.md#error.message)";

/** Which argument of a call or `new` is message text, by callee name. */
const CALLS = new Map([["fail", 1]]);
const NEWS = new Map([["SpecError", 1], ["Error", 0], ["RangeError", 0], ["TypeError", 0]]);
/** Checks whose last parameter, `what`, labels the operand in their error message: its index. */
const LABELLED = new Map([
  ["requireSameShape", 2], ["requireMatrix", 1], ["requireScalar", 1], ["requireSquare", 1], ["zip", 3],
  ["eliminate", 2], ["lookup", 2], ["checkDomain", 2], ["parseFiniteNumber", 2],
  ["same", 2], ["matrix", 1], ["square", 1], ["requireSameShapeOf", 2],
]);
/** Functions whose only output is message text. */
const TEXT_FUNCTIONS = new Set(["formatMessage", "formatPointer", "shorten", "quote", "formatShape"]);

/** @param {import("@babel/core").types.Node} callee */
const calleeName = (callee) =>
  callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : undefined;

/** @param {import("@babel/core").NodePath} path */
function shouldIgnore(path) {
  const node = path.node;
  if (node.type === "FunctionDeclaration" && node.id != null && TEXT_FUNCTIONS.has(node.id.name)) return REASON;
  if (node.type === "AssignmentPattern" && node.left.type === "Identifier" && node.left.name === "what") return REASON;
  const parent = path.parentPath;
  if (parent === null || path.listKey !== "arguments" || typeof path.key !== "number") return undefined;
  const call = parent.node;
  if (call.type !== "CallExpression" && call.type !== "NewExpression") return undefined;
  const name = calleeName(call.callee);
  if (name === undefined) return undefined;
  if (call.type === "NewExpression") return NEWS.get(name) === path.key ? REASON : undefined;
  if (CALLS.get(name) === path.key) return REASON;
  const label = node.type === "StringLiteral" || node.type === "TemplateLiteral";
  return label && LABELLED.get(name) === path.key ? REASON : undefined;
}

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, "message-text", { shouldIgnore })];
