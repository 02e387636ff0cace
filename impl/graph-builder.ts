/**
 * Building a plan without a JSON case: sources and nodes appended to growable typed arrays, so a
 * 10⁶-node graph costs a few bytes per node to describe (a JSON case of that size costs far more
 * than the plan itself). The result is the same {@link GraphPlan} a case compiles to, with the same
 * numbering (inputs, constants, nodes: spec/04-system.md#system.unknowns) and the same spec errors:
 * arity and arguments are checked here as the case reader checks them (E_ARITY, E_UNKNOWN_ID,
 * E_ATTRIBUTE, E_VALUE; a handle can only name an earlier unknown, so no E_ORDER or E_CYCLE), shapes when compiling (a shape fault is raised when evaluation reaches its node, as
 * for a case: spec/03-primitives.md#prim.graph.evaluation).
 *
 * Conventions: a handle names an unknown while building: node i is handle i, the s-th source
 * (input or constant, in the order added) is handle −1 − s. Node ids are `n<i>`; source ids are
 * given or `x<s>`.
 *
 * @example
 *   const b = new GraphBuilder();
 *   const x = b.input(0.5), y = b.input(2);
 *   const out = b.node("sin", b.node("mul", x, y));
 *   const plan = b.compile(out); // wrt: every input
 *   plan.forward(); plan.gradient();
 */
import { fail, RULES, type PrimitiveName } from "../reference/index.js";
import type { CompileOptions } from "./compile-graph.js";
import type { CompactProgram } from "./compact-program.js";
import { planOf, type GraphPlan } from "./graph-plan.js";
import { primitiveTag, PRIM } from "./tags.js";

export type Handle = number;

export interface BuildOptions extends CompileOptions {
  /** The inputs to differentiate with respect to, in result order; default every input, in order. */
  readonly wrt?: readonly Handle[];
}

/** A growable typed array: doubles its capacity, so appending is amortized O(1). */
function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, 2 * a.length, 16));
  b.set(a);
  return b;
}

export class GraphBuilder {
  private op = new Uint8Array(0);
  private a0 = new Int32Array(0);
  private a1 = new Int32Array(0);
  private attr: Float64Array | undefined; // allocated at the first pow
  private n = 0;
  // Sources, in the order added.
  private srcInput = new Uint8Array(0);
  private srcRows = new Int32Array(0);
  private srcCols = new Int32Array(0);
  private srcOff = new Int32Array(0);
  private vals = new Float64Array(0);
  private nvals = 0;
  private ns = 0;
  private readonly srcIds = new Map<number, string>();
  private done = false;

  /** An input: a scalar, or a rows×cols matrix given row-major. @see spec/04-system.md#system.unknowns */
  input(value: number | ArrayLike<number>, shape?: readonly [number, number], id?: string): Handle {
    return this.source(true, value, shape, id);
  }

  /** A constant: never differentiated (spec/04-system.md#system.gradient). */
  constant(value: number | ArrayLike<number>, shape?: readonly [number, number], id?: string): Handle {
    return this.source(false, value, shape, id);
  }

  /** Node `op(a, b)`; `exponent` for pow. Returns its handle. @see spec/03-primitives.md */
  node(op: PrimitiveName, a: Handle, b?: Handle, exponent?: number): Handle {
    this.open();
    const rule = RULES[op];
    if (rule === undefined) fail("E_UNKNOWN_OP", `unknown primitive ${JSON.stringify(op)}`);
    if (exponent !== undefined && op !== "pow") fail("E_ATTRIBUTE", `${op} takes no attribute "exponent"`);
    const arity = b === undefined ? 1 : 2;
    if (arity !== rule.arity) fail("E_ARITY", `${op} takes ${rule.arity} argument(s), got ${arity}`);
    this.check(a);
    if (b !== undefined) this.check(b);
    const tag = primitiveTag(op);
    if (tag === PRIM.pow) {
      if (exponent === undefined) fail("E_ATTRIBUTE", "pow needs the attribute \"exponent\"");
      if (!Number.isFinite(exponent)) fail("E_VALUE", "the exponent must be finite");
      this.attr = grow(this.attr ?? new Float64Array(0), this.n + 1);
      this.attr[this.n] = exponent;
    }
    const i = this.n;
    this.op = grow(this.op, i + 1);
    this.a0 = grow(this.a0, i + 1);
    this.a1 = grow(this.a1, i + 1);
    this.op[i] = tag;
    this.a0[i] = a;
    this.a1[i] = b ?? 0;
    this.n = i + 1;
    return i;
  }

  /** Number of nodes so far. */
  get size(): number {
    return this.n;
  }

