// The number encoding on the wire, line splitting and reply reading (spec: backend.numbers,
// backend.lines, backend.replies).
import { describe, expect, it } from "vitest";
import { BackendFault, BackendSpecError, decodeTensor, encodeMessage, LineSplitter, readHello, readReply } from "./index.js";

describe("the number encoding", () => {
  it("writes NaN, ±Infinity and −0 as strings, everything else as JSON numbers", () => {
    expect(encodeMessage({ v: [[NaN, Infinity, -Infinity, -0, 0, 1.5, 1e-320]] })).toBe('{"v":[["NaN","Infinity","-Infinity","-0",0,1.5,1e-320]]}');
    expect(encodeMessage({ s: "a\nb" })).not.toContain("\n");
  });

  it("reads every form of value.number back, −0 included", () => {
    const t = decodeTensor([["NaN", "Infinity", "-Infinity", "-0", "0.1", 2, "1e400"]], "/value") as number[][];
    expect(Object.is(t[0]?.[3], -0)).toBe(true);
    expect(t[0]).toEqual([NaN, Infinity, -Infinity, -0, 0.1, 2, Infinity]);
  });

  it("rejects other strings and ragged matrices as protocol faults naming the place", () => {
    expect(() => decodeTensor("inf", "/value")).toThrow(BackendFault);
    expect(() => decodeTensor([[1, 2], [3]], "/gradient/x")).toThrow(/at \/gradient\/x\/1 is malformed: ragged/);
  });
});

describe("LineSplitter", () => {
  it("cuts chunks into lines, drops a \\r before \\n and keeps the partial rest", () => {
    const s = new LineSplitter();
    expect(s.push('{"id":1}\r\n{"id"')).toEqual(['{"id":1}']);
    expect(s.push(':2}\n\n{"x')).toEqual(['{"id":2}', ""]);
    expect(s.rest).toBe('{"x');
  });
});

describe("reading replies", () => {
  it("decodes a result and drops the id", () => {
    expect(readReply("gradient", { id: 3, value: "-0", gradient: { x: [["NaN"]] } })).toEqual({ value: -0, gradient: { x: [[NaN]] } });
    expect(readReply("apply", { id: 3, apply: 1 })).toEqual({ apply: 1 });
  });

  it("throws an error reply as a BackendSpecError", () => {
    expect(() => readReply("solve", { id: 1, error: { code: "E_SHAPE", message: "no" } })).toThrow(BackendSpecError);
  });

  it("a reply that breaks the schema is a protocol fault with pointer and problem", () => {
    expect(() => readReply("gradient", { id: 1, value: 1 })).toThrow(/^malformed gradient reply at the document root: missing required field "gradient"$/);
    expect(() => readReply("gradient", { id: 1, value: 1, gradient: {}, extra: 1 })).toThrow(/unknown field "extra"/);
    expect(() => readReply("solve", { id: 1, error: { code: "shape" } })).toThrow(/malformed error reply/);
    expect(() => readHello({ name: "x", version: "1", capabilities: [], precision: "float64", protocol: 2 })).toThrow(/at \/protocol/);
  });
});
