// The readers of numbers, tensors and shapes as a library meets them: on cases no loader has seen
// (spec error.scope), each fault is E_SCHEMA at the pointer the schema's own rule would give.
import { describe, expect, it } from "vitest";
import { parseShape, SpecError } from "./index.js";

function faultOf(f: () => unknown): [string, string | undefined] {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecError) return [e.code, e.where.pointer];
    throw e;
  }
  throw new Error("no error");
}

describe("parseShape", () => {
  it("reads [] and [m, n]", () => {
    expect(parseShape([])).toEqual([]);
    expect(parseShape([2, 3])).toEqual([2, 3]);
  });

  it("a shape that is not [] or a pair: E_SCHEMA at the shape", () => {
    for (const raw of [[3], [1, 2, 3], "2x3", null]) expect(faultOf(() => parseShape(raw as never, "/s"))).toEqual(["E_SCHEMA", "/s"]);
  });

  it("a dimension that is not a positive whole number: E_SCHEMA at that dimension", () => {
    expect(faultOf(() => parseShape([0, 2], "/s"))).toEqual(["E_SCHEMA", "/s/0"]);
    expect(faultOf(() => parseShape([2, 1.5], "/s"))).toEqual(["E_SCHEMA", "/s/1"]);
    expect(faultOf(() => parseShape([2, -1], "/s"))).toEqual(["E_SCHEMA", "/s/1"]);
    expect(faultOf(() => parseShape([2, "3"] as never, "/s"))).toEqual(["E_SCHEMA", "/s/1"]);
  });

  it("a declared shape over 2²⁴ elements: E_SCHEMA at the shape (spec load.declared-shape)", () => {
    expect(faultOf(() => parseShape([4096, 4097], "/s"))).toEqual(["E_SCHEMA", "/s"]);
    expect(parseShape([4096, 4096])).toEqual([4096, 4096]); // exactly 2²⁴: allowed
  });
});
