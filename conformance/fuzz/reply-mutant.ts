/**
 * A mutant protocol reply: a valid reply (hello, gradient, solve, apply, jvp, or an error reply)
 * with structural mutations of its JSON value, written as one line, mutated as text (partial
 * lines, flipped bytes, NaN literals, duplicate keys, extra line breaks), cut into chunks as a pipe
 * might deliver it, and followed by an ending of the process: it exits, is killed, or stays.
 *
 * @see spec/08-backends.md#backend.replies
 * @see spec/08-backends.md#backend.lines
 */
import fc from "fast-check";
import type { CaseCommand } from "../backends/index.js";
import { jsonMutation, type JsonMutation } from "./json-mutation.js";
import type { JsonValue } from "./json-value.js";
import { textMutation, type TextMutation } from "./text-mutation.js";

/** The request a reply answers. */
export type ReplyCommand = "hello" | CaseCommand;

/** How a mutant was made; printing it says everything needed to rebuild it. */
export interface ReplyRecipe {
  readonly command: ReplyCommand;
  /** The valid reply the mutations start from (with `id` 1 for a case request). */
  readonly base: JsonValue;
  readonly mutations: readonly JsonMutation[];
  readonly textMutations: readonly TextMutation[];
  /** Whether the line ends with "\n" (else the reply is a partial line unless a mutation added one). */
  readonly newline: boolean;
  /** Byte offsets at which the pipe splits the line (modulo its length). */
  readonly cuts: readonly number[];
  /** What the process does after writing: exit with a code, get killed, or stay (and time out). */
  readonly ending: "exit" | "kill" | "stay";
}

/** An element in the number encoding (`backend.numbers`). */
const element: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x): JsonValue => (Object.is(x, -0) ? "-0" : x)),
  fc.constantFrom<JsonValue>("NaN", "Infinity", "-Infinity", "-0", "1e-320", "0.1000000000000000055511151231257827"),
);

/** A valid tensor: a scalar or a rectangular non-empty matrix. */
const tensor: fc.Arbitrary<JsonValue> = fc.oneof(
  element,
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.array(element, { minLength: 16, maxLength: 16 })).map(([m, n, xs]): JsonValue =>
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => xs[i * 4 + j] as JsonValue)),
  ),
);

const ids = fc.uniqueArray(fc.constantFrom("x", "y", "W", "b", "a.b", "ȳ1", "__proto__", "constructor", ""), { minLength: 1, maxLength: 3 });
const tensorMap = ids.chain((keys) => fc.tuple(...keys.map(() => tensor)).map((ts) => {
  const o: { [key: string]: JsonValue } = {};
  keys.forEach((k, i) => Object.defineProperty(o, k, { value: ts[i], enumerable: true, writable: true, configurable: true }));
  return o;
}));

const bases: { readonly [C in ReplyCommand]: fc.Arbitrary<JsonValue> } = {
  hello: fc.record({
    name: fc.constantFrom("example", "fake", "é"),
    version: fc.constantFrom("1.0.0", ""),
    capabilities: fc.uniqueArray(fc.constantFrom("gradient", "solve", "apply", "forward", "later"), { maxLength: 5 }),
    precision: fc.constantFrom("float64", "float32"),
    protocol: fc.constant(1),
  }),
  gradient: fc.record({ id: fc.constant(1), value: tensor, gradient: tensorMap }),
  solve: fc.record({ id: fc.constant(1), solution: tensorMap }),
  apply: fc.record({ id: fc.constant(1), apply: tensor, adjoint: tensor }, { requiredKeys: ["id", "apply"] }),
  jvp: fc.record({ id: fc.constant(1), value: tensor, tangent: tensor }),
};

const errorReply: fc.Arbitrary<JsonValue> = fc.record({
  id: fc.constant(1),
  error: fc.record({ code: fc.constantFrom("E_DOMAIN", "E_SHAPE", "E_INTERNAL", "E_NOT_IN_SPEC"), message: fc.constantFrom("m", "", "é\u0000") }),
});

export const replyRecipe: fc.Arbitrary<ReplyRecipe> = fc
  .constantFrom<ReplyCommand>("hello", "gradient", "solve", "apply", "jvp")
  .chain((command) =>
    fc.record({
      command: fc.constant(command),
      base: command === "hello" ? bases.hello : fc.oneof({ arbitrary: bases[command], weight: 3 }, { arbitrary: errorReply, weight: 1 }),
      mutations: fc.oneof({ arbitrary: fc.constant([]), weight: 1 }, { arbitrary: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), weight: 3 }),
      textMutations: fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 2 }), weight: 1 }),
      newline: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      cuts: fc.array(fc.nat(), { maxLength: 3 }),
      ending: fc.oneof({ arbitrary: fc.constantFrom("exit" as const, "kill" as const), weight: 19 }, { arbitrary: fc.constant("stay" as const), weight: 1 }),
    }),
  );
