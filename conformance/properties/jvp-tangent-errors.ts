/**
 * Property: jvp rejects a tangent the spec rejects. backend.jvp names two faults of the request
 * itself — a tangent for an id that is not an input (E_UNKNOWN_ID: a node's id, a constant's, or
 * an id the graph does not have) and a tangent of another shape than its input (E_SHAPE: a scalar
 * for a matrix, a matrix for a scalar, the transposed or a one-longer shape). The harness's own
 * requests never hold either, so without this property a backend that silently ignored a bad
 * tangent (or took a node's id for an input) would pass conform. Judged by the code alone, as
 * every spec error is (conform.outcome); the rest of the tangent is valid.
 *
 * @see spec/08-backends.md#backend.jvp
 */
import fc from "fast-check";
import type { GraphCase, RawTensor } from "../../reference/case.js";
import { parseTensor, shapeOf } from "../../reference/index.js";
import { directionFor, directionInts } from "../arbitraries/direction.js";
import { graphCase } from "../arbitraries/graph-case.js";
import { ask } from "./ask.js";
import type { BackendLike } from "./backend-like.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import { runProperty } from "./run-property.js";
import type { CheckContext, PropertyDefinition, Verdict } from "./verdict.js";

type Fault = "node-id" | "constant-id" | "unknown-id" | "scalar-for-matrix" | "matrix-for-scalar" | "transposed" | "longer";

export interface JvpTangentErrorValue {
  readonly c: GraphCase;
  readonly ints: readonly number[];
  readonly fault: Fault;
  /** Which input (or node) the fault is placed on, modulo the number there are. */
  readonly at: number;
}

const pick = <T>(xs: readonly T[], at: number): T | undefined => xs[at % Math.max(1, xs.length)];
const filled = (rows: number, cols: number): number[][] => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => 0.25 * (i + 1) - 0.5 * j));

/** The tangent with the fault in it and the code the spec gives; undefined when this graph cannot hold that fault. */
export function faultyTangent(v: JvpTangentErrorValue): { tangent: Record<string, RawTensor>; code: string; what: string } | undefined {
  const { c, fault, at } = v;
  const tangent: Record<string, RawTensor> = directionFor(c, v.ints);
  const inputs = c.graph.inputs;
  const shapes = inputs.map((x) => shapeOf(parseTensor(x.value)));
  const matrices = inputs.map((x, k) => ({ id: x.id, shape: shapes[k]! })).filter((x) => x.shape.length === 2);
  const scalars = inputs.filter((_, k) => shapes[k]!.length === 0);
  switch (fault) {
    case "node-id": {
      const n = pick(c.graph.nodes, at);
      if (n === undefined) return undefined;
      tangent[n.id] = 1;
      return { tangent, code: "E_UNKNOWN_ID", what: `a tangent for node ${JSON.stringify(n.id)}, which is not an input` };
    }
    case "constant-id": {
      const k = pick(c.graph.constants ?? [], at);
      if (k === undefined) return undefined;
      tangent[k.id] = k.value;
      return { tangent, code: "E_UNKNOWN_ID", what: `a tangent for constant ${JSON.stringify(k.id)}, which is not an input` };
    }
    case "unknown-id": {
      const ids = new Set([...inputs.map((x) => x.id), ...c.graph.nodes.map((n) => n.id), ...(c.graph.constants ?? []).map((k) => k.id)]);
      let id = "not-an-input";
      while (ids.has(id)) id += "_";
      tangent[id] = 1;
      return { tangent, code: "E_UNKNOWN_ID", what: `a tangent for ${JSON.stringify(id)}, an id the graph does not have` };
    }
    case "scalar-for-matrix": {
      const m = pick(matrices, at);
      if (m === undefined) return undefined;
      tangent[m.id] = 0.5;
      return { tangent, code: "E_SHAPE", what: `a scalar tangent for the ${m.shape.join("×")} input ${JSON.stringify(m.id)}` };
    }
    case "matrix-for-scalar": {
      const s = pick(scalars, at);
      if (s === undefined) return undefined;
      tangent[s.id] = [[0.5]];
      return { tangent, code: "E_SHAPE", what: `a 1×1 tangent for the scalar input ${JSON.stringify(s.id)}` };
    }
    case "transposed": {
      const m = pick(matrices.filter((x) => x.shape[0] !== x.shape[1]), at);
      if (m === undefined) return undefined;
      const [r, k] = m.shape as readonly [number, number];
      tangent[m.id] = filled(k, r);
      return { tangent, code: "E_SHAPE", what: `a ${k}×${r} tangent for the ${r}×${k} input ${JSON.stringify(m.id)}` };
    }
    case "longer": {
      const m = pick(matrices, at);
      if (m === undefined) return undefined;
      const [r, k] = m.shape as readonly [number, number];
      const [rows, cols] = at % 2 === 0 ? [r + 1, k] : [r, k + 1];
      tangent[m.id] = filled(rows, cols);
      return { tangent, code: "E_SHAPE", what: `a ${rows}×${cols} tangent for the ${r}×${k} input ${JSON.stringify(m.id)}` };
    }
  }
}

async function check(backend: BackendLike, v: JvpTangentErrorValue, _ctx: CheckContext): Promise<Verdict> {
  const f = faultyTangent(v);
  if (f === undefined) return { kind: "pass" }; // this graph has no place for the fault drawn
  const answer = await ask(backend, { method: "jvp", c: v.c, tangent: f.tangent });
  if (answer.ok) return { kind: "fail", reason: `jvp answered a request with ${f.what}; the spec's answer is ${f.code} (backend.jvp)`, case: v.c, tangent: f.tangent };
  if (answer.code === f.code) return { kind: "pass" };
  if (answer.code !== undefined) return { kind: "fail", reason: `jvp reported ${answer.code} for ${f.what}; the spec's answer is ${f.code} (backend.jvp): ${answer.message}`, case: v.c, tangent: f.tangent };
  return answer.fault !== undefined
    ? { kind: "error", reason: `jvp: no answer (${answer.fault}) to ${f.what}: ${answer.message}`, case: v.c, fault: answer.fault }
    : { kind: "error", reason: `jvp threw on ${f.what}, with no spec code (${f.code} is due): ${answer.message}`, case: v.c };
}

const FAULTS: readonly Fault[] = ["node-id", "constant-id", "unknown-id", "scalar-for-matrix", "matrix-for-scalar", "transposed", "longer"];

export const JVP_TANGENT_ERRORS: PropertyDefinition<JvpTangentErrorValue> = {
  name: "jvp-tangent-errors",
  requires: ["forward"],
  arbitrary: fc.record({ c: graphCase(), ints: directionInts, fault: fc.constantFrom(...FAULTS), at: fc.nat({ max: 7 }) }),
  check,
};

/** @see spec/08-backends.md#backend.jvp */
export const jvpTangentErrorsProperty = (backend: BackendLike, options: PropertyOptions): Promise<PropertyResult> => runProperty(JVP_TANGENT_ERRORS, backend, options);
