/**
 * Regression (found by conformance/fuzz): a reply nested 10⁵ deep is valid JSON; reading it must
 * end in a protocol fault, not a RangeError from the schema check's error report.
 *
 * @see spec/08-backends.md#backend.replies
 */
import { describe, expect, it } from "vitest";
import { BackendFault } from "./backend-fault.js";
import { readHello } from "./read-hello.js";
import { readReply } from "./read-reply.js";

const deep = (): unknown => JSON.parse(`${"[".repeat(100_000)}1${"]".repeat(100_000)}`);

function faultOf(read: () => unknown): BackendFault {
  try {
    read();
  } catch (e) {
    if (e instanceof BackendFault) return e;
    throw e;
  }
  throw new Error("no fault");
}

describe("a reply nested deeper than the schema allows", () => {
  it("is a protocol fault of hello, naming where", () => {
    const f = faultOf(() => readHello({ name: "x", version: "1", capabilities: deep(), precision: "float64", protocol: 1 }));
    expect(f.kind).toBe("protocol");
    expect(f.message).toMatch(/^malformed hello reply at \/capabilities\/0\/0.*nested deeper than 100 levels$/);
  });

  it("is a protocol fault of a result or an error reply", () => {
    expect(faultOf(() => readReply("gradient", { id: 1, value: deep(), gradient: {} })).kind).toBe("protocol");
    expect(faultOf(() => readReply("solve", { id: 1, error: deep() })).message).toMatch(/^malformed error reply at \/error\/0/);
  });

  it("while replies of ordinary depth read as before", () => {
    expect(readReply("gradient", { id: 1, value: "-0", gradient: { x: [[1, "NaN"]] } })).toEqual({ value: -0, gradient: { x: [[1, NaN]] } });
    expect(faultOf(() => readReply("apply", { id: 1, apply: [[[1]]] })).message).toMatch(/^malformed apply reply at \/apply/);
  });
});
