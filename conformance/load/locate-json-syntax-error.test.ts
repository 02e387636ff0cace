// The scanner agrees with JSON.parse on what is JSON, and names the position V8 names where V8
// names one (spec: case.file).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateJsonSyntaxError } from "./locate-json-syntax-error.js";

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("locateJsonSyntaxError", () => {
  it("finds no error in any JSON.stringify output", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(locateJsonSyntaxError(JSON.stringify(v, null, 1))).toBeUndefined();
    }));
  });

  it("finds an error exactly when JSON.parse fails, on texts near JSON", () => {
    const unit = fc.constantFrom(..."{}[],:\"\\ \n0123-.eEtrufalsn", "true", "null", '"a"', "\t", "\u0001", "\\u00e9");
    fc.assert(fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
      expect(locateJsonSyntaxError(text) === undefined).toBe(parses(text));
    }), { numRuns: 3000 });
  });

  it("agrees with V8 on the offset where V8 reports one", () => {
    const unit = fc.constantFrom(..."{}[],:\" 0123-.eEtrufalsn", '"a"');
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
      try {
        JSON.parse(text);
      } catch (e) {
        const v8 = /at position (\d+)/.exec((e as Error).message);
        if (v8 !== null) expect(locateJsonSyntaxError(text)?.offset).toBe(Number(v8[1]));
      }
    }), { numRuns: 3000 });
  });

  it("reports a repeated member name only when asked, at the second occurrence", () => {
    const text = '{"a": {"b": 1, "c": 2, "b": 3}, "b": 4}';
    expect(locateJsonSyntaxError(text)).toBeUndefined();
    expect(locateJsonSyntaxError(text, { rejectDuplicateNames: true })).toEqual({
      offset: 23,
      line: 1,
      column: 24,
      problem: 'member name "b" repeated in one object',
    });
    expect(locateJsonSyntaxError('{"a": 1, "\u0061": 2}', { rejectDuplicateNames: true })?.offset).toBe(9);
    expect(locateJsonSyntaxError('[{"a": 1}, {"a": 2}]', { rejectDuplicateNames: true })).toBeUndefined();
  });

  it("counts lines and columns from 1", () => {
    expect(locateJsonSyntaxError('{\n  "a": 1,\n  "b": }\n')).toEqual({
      offset: 19,
      line: 3,
      column: 8,
      problem: 'expected a value, found "}"',
    });
    expect(locateJsonSyntaxError("")?.problem).toBe("expected a value, found end of input");
    expect(locateJsonSyntaxError("\ufeff{}")?.problem).toBe('expected a value, found "\\uFEFF"');
  });
});
