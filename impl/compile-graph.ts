/**
 * Compiling a {@link CompactProgram} into a {@link GraphCode}: shapes inferred once, values laid
 * out in the arena, the live and active unknowns found, the used edges of L in CSR form, adjoint and
 * tangent slots allocated by liveness. Every pass is a loop over typed arrays (no per-node objects),
 * so a 10⁶-node graph compiles in well under a second.
 *
 * Conventions: `k`, `j` unknowns; `i` a node (unknown nsrc + i); `A`, `B` a node's arguments.
 *
 * @see spec/04-system.md#system.edges
 * @see spec/04-system.md#system.live
 */
import { locate, PRIMITIVE_NAMES, SpecError, type Program, type Shape } from "../reference/index.js";
import { newArena, useWasm, type MatmulChoice } from "./arena.js";
import { fromProgram, type CompactProgram } from "./compact-program.js";
import { WASM_MIN_VOLUME } from "./gemm-wasm.js";
import type { GraphCode } from "./graph-code.js";
import type { Matmul } from "./kernels-matmul.js";
import { inferShape } from "./shape-rules.js";
import { SlotAllocator } from "./slots.js";
import { EDGE_OF_PRIM, PRIM } from "./tags.js";

export interface CompiledGraph {
  readonly code: GraphCode;
  /** The arena with every source's value written in. */
  readonly arena: Float64Array;
  /** The matmul kernels for the arena (arena.ts). */
  readonly mm: Matmul;
}

export interface CompileOptions {
  /** Which matmul kernels the plan uses; default "auto". */
  readonly matmul?: MatmulChoice;
}

/** Primitives whose result is a scalar when every argument is (the rest need matrices). */
const needsMatrix = (op: number): boolean => op === PRIM.matmul || op === PRIM.trace || op === PRIM.inv || op === PRIM.logdet;

