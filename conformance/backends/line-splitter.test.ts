// Cutting a backend's stdout into reply lines under a length limit (spec: backend.lines, backend.line-limit): a line
// of exactly the limit is read, one byte more is not, and after that the splitter holds nothing,
// whatever keeps arriving — the harness's memory stays bounded.
import { describe, expect, it } from "vitest";
import { LineSplitter, MAX_REPLY_LINE_BYTES } from "./index.js";

describe("LineSplitter with a limit", () => {
  it("reads a line of exactly maxBytes, \\r\\n included in the count but not in the line", () => {
    const s = new LineSplitter(8);
    expect(s.push("12345678\n1234567\r\n")).toEqual(["12345678", "1234567"]);
    expect(s.tooLong).toBeUndefined();
  });

  it("a line one byte over the limit: the lines before it come out, then nothing more", () => {
    const s = new LineSplitter(8);
    expect(s.push("ok\n123456789\nlater\n")).toEqual(["ok"]);
    expect(s.tooLong).toEqual({ head: "123456789" });
    expect(s.push("more\n")).toEqual([]);
    expect(s.rest).toBe("");
  });

  it("a line without end, in many chunks, is stopped at the limit and nothing is held after", () => {
    const s = new LineSplitter(1000);
    const chunk = "x".repeat(300);
    const got: string[] = [];
    let pushes = 0;
    while (s.tooLong === undefined) {
      got.push(...s.push(chunk));
      pushes++;
    }
    // 300 · 3 = 900 ≤ 1000 < 1200: the fourth chunk passes the limit.
    expect([pushes, got]).toEqual([4, []]);
    expect(s.tooLong?.head).toBe("x".repeat(120));
    expect(s.rest).toBe("");
    for (let k = 0; k < 100; k++) s.push(chunk);
    expect(s.rest).toBe("");
  });

  it("counts bytes, not characters, and decodes a character split between chunks", () => {
    const bytes = Buffer.from("é€\n", "utf8"); // 2 + 3 bytes, then the line break
    const s = new LineSplitter(5);
    expect(s.push(bytes.subarray(0, 1))).toEqual([]);
    expect(s.push(bytes.subarray(1, 4))).toEqual([]);
    expect(s.push(bytes.subarray(4))).toEqual(["é€"]);
    expect(new LineSplitter(4).push(bytes)).toEqual([]);
  });

  it("with cut (stderr): a long line comes out cut in its place, the lines after it as usual", () => {
    const s = new LineSplitter(4, ({ head }) => `${head}…`);
    expect(s.push("ab\n123456")).toEqual(["ab", "123456…"]);
    expect(s.push("789 still the long line")).toEqual([]);
    expect(s.push(" end\nnext\n12345678\nlast\npart")).toEqual(["next", "12345678…", "last"]);
    expect([s.tooLong, s.rest]).toEqual([undefined, "part"]);
  });

  it("the reply limit is 64 MiB", () => {
    expect(MAX_REPLY_LINE_BYTES).toBe(64 * 2 ** 20);
  });
});