  /**
   * The plan computing `output`. The builder's node arrays are handed over to the plan, so the
   * builder cannot be used afterwards.
   */
  compile(output: Handle, options: BuildOptions = {}): GraphPlan {
    this.open();
    this.check(output);
    this.done = true;
    const ns = this.ns, nn = this.n;
    // Unknown numbers: inputs in the order added, then constants, then nodes.
    const unknownOf = new Int32Array(ns);
    const sourceAt = new Int32Array(ns);
    let k = 0;
    for (const wantInput of [1, 0]) {
      for (let s = 0; s < ns; s++) if (this.srcInput[s] === wantInput) { unknownOf[s] = k; sourceAt[k++] = s; }
    }
    const ninputs = this.srcInput.subarray(0, ns).reduce((c, v) => c + v, 0);
    const u = (h: Handle): number => (h >= 0 ? ns + h : unknownOf[-1 - h]!);
    // Exact-length copies (the builder's arrays have up to 2× capacity), remapped in place; the
    // builder lets go of its own.
    const arg0 = this.a0.slice(0, nn), arg1 = this.a1.slice(0, nn), op = this.op.slice(0, nn);
    const attr = this.attr?.slice(0, nn) ?? new Float64Array(0);
    this.a0 = this.a1 = new Int32Array(0);
    this.op = new Uint8Array(0);
    this.attr = undefined;
    for (let i = 0; i < nn; i++) {
      arg0[i] = u(arg0[i]!);
      arg1[i] = RULES_ARITY2[op[i]!] ? u(arg1[i]!) : -1;
    }
    const wrt = options.wrt === undefined ? Array.from({ length: ninputs }, (_, q) => q) : options.wrt.map((h) => {
      if (h >= 0 || this.srcInput[-1 - h] !== 1) fail("E_UNKNOWN_ID", `wrt handle ${h} is not an input`);
      return u(h);
    });
    if (new Set(wrt).size !== wrt.length) fail("E_DUPLICATE_ID", "wrt names an input twice");
    const srcRows = new Int32Array(ns), srcCols = new Int32Array(ns);
    for (let q = 0; q < ns; q++) {
      srcRows[q] = this.srcRows[sourceAt[q]!]!;
      srcCols[q] = this.srcCols[sourceAt[q]!]!;
    }
    const vals = this.vals, off = this.srcOff;
    const program: CompactProgram = {
      nsrc: ns, ninputs, srcRows, srcCols,
      srcValue: (q) => {
        const s = sourceAt[q]!;
        return vals.subarray(off[s]!, off[s]! + Math.max(1, srcRows[q]! * srcCols[q]!));
      },
      nnodes: nn, op, arg0, arg1, attr, output: u(output), wrt,
      idOf: (q) => (q >= ns ? `n${q - ns}` : this.srcIds.get(sourceAt[q]!) ?? `x${sourceAt[q]}`),
      pointerOf: (i) => `/nodes/${i}`,
    };
    const plan = planOf(program, options);
    this.vals = new Float64Array(0); // the source values now live in the arena
    return plan;
  }

  private source(input: boolean, value: number | ArrayLike<number>, shape: readonly [number, number] | undefined, id: string | undefined): Handle {
    this.open();
    const scalar = typeof value === "number";
    const [r, c] = scalar ? [0, 0] : (shape ?? fail("E_SHAPE", "a matrix source needs its shape"));
    const len = scalar ? 1 : r * c;
    if (!scalar && (!(r > 0 && c > 0) || value.length !== len)) fail("E_SHAPE", `a ${r}×${c} source needs ${r * c} values, got ${value.length}`);
    const s = this.ns;
    this.srcInput = grow(this.srcInput, s + 1);
    this.srcRows = grow(this.srcRows, s + 1);
    this.srcCols = grow(this.srcCols, s + 1);
    this.srcOff = grow(this.srcOff, s + 1);
    this.vals = grow(this.vals, this.nvals + len);
    this.srcInput[s] = input ? 1 : 0;
    this.srcRows[s] = r;
    this.srcCols[s] = c;
    this.srcOff[s] = this.nvals;
    if (scalar) this.vals[this.nvals] = value;
    else this.vals.set(value, this.nvals);
    this.nvals += len;
    if (id !== undefined) this.srcIds.set(s, id);
    this.ns = s + 1;
    return -1 - s;
  }

  private check(h: Handle): void {
    if (!Number.isInteger(h) || h >= this.n || h < -this.ns) fail("E_UNKNOWN_ID", `no unknown has handle ${h}`);
  }

  private open(): void {
    if (this.done) throw new Error("this GraphBuilder has been compiled; start a new one");
  }
}

/** Whether a primitive tag takes two arguments. */
const RULES_ARITY2: readonly boolean[] = (Object.keys(RULES) as PrimitiveName[])
  .sort((p, q) => primitiveTag(p) - primitiveTag(q))
  .map((name) => RULES[name].arity === 2);
