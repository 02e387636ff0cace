// The progress line on a fake terminal with a fake clock: silent for a second, then one line
// rewritten in place at most ten times a second, cut to the width, erased at the end; nothing at
// all on a stream that is not a TTY or when turned off (spec: conform.progress).
import { describe, expect, it } from "vitest";
import { ProgressLine, type ProgressStream } from "./progress-line.js";

function fakeTerminal(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, ...(columns !== undefined ? { columns } : {}), write: (t: string) => writes.push(t) };
  let t = 0;
  return { stream, writes, now: () => t, advance: (ms: number) => (t += ms) };
}

describe("ProgressLine", () => {
  it("says nothing during the first second, then draws one line in place", () => {
    const term = fakeTerminal(true);
    const p = new ProgressLine(term.stream, { now: term.now });
    p.update({ corpusTotal: 234, propertiesTotal: 11 });
    p.count({ id: "prim.sin.scalar", status: "pass" });
    term.advance(999);
    p.count({ id: "prim.cos.scalar", status: "fail" });
    expect(term.writes).toEqual([]);
    term.advance(1);
    p.tick();
    expect(term.writes).toEqual(["\r\x1b[Kconform: corpus 2/234 · properties 0/11 · 1 failed · 1 s"]);
  });

  it("draws at most once per 100 ms, and only when the text changed", () => {
    const term = fakeTerminal(true);
    const p = new ProgressLine(term.stream, { now: term.now });
    p.update({ corpusTotal: 3, propertiesTotal: 1 });
    term.advance(1500);
    p.count({ id: "a", status: "pass" }); // t = 1500: drawn
    term.advance(50);
    p.count({ id: "b", status: "error" }); // t = 1550: too soon
    term.advance(49);
    p.tick(); // t = 1599: still too soon
    term.advance(1);
    p.tick(); // t = 1600: drawn, with b
    term.advance(200);
    p.tick(); // t = 1800: same text: nothing written
    term.advance(200);
    p.count({ id: "property.law.block", status: "pass" }); // t = 2000: drawn, 2 s
    expect(term.writes).toEqual([
      "\r\x1b[Kconform: corpus 1/3 · properties 0/1 · 0 failed · 1 s",
      "\r\x1b[Kconform: corpus 2/3 · properties 0/1 · 1 failed · 1 s",
      "\r\x1b[Kconform: corpus 2/3 · properties 1/1 · 1 failed · 2 s",
    ]);
  });

  it("cuts the line to one less than the terminal's width", () => {
    const term = fakeTerminal(true, 20);
    const p = new ProgressLine(term.stream, { now: term.now });
    term.advance(1000);
    p.tick();
    expect(term.writes).toEqual(["\r\x1b[Kconform: corpus 0/?"]);
    expect("conform: corpus 0/?".length).toBe(19);
  });

  it("erases the line it drew, and draws nothing after", () => {
    const term = fakeTerminal(true);
    const p = new ProgressLine(term.stream, { now: term.now });
    term.advance(2000);
    p.tick();
    p.clear();
    term.advance(1000);
    p.count({ id: "a", status: "pass" });
    expect(term.writes.slice(1)).toEqual(["\r\x1b[K"]);
  });

  it("erases nothing when it drew nothing (a run shorter than a second)", () => {
    const term = fakeTerminal(true);
    const p = new ProgressLine(term.stream, { now: term.now });
    term.advance(500);
    p.count({ id: "a", status: "pass" });
    p.clear();
    expect(term.writes).toEqual([]);
  });

  it("never writes to a stream that is not a TTY, or when turned off", () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const term = fakeTerminal(isTTY);
      const p = new ProgressLine(term.stream, { now: term.now, enabled });
      term.advance(5000);
      p.count({ id: "a", status: "fail" });
      p.tick();
      p.clear();
      expect(term.writes).toEqual([]);
    }
  });
});
