// gemmModule(): null only where the engine lacks WebAssembly SIMD; where it has it (Node 20 does),
// a module that does not build is an emitter bug and throws, instead of falling back silently to
// the JavaScript kernels (same numbers, several times slower — nothing a result could reveal).
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("./wasm-emit.js");
  vi.resetModules();
});

describe("gemmModule", () => {
  it("builds on this engine (WebAssembly SIMD is there), once, until forgotten", async () => {
    const { gemmModule, forgetGemmModule } = await import("./wasm-gemm-module.js");
    const first = gemmModule();
    expect(first).toBeInstanceOf(WebAssembly.Module);
    expect(gemmModule()).toBe(first);
    expect(WebAssembly.Module.exports(first!).map((e) => e.name).sort()).toEqual(["macroC", "macroZ"]);
    forgetGemmModule();
    const again = gemmModule();
    expect(again).toBeInstanceOf(WebAssembly.Module);
    expect(again).not.toBe(first);
  });

  it("throws, naming the cause, when the emitter's bytes do not validate", async () => {
    vi.doMock("./wasm-emit.js", async (original) => ({
      ...(await original<typeof import("./wasm-emit.js")>()),
      moduleBytes: () => Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x01]), // a truncated code section
    }));
    const { gemmModule } = await import("./wasm-gemm-module.js");
    expect(() => gemmModule()).toThrow(/^internal: impl's WebAssembly GEMM module does not build: /);
  });
});
