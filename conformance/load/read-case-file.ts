/**
 * A case file's text, read with a bound on its size and decoded as strict UTF-8; or the E_JSON
 * fault that says why it cannot be read.
 *
 * @see spec/06-conformance.md#error.E_JSON
 * @see spec/06-conformance.md#load.size
 * @see spec/06-conformance.md#load.encoding
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { SpecError } from "../../reference/errors.js";
import { findInvalidUtf8, lineAndColumn } from "./find-invalid-utf8.js";

/**
 * The largest case file the loader reads: 16 MiB. Parsing a hostile JSON text can take some 60
 * bytes of memory per byte of text, so this keeps one file well under a default Node heap.
 *
 * @see spec/06-conformance.md#load.size
 * @see spec/06-conformance.md#load.encoding
 */
export const MAX_CASE_FILE_BYTES = 16 * 1024 * 1024;

const CHUNK = 1 << 20;

/**
 * Read `file`. Reads at most `limit + 1` bytes whatever the file is (a device such as /dev/zero
 * never ends), so a file over the limit costs no more than the limit; a pipe with nothing to read
 * is a fault, not a wait. Never throws.
 */
export function readCaseFile(file: string, limit: number = MAX_CASE_FILE_BYTES): string | SpecError {
  const fault = (detail: string): SpecError => new SpecError("E_JSON", detail, { file, pointer: "" });
  let bytes: Buffer;
  try {
    const read = readBounded(file, limit);
    if (read === undefined) return fault(tooLarge(limit));
    bytes = read;
  } catch (e) {
    return fault(`cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const bad = findInvalidUtf8(bytes);
  if (bad !== undefined) {
    const { line, column } = lineAndColumn(bytes, bad);
    return fault(`not JSON: line ${line}, column ${column}: invalid UTF-8 (byte 0x${(bytes[bad] as number).toString(16).toUpperCase().padStart(2, "0")})`);
  }
  return bytes.toString("utf8");
}

function tooLarge(limit: number): string {
  return `too large: a case file may hold at most ${limit} bytes (spec: load.size); split it into several files`;
}

/** The file's bytes, or undefined as soon as there are more than `limit`. */
function readBounded(file: string, limit: number): Buffer | undefined {
  // Non-blocking: a named pipe with no writer would otherwise block the open, and the run, forever.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readOrWait(fd, chunk);
      if (n === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * One read. A pipe whose writer has not written yet answers EAGAIN (the file is open
 * non-blocking): wait a little and read again, as a blocking read would — `--cases <(command)`.
 */
function readOrWait(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
