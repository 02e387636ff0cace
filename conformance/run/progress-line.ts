/**
 * The progress line of a long run on a terminal: one line on stderr, rewritten in place, e.g.
 * `conform: corpus 120/234 · properties 3/11 · 2 failed · 14 s`. Nothing during the first second
 * (a short run prints only its report), at most one drawing per {@link ProgressOptions.intervalMs}
 * (a fast corpus must not flood a slow terminal), never on a stream that is not a TTY (a CI log
 * stays clean), and erased by {@link ProgressLine.clear} before the report is printed.
 *
 * The stream and the clock are arguments, so a test can hand it a fake terminal and a fake clock.
 *
 * @see spec/06-conformance.md#conform.progress
 */

/** The part of a stream it uses (process.stderr has all of it). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  /** The terminal's width; the line is cut to one less, since a wrapped line cannot be rewritten. */
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressCounts {
  readonly corpusDone: number;
  /** Undefined until the corpus has been loaded and selected. */
  readonly corpusTotal?: number;
  readonly propertiesDone: number;
  readonly propertiesTotal: number;
  /** Outcomes fail or error so far. */
  readonly failed: number;
}

export interface ProgressOptions {
  /** Milliseconds, monotonic (default: performance.now). */
  readonly now?: () => number;
  /** Nothing is drawn before this much time has passed since construction (default 1000). */
  readonly delayMs?: number;
  /** Minimum time between two drawings (default 100: at most ten a second). */
  readonly intervalMs?: number;
  /** False turns it off whatever the stream (--quiet, --verbose). Default true. */
  readonly enabled?: boolean;
}

/** Carriage return, then erase to the end of the line (ANSI EL 0). */
const ERASE = "\r\x1b[K";

export class ProgressLine {
  private counts: ProgressCounts = { corpusDone: 0, propertiesDone: 0, propertiesTotal: 0, failed: 0 };
  private readonly now: () => number;
  private readonly started: number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly on: boolean;
  private drawnAt: number | undefined;
  private shown = "";
  private done = false;

  constructor(private readonly stream: ProgressStream, options: ProgressOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.on = (options.enabled ?? true) && stream.isTTY === true;
  }

  /** Takes the new counts and draws them if a drawing is due. */
  update(counts: Partial<ProgressCounts>): void {
    this.counts = { ...this.counts, ...counts };
    this.tick();
  }

  /** Counts one outcome as the corpus's or, with an id `property.…`, a property's; fail and error as failed. */
  count(o: { readonly id: string; readonly status: string }): void {
    const c = this.counts;
    const property = o.id.startsWith("property.") ? 1 : 0;
    const failed = o.status === "fail" || o.status === "error" ? 1 : 0;
    this.update({ corpusDone: c.corpusDone + 1 - property, propertiesDone: c.propertiesDone + property, failed: c.failed + failed });
  }

  /** Draws the current counts if a drawing is due (called by a timer, so the seconds move on). */
  tick(): void {
    if (!this.on || this.done) return;
    const now = this.now();
    if (now - this.started < this.delayMs) return;
    if (this.drawnAt !== undefined && now - this.drawnAt < this.intervalMs) return;
    const text = this.fit(this.text(now));
    this.drawnAt = now;
    if (text === this.shown) return;
    this.stream.write(`${ERASE}${text}`);
    this.shown = text;
  }

  /** Erases the line if one is shown; nothing is drawn afterwards. */
  clear(): void {
    if (this.shown !== "") this.stream.write(ERASE);
    this.shown = "";
    this.done = true;
  }

  private text(now: number): string {
    const c = this.counts;
    const parts = [`corpus ${c.corpusDone}/${c.corpusTotal ?? "?"}`];
    if (c.propertiesTotal > 0) parts.push(`properties ${c.propertiesDone}/${c.propertiesTotal}`);
    parts.push(`${c.failed} failed`, `${Math.floor((now - this.started) / 1000)} s`);
    return `conform: ${parts.join(" · ")}`;
  }

  private fit(text: string): string {
    const width = this.stream.columns;
    return width !== undefined && width > 1 && text.length > width - 1 ? text.slice(0, width - 1) : text;
  }
}
