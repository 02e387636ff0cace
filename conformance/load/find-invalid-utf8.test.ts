// Bytes that are not UTF-8 are found at their first byte, never decoded to U+FFFD (spec: error.E_JSON).
import { describe, expect, it } from "vitest";
import { findInvalidUtf8, lineAndColumn } from "./find-invalid-utf8.js";

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe("findInvalidUtf8", () => {
  it("accepts ASCII and well-formed sequences of 2, 3 and 4 bytes", () => {
    expect(findInvalidUtf8(new TextEncoder().encode('{"d": "café ∂ 𝜕 😀"}'))).toBeUndefined();
    expect(findInvalidUtf8(bytes())).toBeUndefined();
    expect(findInvalidUtf8(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBeUndefined(); // U+10FFFF, the last
  });

  it("finds a Latin-1 byte, a stray continuation, overlong forms, surrogates and code points past U+10FFFF", () => {
    expect(findInvalidUtf8(bytes(0x61, 0xe9, 0x62))).toBe(1); // "aéb" in Latin-1
    expect(findInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
    expect(findInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong NUL
    expect(findInvalidUtf8(bytes(0x20, 0xe0, 0x80, 0x80))).toBe(1); // overlong 3-byte
    expect(findInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // U+D800
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // U+110000
    expect(findInvalidUtf8(bytes(0xf5, 0x80, 0x80, 0x80))).toBe(0);
  });

  it("finds a sequence cut short, in the middle or at the end", () => {
    expect(findInvalidUtf8(bytes(0xe2, 0x88, 0x61))).toBe(0);
    expect(findInvalidUtf8(bytes(0x61, 0x62, 0xf0, 0x9d))).toBe(2);
  });
});

describe("lineAndColumn", () => {
  it("counts lines by LF and columns in UTF-16 code units from 1", () => {
    const b = new TextEncoder().encode("ab\n𝜕é");
    expect(lineAndColumn(b, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(b, 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn(b, 7)).toEqual({ line: 2, column: 3 }); // after 𝜕: two code units
  });
});