/** Compiles a program: compact, or as the reference's reader gives it (converted first). */
export function compileProgram(program: CompactProgram | Program, options: CompileOptions = {}): CompiledGraph {
  // Stryker disable next-line StringLiteral: not backend behaviour — the backend passes compact programs only (graph-case.ts converts with fromProgram); a reference Program comes from API callers (graph-plan.test.ts)
  const p = "sources" in program ? fromProgram(program) : program;
  const { nsrc, ninputs, op, arg0, arg1, attr } = p;
  const N0 = nsrc + p.nnodes;
  const rows = new Int32Array(N0);
  const cols = new Int32Array(N0);
  rows.set(p.srcRows);
  cols.set(p.srcCols);
  const shapeAt = (k: number): Shape => (rows[k] === 0 ? [] : [rows[k]!, cols[k]!]);

  // Shapes, node by node; the first fault stops compiling (evaluation raises it when it gets there).
  let fault: GraphCode["fault"];
  let nnodes = 0;
  let side = 0; // the largest inv/logdet side, for scratch
  // Stryker disable next-line BooleanLiteral: performance only — the WebAssembly and JavaScript kernels give bitwise the same products (gemm-wasm.ts, impl/gemm-wasm.test.ts), so which a plan uses changes its speed, never a result
  let bigProduct = false;
  for (let i = 0; i < p.nnodes; i++) {
    const o = op[i]!, A = arg0[i]!, B = arg1[i]!, u = nsrc + i;
    if (rows[A] === 0 && (B < 0 || rows[B] === 0) && !needsMatrix(o)) {
      nnodes++; // scalar in, scalar out: rows[u] = cols[u] = 0 already
      continue;
    }
    try {
      const s = locate({ pointer: p.pointerOf(i), node: p.idOf(u) }, () =>
        inferShape(PRIMITIVE_NAMES[o]!, B < 0 ? [shapeAt(A)] : [shapeAt(A), shapeAt(B)]));
      rows[u] = s.length === 0 ? 0 : s[0];
      cols[u] = s.length === 0 ? 0 : s[1];
    } catch (e) {
      // Stryker disable next-line all: equivalent — inferShape throws only SpecErrors (fail()); raising one here rather than when evaluation reaches its node gives the same code and pointer (a case has one fault: spec error.several)
      if (!(e instanceof SpecError)) throw e;
      fault = { at: i, error: e };
      break;
    }
    if (o === PRIM.inv || o === PRIM.logdet) side = Math.max(side, rows[A]!);
    // Stryker disable next-line all: performance only — the WebAssembly and JavaScript kernels give bitwise the same products (gemm-wasm.ts, impl/gemm-wasm.test.ts), so which a plan uses changes its speed, never a result
    if (o === PRIM.matmul && rows[A]! * cols[A]! * cols[B]! >= WASM_MIN_VOLUME) bigProduct = true;
    nnodes++;
  }
  const N = nsrc + nnodes;
  const size = new Int32Array(N);
  const valOff = new Int32Array(N);
  let top = 0;
  // Stryker disable next-line BooleanLiteral: performance only — the general sweeps run a scalar graph too (the same rules with n = 1, as for the scalar nodes of any matrix graph); the scalar sweeps are a faster layout for it
  let scalar = true;
  for (let k = 0; k < N; k++) {
    if (rows[k] !== 0 || fault !== undefined) scalar = false; // a deferred fault: the general sweeps raise it
    size[k] = rows[k] === 0 ? 1 : rows[k]! * cols[k]!;
    valOff[k] = top; // values: one buffer per unknown, in order
    top += size[k]!;
  }

  const adjOff = new Int32Array(N).fill(-1);
  const tanOff = new Int32Array(N).fill(-1);
  const output = p.output;
  const forward = buildForward();
  const reverse = buildReverse();
  const slotsTop = Math.max(forward.top, reverse.top);

  const scratch: [number, number, number] = [slotsTop, slotsTop + side * side, slotsTop + 2 * side * side];
  const arenaSize = slotsTop + 3 * side * side;
  const code: GraphCode = {
    // Stryker disable next-line UnaryOperator: a sentinel never read — adjBase is used only by the scalar sweeps (sweeps-scalar.ts), when scalar is true
    idOf: p.idOf, nsrc, ninputs, nnodes, fault, scalar, adjBase: scalar ? top : -1, rows: rows.subarray(0, N), cols: cols.subarray(0, N), size, valOff, adjOff, tanOff,
    op, arg0, arg1, attr, revStart: reverse.start, revFrom: reverse.from, revTag: reverse.tag, revInit: reverse.init,
    tanNodes: forward.order, output, wrt: p.wrt, scratch, arenaSize,
  };
  // Stryker disable next-line LogicalOperator,StringLiteral: performance only — the WebAssembly and JavaScript kernels give bitwise the same products (gemm-wasm.ts, impl/gemm-wasm.test.ts), so which a plan uses changes its speed, never a result; an absent or empty choice is "auto" in useWasm
  const { x, mm } = newArena(arenaSize, useWasm(options.matmul ?? "auto", bigProduct));
  for (let k = 0; k < nsrc; k++) {
    const v = p.srcValue(k);
    if (size[k] === 1) x[valOff[k]!] = v[0]!;
    else x.set(v, valOff[k]);
  }
  return { code, arena: x, mm };

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
    // Stryker disable next-line ArithmeticOperator: equivalent (nnodes + 1) — the extra first steps read past arg0 and live (undefined), mark nothing a later step reads, and the loop goes on from i = nnodes − 1
    for (let i = nnodes - 1; i >= 0; i--) {
      if (live[nsrc + i] === 0) continue;
      live[arg0[i]!] = 1;
      if (arg1[i]! >= 0) live[arg1[i]!] = 1;
    }
    const active = new Uint8Array(N);
    for (const k of p.wrt) active[k] = 1;
    for (let i = 0; i < nnodes; i++) if (active[arg0[i]!] === 1 || (arg1[i]! >= 0 && active[arg1[i]!] === 1)) active[nsrc + i] = 1;

    // Edges per node: the active arguments of a live, active node (both, when an argument repeats).
    for (let i = 0; i < nnodes; i++) {
      let e = 0;
      if (live[nsrc + i] === 1 && active[nsrc + i] === 1) e = active[arg0[i]!]! + (arg1[i]! >= 0 ? active[arg1[i]!]! : 0);
      start[i + 1] = start[i]! + e;
    }
    const E = start[nnodes]!;
    const from = new Int32Array(E);
    const tag = new Uint8Array(E);
    const init = new Uint8Array(E);

    // Slots reused by liveness, except in scalar graphs: there ȳ_k sits at a fixed place parallel to
    // x_k, so the sweep's reads and writes stay near each other (node i's arguments are usually
    // recent unknowns); reused slots scatter them over the whole live set and miss the cache
    // (2× slower reverse sweeps at 10⁶ nodes), for a saving of at most 8 bytes per node.
    const slots = new SlotAllocator(top);
    const alloc = scalar ? (k: number): number => top + k : (k: number): number => slots.alloc(size[k]!);
    for (const k of p.wrt) adjOff[k] = alloc(k); // kept to the end: they are the result
    if (adjOff[output] === -1 && active[output]) adjOff[output] = alloc(output);
    for (let i = nnodes - 1; i >= 0; i--) {
      let e = start[i]!;
      if (e === start[i + 1]) continue;
      for (let q = 0; q < 2; q++) {
        const j = q === 0 ? arg0[i]! : arg1[i]!;
        if (j < 0 || active[j] === 0) continue;
        from[e] = j;
        tag[e] = EDGE_OF_PRIM[op[i]!]![q]!;
        if (adjOff[j] === -1) {
          adjOff[j] = alloc(j); // first touch in the sweep: zero it then
          init[e] = 1;
        }
        e++;
      }
      if (!scalar) slots.release(adjOff[nsrc + i]!, size[nsrc + i]!); // ȳ_i is spent once scattered
    }
    return { start, from, tag, init, top: scalar ? top + N : slots.top };
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
    let count = 0;
    for (let i = nnodes - 1; i >= 0; i--) {
      if (needed[nsrc + i] === 0) continue;
      count++;
      needed[arg0[i]!] = 1;
      if (arg1[i]! >= 0) needed[arg1[i]!] = 1;
    }
    // Stryker disable next-line UnaryOperator: a default never read — lastUse is consulted only for arguments of the nodes in `order`, each of which the loop below sets
    const lastUse = new Int32Array(N).fill(-1);
    const order = new Int32Array(count);
    for (let i = 0, s = 0; i < nnodes; i++) {
      if (needed[nsrc + i] === 0) continue;
      order[s++] = i;
      lastUse[arg0[i]!] = i;
      if (arg1[i]! >= 0) lastUse[arg1[i]!] = i;
    }
    const slots = new SlotAllocator(top);
    for (let k = 0; k < nsrc; k++) if (needed[k]) tanOff[k] = slots.alloc(size[k]!);
    for (const i of order) {
      tanOff[nsrc + i] = slots.alloc(size[nsrc + i]!);
      const A = arg0[i]!, B = arg1[i]!;
      if (lastUse[A] === i && A !== output) slots.release(tanOff[A]!, size[A]!);
      if (B >= 0 && B !== A && lastUse[B] === i && B !== output) slots.release(tanOff[B]!, size[B]!);
    }
    return { order, top: slots.top };
  }
}
