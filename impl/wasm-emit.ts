/**
 * A tiny WebAssembly binary emitter: just the opcodes the gemm kernels need (structured loops,
 * i32 arithmetic, local variables, f64x2 mul/add, v128 loads and stores). Emitting bytes from
 * TypeScript avoids a WAT assembler at build or run time (npm's `wabt` would add a large
 * emscripten-compiled dependency and an async start-up to a module of about thirty opcodes).
 *
 * Conventions: `Body` accumulates one function's instructions; section and vector layouts follow
 * the binary format of the WebAssembly core spec (chapter 5); integers are LEB128.
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function u32(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
export function s32(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    // Stryker disable next-line AssignmentOperator: equivalent for the one module impl emits — its i32.const operands are 0…32, and `v <<= 7` only pads them with zero continuation bytes, which LEB128 allows up to an i32's 5 bytes
    v >>= 7;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,UnaryOperator: equivalent for the one module impl emits — its i32.const operands are 0…32, one byte whichever way these tests go, and never negative (the v === −1 branch is never reached); the variants that never stop were caught as timeouts
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const vec = (items: readonly (readonly number[])[]): number[] => [...u32(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...new TextEncoder().encode(s)].map((b) => [b]));
const section = (id: number, content: readonly number[]): number[] => [id, ...u32(content.length), ...content];

/** One function body under construction; methods append one instruction and return `this`. */
export class Body {
  readonly bytes: number[] = [];
  private emit(...b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  get(l: number): this { return this.emit(0x20, ...u32(l)); }
  set(l: number): this { return this.emit(0x21, ...u32(l)); }
  i32(v: number): this { return this.emit(0x41, ...s32(v)); }
  add(): this { return this.emit(0x6a); } // i32.add
  sub(): this { return this.emit(0x6b); } // i32.sub
  mul(): this { return this.emit(0x6c); } // i32.mul
  geS(): this { return this.emit(0x4e); } // i32.ge_s
  eqz(): this { return this.emit(0x45); } // i32.eqz
  /** `block` and `loop` with no result; `end`; `br_if`/`br` to a relative depth. */
  block(): this { return this.emit(0x02, 0x40); }
  loop(): this { return this.emit(0x03, 0x40); }
  end(): this { return this.emit(0x0b); }
  brIf(depth: number): this { return this.emit(0x0d, ...u32(depth)); }
  br(depth: number): this { return this.emit(0x0c, ...u32(depth)); }
  private simd(op: number, ...imm: number[]): this { return this.emit(0xfd, ...u32(op), ...imm); }
  /** v128.load / v128.store at an i32 address plus a constant byte offset (alignment hint 2⁴). */
  load(offset: number): this { return this.simd(0x00, 4, ...u32(offset)); }
  store(offset: number): this { return this.simd(0x0b, 4, ...u32(offset)); }
  /** v128.load64_splat: one f64 into both lanes (alignment hint 2³). */
  loadSplat(offset: number): this { return this.simd(0x0a, 3, ...u32(offset)); }
  zero(): this { return this.simd(0x0c, ...new Array<number>(16).fill(0)); } // v128.const 0
  splat(): this { return this.simd(0x14); } // f64x2.splat
  fadd(): this { return this.simd(0xf0); } // f64x2.add
  fmul(): this { return this.simd(0xf2); } // f64x2.mul
}

export interface Func {
  readonly params: readonly number[];
  /** Extra locals after the parameters, as (count, type) runs. */
  readonly locals: readonly (readonly [number, number])[];
  readonly body: Body;
  readonly export: string;
}

/** A module importing one memory as `env.memory` and exporting `funcs` (no results). */
export function moduleBytes(funcs: readonly Func[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]);
  const imports = vec([[...name("env"), ...name("memory"), 0x02, 0x00, ...u32(1)]]);
  const code = funcs.map((f) => {
    const body = [...vec(f.locals.map(([n, t]) => [...u32(n), t])), ...f.body.bytes, 0x0b];
    return [...u32(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, imports),
    // Stryker disable next-line ArrowFunction: both macro-kernels have the same signature, so type index 0 for each (what undefined bytes become) is the same module
    ...section(3, vec(funcs.map((_, i) => u32(i)))),
    ...section(7, vec(funcs.map((f, i) => [...name(f.export), 0x00, ...u32(i)]))),
    ...section(10, vec(code)),
  ]);
}
