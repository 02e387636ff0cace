/**
 * Compiling a program (a graph case read and validated by the reference's reader) into a
 * {@link GraphCode}: shapes inferred once, values laid out in the arena, the live and active
 * unknowns found, the used edges of L in CSR form, adjoint and tangent slots allocated by liveness.
 *
 * Conventions: `k`, `j` unknowns; `i` a node (unknown nsrc + i); `u` the unknown of node i.
 *
 * @see spec/04-system.md#system.edges
 * @see spec/04-system.md#system.live
 */
import { elements, locate, SpecError, shapeOf, type Program, type Shape } from "../reference/index.js";
import type { GraphCode } from "./graph-code.js";
import { inferShape } from "./shape-rules.js";
import { SlotAllocator } from "./slots.js";
import { edgeTag, primitiveTag } from "./tags.js";

export interface CompiledGraph {
  readonly code: GraphCode;
  /** The arena with every source's value written in. */
  readonly arena: Float64Array;
}

export function compileProgram(p: Program): CompiledGraph {
  const nsrc = p.sources.length;
  const ninputs = p.sources.filter((s) => s.kind === "input").length;
  const N0 = nsrc + p.nodes.length;
  const rows = new Int32Array(N0);
  const cols = new Int32Array(N0);
  const size = new Int32Array(N0);
  const setShape = (k: number, s: Shape): void => {
    rows[k] = s.length === 0 ? 0 : s[0];
    cols[k] = s.length === 0 ? 0 : s[1];
    size[k] = s.length === 0 ? 1 : s[0] * s[1];
  };
  const shapeAt = (k: number): Shape => (rows[k] === 0 ? [] : [rows[k] as number, cols[k] as number]);
  p.sources.forEach((s, k) => setShape(k, shapeOf(s.value)));

  // Shapes, node by node; the first fault stops compiling (evaluation raises it when it gets there).
  let fault: GraphCode["fault"];
  let nnodes = 0;
  let side = 0; // the largest inv/logdet side, for scratch
  for (const [i, n] of p.nodes.entries()) {
    try {
      const s = locate({ pointer: n.pointer, node: n.id }, () => inferShape(n.op, n.args.map(shapeAt)));
      setShape(nsrc + i, s);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      fault = { at: i, error: e };
      break;
    }
    if (n.op === "inv" || n.op === "logdet") side = Math.max(side, rows[n.args[0] as number] as number);
    nnodes++;
  }
  const N = nsrc + nnodes;

  const op = new Uint8Array(nnodes);
  const arg0 = new Int32Array(nnodes).fill(-1);
  const arg1 = new Int32Array(nnodes).fill(-1);
  const attr = new Float64Array(nnodes);
  for (let i = 0; i < nnodes; i++) {
    const n = p.nodes[i]!;
    op[i] = primitiveTag(n.op);
    arg0[i] = n.args[0] as number;
    arg1[i] = n.args[1] ?? -1;
    attr[i] = n.attributes.exponent ?? 0;
  }

  // Values: one buffer per unknown, in order.
  const valOff = new Int32Array(N);
  let top = 0;
  for (let k = 0; k < N; k++) {
    valOff[k] = top;
    top += size[k] as number;
  }

  const adjOff = new Int32Array(N).fill(-1);
  const tanOff = new Int32Array(N).fill(-1);
  const output = p.output;
  const forward = buildForward();
  const reverse = buildReverse();
  const tanNodes = forward.order;
  const slotsTop = Math.max(forward.top, reverse.top);

  const scratch: [number, number, number] = [slotsTop, slotsTop + side * side, slotsTop + 2 * side * side];
  const arenaSize = slotsTop + 3 * side * side;
  const code: GraphCode = {
    ids: p.ids, nsrc, ninputs, nnodes, fault, rows, cols, size, valOff, adjOff, tanOff, op, arg0, arg1, attr,
    revStart: reverse.start, revFrom: reverse.from, revTag: reverse.tag, revInit: reverse.init, tanNodes,
    output, wrt: p.wrt, scratch, arenaSize,
  };
  const arena = new Float64Array(arenaSize);
  p.sources.forEach((s, k) => arena.set(elements(s.value), valOff[k]));
  return { code, arena };

  /** The arguments of node i, as unknowns. */
  function argsOf(i: number): number[] {
    const a = arg1[i] as number;
    return a >= 0 ? [arg0[i] as number, a] : [arg0[i] as number];
  }

  /**
   * Reverse mode uses edge L_ij only when node i is live (system.live) and unknown j is active —
   * a wrt input or a node depending on one: ȳ of any other unknown is never reported nor passed on,
   * so its terms are skipped (constants and inputs outside wrt get no adjoint at all).
   */
  function buildReverse(): { start: Int32Array; from: Int32Array; tag: Uint8Array; init: Uint8Array; top: number } {
    const start = new Int32Array(nnodes + 1);
    if (fault !== undefined) return { start, from: new Int32Array(0), tag: new Uint8Array(0), init: new Uint8Array(0), top };
    const live = new Uint8Array(N);
    live[output] = 1;
    for (let i = nnodes - 1; i >= 0; i--) if (live[nsrc + i]) for (const j of argsOf(i)) live[j] = 1;
    const active = new Uint8Array(N);
    for (const k of p.wrt) active[k] = 1;
    for (let i = 0; i < nnodes; i++) if (argsOf(i).some((j) => active[j])) active[nsrc + i] = 1;
    const used = (i: number): boolean => live[nsrc + i] === 1 && active[nsrc + i] === 1;

    for (let i = 0; i < nnodes; i++) start[i + 1] = (start[i] as number) + (used(i) ? argsOf(i).filter((j) => active[j]).length : 0);
    const E = start[nnodes] as number;
    const from = new Int32Array(E);
    const tag = new Uint8Array(E);
    const init = new Uint8Array(E);

    const slots = new SlotAllocator(top);
    for (const k of p.wrt) adjOff[k] = slots.alloc(size[k] as number); // kept to the end: they are the result
    if (adjOff[output] === -1 && active[output]) adjOff[output] = slots.alloc(size[output] as number);
    for (let i = nnodes - 1; i >= 0; i--) {
      if (!used(i)) continue;
      let e = start[i] as number;
      argsOf(i).forEach((j, q) => {
        if (!active[j]) return;
        from[e] = j;
        tag[e] = edgeTag(p.nodes[i]!.op, q);
        if (adjOff[j] === -1) {
          adjOff[j] = slots.alloc(size[j] as number); // first touch in the sweep: zero it then
          init[e] = 1;
        }
        e++;
      });
      slots.release(adjOff[nsrc + i] as number, size[nsrc + i] as number); // ȳ_i is spent once scattered
    }
    return { start, from, tag, init, top: slots.top };
  }

  /**
   * Forward mode evaluates the output's ancestors with every edge (spec/04-system.md#system.forward
   * has no liveness rule: a constant's zero tangent still meets its edges). Tangent slots share the
   * adjoint region: the two sweeps never run at once.
   */
  function buildForward(): { order: Int32Array; top: number } {
    if (fault !== undefined) return { order: new Int32Array(0), top };
    const needed = new Uint8Array(N);
    needed[output] = 1;
    for (let i = nnodes - 1; i >= 0; i--) if (needed[nsrc + i]) for (const j of argsOf(i)) needed[j] = 1;
    const lastUse = new Int32Array(N).fill(-1);
    const order: number[] = [];
    for (let i = 0; i < nnodes; i++) {
      if (!needed[nsrc + i]) continue;
      order.push(i);
      for (const j of argsOf(i)) lastUse[j] = i;
    }
    const slots = new SlotAllocator(top);
    for (let k = 0; k < nsrc; k++) if (needed[k]) tanOff[k] = slots.alloc(size[k] as number);
    for (const i of order) {
      tanOff[nsrc + i] = slots.alloc(size[nsrc + i] as number);
      const [a, b] = argsOf(i);
      for (const j of a === b ? [a] : [a, b]) {
        if (j !== undefined && lastUse[j] === i && j !== output) slots.release(tanOff[j] as number, size[j] as number);
      }
    }
    return { order: Int32Array.from(order), top: slots.top };
  }
}
