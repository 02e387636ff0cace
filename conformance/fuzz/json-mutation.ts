/**
 * Structural mutations of a JSON value, as data: each names a position by an index into the
 * value's positions in pre-order (taken modulo their count, so every index is valid and small
 * indices shrink towards the root), and what to do there. Data rather than closures, so a shrunk
 * counterexample prints as what was done.
 *
 * Conventions: a "position" is any value inside the document, the root included.
 *
 * @see spec/05-cases.md#case.file
 */
import fc from "fast-check";
import { OPERATOR_KINDS, PRIMITIVE_NAMES } from "../../reference/index.js";
import type { JsonValue } from "./json-value.js";
import { nastyValue, PROTOTYPE_NAMES } from "./nasty-value.js";

export type JsonMutation =
  /** The value at `at` becomes `value`. */
  | { readonly kind: "replace"; readonly at: number; readonly value: JsonValue }
  /** The value at `at` leaves its parent (a member or an element). */
  | { readonly kind: "delete"; readonly at: number }
  /** The element at `at` appears twice in a row (a member: under the key with "2" appended). */
  | { readonly kind: "duplicate"; readonly at: number }
  /** The object at `at` gains (or overwrites) a member. */
  | { readonly kind: "add-member"; readonly at: number; readonly key: string; readonly value: JsonValue }
  /** The member at `at` is renamed (a collision overwrites the other member). */
  | { readonly kind: "rename-key"; readonly at: number; readonly key: string }
  /** The values at `at` and `other` trade places (args swapped, an id moved). */
  | { readonly kind: "swap"; readonly at: number; readonly other: number }
  /** The value at `at` changes type: number ↔ string, array ↔ object, scalar → [scalar], … */
  | { readonly kind: "retype"; readonly at: number }
  /** The string at `at` becomes the string at `from` (an id collision, an arg naming another node). */
  | { readonly kind: "borrow-string"; readonly at: number; readonly from: number }
  /** The array at `at` loses its last element (a ragged row, an empty matrix, a missing arg). */
  | { readonly kind: "pop"; readonly at: number }
  /** The value at `at` is wrapped `depth` times in arrays. */
  | { readonly kind: "nest"; readonly at: number; readonly depth: number };

/** Names that mean something somewhere in a case or a reply, and names that mean nothing. */
export const VOCABULARY: readonly string[] = [
  ...PRIMITIVE_NAMES, ...OPERATOR_KINDS, ...PROTOTYPE_NAMES,
  "graph", "system", "operator", "id", "kind", "op", "args", "inputs", "nodes", "constants", "output", "wrt", "value", "exponent",
  "expect", "gradient", "solution", "apply", "adjoint", "tangent", "error", "code", "message", "matrix", "of", "by", "a", "b",
  "domain", "codomain", "x", "y", "blocks", "rhs", "unknowns", "compare", "rtol", "atol", "ulps", "tags", "description", "$schema",
  "cases", "protocol", "name", "version", "capabilities", "precision", "float32", "float64", "forward", "E_SHAPE", "E_INTERNAL", "",
];

/** One mutation. */
export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: nastyValue }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("add-member" as const), at: fc.nat(), key: fc.constantFrom(...VOCABULARY), value: nastyValue }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("rename-key" as const), at: fc.nat(), key: fc.constantFrom(...VOCABULARY) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("retype" as const), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("borrow-string" as const), at: fc.nat(), from: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("pop" as const), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("nest" as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 300 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: fc.constantFrom<JsonValue>(...VOCABULARY) }), weight: 3 },
);

interface Position {
  readonly value: JsonValue;
  /** The container holding it and its key there; none for the root. */
  readonly parent?: JsonValue[] | { [key: string]: JsonValue };
  readonly key?: string | number;
  /** Keys from the root down to it. */
  readonly path: readonly (string | number)[];
}

/** Every position of `root` in pre-order. */
function positions(root: JsonValue): Position[] {
  const out: Position[] = [];
  const stack: Position[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const p = stack.pop() as Position;
    out.push(p);
    const v = p.value;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i] as JsonValue, parent: v, key: i, path: [...p.path, i] });
    else if (v !== null && typeof v === "object") for (const k of Object.keys(v).reverse()) stack.push({ value: v[k] as JsonValue, parent: v, key: k, path: [...p.path, k] });
  }
  return out;
}

/** Puts `value` where `p` is (the root cannot be replaced in place: the caller gets it back). */
function put(p: Position, value: JsonValue): void {
  if (Array.isArray(p.parent)) p.parent[p.key as number] = value;
  else if (p.parent !== undefined) defineMember(p.parent, p.key as string, value);
}

/** Sets a member as JSON.parse would, an own "__proto__" member included. */
function defineMember(o: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function retype(v: JsonValue): JsonValue {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string") return v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : [v];
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v !== null && typeof v === "object") return Object.values(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return 0;
}

/** `mutations` applied in order to a copy of `root`; `root` is left as it was. */
export function applyJsonMutations(root: JsonValue, mutations: readonly JsonMutation[]): JsonValue {
  // A tree copy: structuredClone would keep a value that occurs twice (a corpus case picked twice)
  // shared, and a mutation inside one occurrence would then reach the other, or make a cycle.
  let doc = JSON.parse(JSON.stringify(root)) as JsonValue;
  for (const m of mutations) doc = applyOne(doc, m);
  return doc;
}

function applyOne(doc: JsonValue, m: JsonMutation): JsonValue {
  const all = positions(doc);
  const p = all[m.at % all.length] as Position;
  const set = (value: JsonValue): JsonValue => (p.parent === undefined ? value : (put(p, value), doc));
  switch (m.kind) {
    case "replace":
      return set(structuredClone(m.value));
    case "delete":
      if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
      else if (p.parent !== undefined) delete p.parent[p.key as string];
      return doc;
    case "duplicate":
      if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 0, structuredClone(p.value));
      else if (p.parent !== undefined) defineMember(p.parent, `${String(p.key)}2`, structuredClone(p.value));
      return doc;
    case "add-member":
      if (p.value !== null && typeof p.value === "object" && !Array.isArray(p.value)) defineMember(p.value, m.key, structuredClone(m.value));
      return doc;
    case "rename-key":
      if (p.parent !== undefined && !Array.isArray(p.parent)) {
        delete p.parent[p.key as string];
        defineMember(p.parent, m.key, p.value);
      }
      return doc;
    case "swap": {
      const q = all[m.other % all.length] as Position;
      // A position and one inside it cannot trade places; the root has no place.
      if (p.parent === undefined || q.parent === undefined || within(p, q) || within(q, p)) return doc;
      const [a, b] = [p.value, q.value];
      put(p, b);
      put(q, a);
      return doc;
    }
    case "retype":
      return set(retype(p.value));
    case "borrow-string": {
      const strings = all.filter((x) => typeof x.value === "string");
      const from = strings[m.from % Math.max(1, strings.length)];
      return from === undefined || typeof p.value !== "string" ? doc : set(from.value);
    }
    case "pop":
      if (Array.isArray(p.value)) p.value.pop();
      return doc;
    case "nest": {
      let v = p.value;
      for (let k = 0; k < m.depth; k++) v = [v];
      return set(v);
    }
  }
}

/** Whether `inner` is `outer` or inside it (by position, so a string inside an object counts too). */
function within(outer: Position, inner: Position): boolean {
  return outer.path.length <= inner.path.length && outer.path.every((k, i) => k === inner.path[i]);
}
