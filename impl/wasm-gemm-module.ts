/**
 * The WebAssembly SIMD macro-kernel of the blocked gemm: C[mc×nc] (+)= Ã·B̃ over packed panels,
 * an MR×NR register tile of f64x2 accumulators per step (BLIS's "macro-kernel" around its
 * "micro-kernel"). Two variants, matching the summation orders of the JavaScript kernels so the
 * results are bitwise equal (kernels-matmul.ts):
 *
 *   `macroC` (gemmNN, gemmTN): each accumulator starts at C_ij and adds Ã_ip·B̃_pj in increasing p
 *            (Ã already holds α·A), i.e. `s = C_ij; s += a_p·b_p …; C_ij = s`;
 *   `macroZ` (gemmNT):         each accumulator starts at 0 and C_ij += α·s at the end.
 *
 * No FMA: f64x2 mul then add rounds each lane exactly as the scalar `s += a * b` does.
 *
 * Packed layouts (built by gemm-wasm.ts): Ã is mc/MR panels, each kc steps of MR doubles
 * (rows i..i+MR−1 of column p); B̃ is nc/NR panels, each kc steps of NR doubles (columns j..j+NR−1
 * of row p). mc and nc are multiples of MR and NR. All addresses are byte addresses.
 *
 * Parameters: (mc, nc, kc, Ã, B̃, C, ldc, α) with ldc C's row stride in bytes.
 */
import { Body, F64, I32, moduleBytes, V128, type Func } from "./wasm-emit.js";

/** Rows and columns of the register tile: MR·NR/2 accumulators + NR/2 B lanes + 1 A splat ≤ 16 xmm registers. */
export const MR = 4;
export const NR = 4;

// Parameter and local indices.
const MC = 0, NC = 1, KC = 2, AP = 3, BP = 4, CP = 5, LDC = 6, ALPHA = 7;
const JR = 8, IR = 9, P = 10, PA = 11, PB = 12, ROW = 13; // i32 locals
const ACC = 14; // v128 locals: MR·NR/2 accumulators, then NR/2 B vectors, then the A splat and α
const H = NR / 2;
const acc = (r: number, h: number): number => ACC + r * H + h;
const BV = ACC + MR * H;
const AV = BV + H;
const ALPHAV = AV + 1;

function macro(zeroStart: boolean): Func {
  const f = new Body();
  if (zeroStart) f.get(ALPHA).splat().set(ALPHAV);
  f.i32(0).set(JR);
  f.block().loop(); // for jr = 0; jr < nc; jr += NR
  f.get(JR).get(NC).geS().brIf(1);
  f.i32(0).set(IR);
  f.block().loop(); // for ir = 0; ir < mc; ir += MR
  f.get(IR).get(MC).geS().brIf(1);
  f.get(AP).get(IR).get(KC).mul().i32(8).mul().add().set(PA); // Ã panel of rows ir…
  f.get(BP).get(JR).get(KC).mul().i32(8).mul().add().set(PB); // B̃ panel of columns jr…
  f.get(CP).get(IR).get(LDC).mul().add().get(JR).i32(8).mul().add().set(ROW); // &C[ir][jr]
  for (let r = 0; r < MR; r++) {
    for (let h = 0; h < H; h++) {
      if (zeroStart) f.zero().set(acc(r, h));
      else {
        // Stryker disable next-line ArithmeticOperator: `16 / h` is the same offset — 16 for h = 1, and for h = 0 Infinity, which the u32 LEB128 encoder writes as 0
        f.get(ROW).get(LDC).i32(r).mul().add().load(16 * h).set(acc(r, h));
      }
    }
  }
  f.get(KC).set(P);
  f.block().loop(); // kc steps, p increasing
  f.get(P).eqz().brIf(1);
  for (let h = 0; h < H; h++) f.get(PB).load(16 * h).set(BV + h);
  for (let r = 0; r < MR; r++) {
    f.get(PA).loadSplat(8 * r).set(AV);
    for (let h = 0; h < H; h++) f.get(acc(r, h)).get(AV).get(BV + h).fmul().fadd().set(acc(r, h));
  }
  f.get(PA).i32(8 * MR).add().set(PA);
  f.get(PB).i32(8 * NR).add().set(PB);
  f.get(P).i32(1).sub().set(P);
  f.br(0).end().end();
  for (let r = 0; r < MR; r++) {
    for (let h = 0; h < H; h++) {
      f.get(ROW).get(LDC).i32(r).mul().add(); // store address
      // Stryker disable next-line ArithmeticOperator: `16 / h` is the same offset — 16 for h = 1, and for h = 0 Infinity, which the u32 LEB128 encoder writes as 0
      if (zeroStart) f.get(ROW).get(LDC).i32(r).mul().add().load(16 * h).get(acc(r, h)).get(ALPHAV).fmul().fadd();
      else f.get(acc(r, h));
      // Stryker disable next-line ArithmeticOperator: `16 / h` is the same offset — 16 for h = 1, and for h = 0 Infinity, which the u32 LEB128 encoder writes as 0
      f.store(16 * h);
    }
  }
  f.get(IR).i32(MR).add().set(IR);
  f.br(0).end().end();
  f.get(JR).i32(NR).add().set(JR);
  f.br(0).end().end();
  return {
    params: [I32, I32, I32, I32, I32, I32, I32, F64],
    locals: [[6, I32], [MR * H + H + 2, V128]],
    body: f,
    export: zeroStart ? "macroZ" : "macroC",
  };
}

/**
 * Whether this engine has WebAssembly with fixed-width SIMD: a module of one function returning a
 * v128 (i32.const 0; i8x16.splat; i8x16.popcnt — wasm-feature-detect's simd probe, popcnt being
 * among the proposal's last additions). Literal bytes, so it does not depend on our emitter.
 */
// Stryker disable next-line ArrayDeclaration: performance only — an empty probe says "no SIMD", and the JavaScript kernels give bitwise the same products (impl/gemm-wasm.test.ts)
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled module, or null where WebAssembly SIMD is unavailable (then the JavaScript kernels
 * run). Where SIMD is available, a module that does not build is an emitter bug and throws: a
 * silent fallback would give the same numbers several times slower, which no result can reveal.
 */
export function gemmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  // Stryker disable next-line all: performance only — the probe's other verdict on an engine with SIMD gives the JavaScript kernels, bitwise the same products (impl/gemm-wasm.test.ts); skipping it changes nothing where SIMD exists
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(SIMD_PROBE)) return (compiled = null);
  try {
    return (compiled = new WebAssembly.Module(moduleBytes([macro(false), macro(true)])));
  // Stryker disable next-line BlockStatement: reached only under another mutant of the emitter; an emptied catch returns undefined, and instantiating that throws anyway
  } catch (e) {
    throw new Error(`internal: impl's WebAssembly GEMM module does not build: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// Stryker disable all: a hook of the mutation suite, which conform never calls
/**
 * Forgets the compiled module, so the next {@link gemmModule} emits it again. Only for the
 * mutation suite (scripts/mutation): Stryker runs many mutants in one process, and a mutant of the
 * emitter takes effect only when the module is emitted while it is active.
 */
export function forgetGemmModule(): void {
  compiled = undefined;
}
// Stryker restore all

export interface MacroKernels {
  readonly macroC: (mc: number, nc: number, kc: number, a: number, b: number, c: number, ldc: number, alpha: number) => void;
  readonly macroZ: (mc: number, nc: number, kc: number, a: number, b: number, c: number, ldc: number, alpha: number) => void;
}

/** The kernels bound to `memory`. */
export function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): MacroKernels {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as MacroKernels;
}
