/**
 * Cutting a byte stream into lines: chunks go in, complete lines come out (UTF-8 decoded, without
 * "\n" and a "\r" before it), and the bytes after the last line break wait for more. A line longer
 * than `maxBytes` (the "\n" not counted) is never held whole: the splitter returns the lines before
 * it, records {@link LineSplitter.tooLong} and from then on drops everything, so a program that
 * writes without end costs the harness at most `maxBytes` of memory. With `cut` (for logs, which
 * are only shown) it goes on instead: the long line comes out as `cut(head)` in its place, the
 * rest of it up to its line break is dropped, and the lines after it come out as usual.
 *
 * The waiting bytes are kept as a list of pieces and joined once, when their line ends: a long line
 * arriving in many chunks costs time linear in its length.
 *
 * @see spec/08-backends.md#backend.lines
 * @see spec/08-backends.md#backend.line-limit
 */

/** What is known of a line that passed the limit: its first bytes, decoded, for the fault's reason. */
export interface TooLongLine {
  readonly head: string;
}

const HEAD_BYTES = 120;

export class LineSplitter {
  private pieces: Buffer[] = [];
  private size = 0;
  private over: TooLongLine | undefined;
  /** With `cut`: dropping the rest of a long line, up to its line break. */
  private skipping = false;

  /** `maxBytes`: the longest line kept (default: no limit); `cut`: what a long line becomes (default: the end). */
  constructor(
    readonly maxBytes = Infinity,
    private readonly cut?: (line: TooLongLine) => string,
  ) {}

  /** The lines completed by `chunk` (a string is taken as UTF-8); none once a line was too long. */
  push(chunk: string | Uint8Array): string[] {
    if (this.over !== undefined) return [];
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const lines: string[] = [];
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      if (this.skipping) {
        this.skipping = false;
      } else if (this.size + (nl - start) > this.maxBytes) {
        const cut = this.overflow(bytes.subarray(start, nl));
        if (cut === undefined) return lines;
        lines.push(cut);
      } else {
        const line = Buffer.concat([...this.pieces, bytes.subarray(start, nl)]).toString("utf8");
        lines.push(line.endsWith("\r") ? line.slice(0, -1) : line);
      }
      this.pieces = [];
      this.size = 0;
      start = nl + 1;
    }
    if (start < bytes.length && !this.skipping) {
      const tail = bytes.subarray(start);
      if (this.size + tail.length > this.maxBytes) {
        const cut = this.overflow(tail);
        if (cut !== undefined) {
          lines.push(cut);
          this.skipping = true;
        }
        return lines;
      }
      // A copy, so that the caller's chunk is not kept alive (nor changed under us) by a small tail.
      this.pieces.push(Buffer.from(tail));
      this.size += tail.length;
    }
    return lines;
  }

  /** Text received after the last line break: a partial line ("" after a line that was too long). */
  get rest(): string {
    return Buffer.concat(this.pieces).toString("utf8");
  }

  /** Set once a line passed `maxBytes` (without `cut`); the splitter then ignores all further input. */
  get tooLong(): TooLongLine | undefined {
    return this.over;
  }

  /** Drops the long line's bytes; with `cut`, returns what it becomes, else records it and ends. */
  private overflow(last: Buffer): string | undefined {
    const head = Buffer.concat([...this.pieces, last], Math.min(HEAD_BYTES, this.size + last.length));
    this.pieces = [];
    this.size = 0;
    // A multi-byte character cut at the end decodes to U+FFFD; the head is only for a message.
    const line = { head: head.toString("utf8") };
    if (this.cut !== undefined) return this.cut(line);
    this.over = line;
    return undefined;
  }
}
