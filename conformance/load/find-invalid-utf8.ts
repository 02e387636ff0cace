/**
 * Where bytes stop being UTF-8 (RFC 3629), so that invalid UTF-8 is E_JSON with a line and column
 * instead of being silently replaced by U+FFFD (what Node's "utf8" decoding does).
 *
 * Conventions: `b` is the file's bytes, `i` the offset of a sequence's first byte.
 *
 * @see spec/06-conformance.md#load.encoding
 */

/** The byte offset of the first ill-formed sequence in `b`, or undefined if all of `b` is UTF-8. */
export function findInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return undefined;
}

/** Line and column (1-based; the column in UTF-16 code units, as for syntax errors) of byte `offset`. */
export function lineAndColumn(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Buffer.from(b.subarray(start, offset)).toString("utf8").length + 1 };
}
