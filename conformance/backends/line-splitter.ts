/**
 * Cutting a text stream into lines: chunks go in, complete lines come out (without "\n" and a
 * "\r" before it), and the text after the last line break waits for more.
 *
 * @see spec/08-backends.md#backend.lines
 */
export class LineSplitter {
  private pending = "";

  /** The lines completed by `chunk`. */
  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split("\n");
    this.pending = parts.pop() as string;
    return parts.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  }

  /** Text received after the last line break: a partial line. */
  get rest(): string {
    return this.pending;
  }
}
