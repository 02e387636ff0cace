// Malformed files are rejected with the exact code and JSON pointer of the fault, and the valid
// cases of the same file still load (spec: case.file).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_CASE_DEPTH } from "./find-too-deep.js";
import { loadCaseFiles } from "./load-case-files.js";
import type { LoadResult } from "./load-result.js";
import { validateCaseFile } from "./validate-case-file.js";

const testdata = join(import.meta.dirname, "..", "testdata");
const invalid = (name: string): string => join(testdata, "invalid", name);

/** code, pointer and case id of each fault (the message wording is not part of the contract). */
function summary(result: LoadResult): { code: string; pointer?: string; caseId?: string }[] {
  return result.faults.map((f) => ({
    code: f.code,
    ...(f.where.pointer !== undefined ? { pointer: f.where.pointer } : {}),
    ...(f.where.caseId !== undefined ? { caseId: f.where.caseId } : {}),
  }));
}

const ids = (result: LoadResult): string[] => result.cases.map((c) => c.case.id);

describe("loadCaseFiles on invalid fixtures", () => {
  it("malformed JSON: one E_JSON fault for the file, with line and column", () => {
    const r = loadCaseFiles([invalid("malformed-json.json")]);
    expect(summary(r)).toEqual([{ code: "E_JSON", pointer: "" }]);
    expect(r.faults[0]?.message).toContain("line 3, column 62");
    expect(r.cases).toEqual([]);
  });

  it("a member name repeated in one object: E_JSON with line and column (case.file allows it)", () => {
    const r = loadCaseFiles([invalid("repeated-member.json")]);
    expect(summary(r)).toEqual([{ code: "E_JSON", pointer: "" }]);
    expect(r.faults[0]?.detail).toBe('not JSON: line 10, column 7: member name "expect" repeated in one object');
  });

  it("no cases array: E_SCHEMA for the file", () => {
    const r = loadCaseFiles([invalid("missing-cases.json")]);
    expect(summary(r)).toEqual([{ code: "E_SCHEMA", pointer: "" }]);
    expect(r.faults[0]?.detail).toBe('missing required field "cases"');
  });

  it("unknown top-level field: E_SCHEMA at the field, and the whole file is rejected", () => {
    const r = loadCaseFiles([invalid("unknown-top-level-field.json")]);
    expect(summary(r)).toEqual([{ code: "E_SCHEMA", pointer: "/version" }]);
    expect(r.cases).toEqual([]);
  });

  it("ragged matrices: E_SCHEMA at the offending row, wherever the tensor is", () => {
    const r = loadCaseFiles([invalid("ragged-matrix.json")]);
    expect(summary(r)).toEqual([
      { code: "E_SCHEMA", pointer: "/cases/1/graph/inputs/0/value/1", caseId: "ragged.input" },
      { code: "E_SCHEMA", pointer: "/cases/2/system/edges/0/operator/of/1/matrix/2", caseId: "ragged.operator" },
      { code: "E_SCHEMA", pointer: "/cases/3/expect/gradient/a~1b/1", caseId: "ragged.gradient" },
    ]);
    expect(r.faults[0]?.detail).toBe("ragged matrix: row 1 has length 1, row 0 has length 2");
    expect(ids(r)).toEqual(["ragged.ok", "ragged.also-ok"]);
  });

  it("wrong types, kinds, missing fields, mixed expectations, bad shapes: the most specific pointer", () => {
    const r = loadCaseFiles([invalid("wrong-type.json")]);
    expect(summary(r)).toEqual([
      { code: "E_SCHEMA", pointer: "/cases/1/graph/nodes/2/args/1", caseId: "wrong.arg-type" },
      { code: "E_SCHEMA", pointer: "/cases/2/kind", caseId: "wrong.kind" },
      { code: "E_SCHEMA", pointer: "/cases/3", caseId: "wrong.missing" },
      { code: "E_SCHEMA", pointer: "/cases/4/expect/apply", caseId: "wrong.expect" },
      { code: "E_SCHEMA", pointer: "/cases/5/system/unknowns/0/shape", caseId: "wrong.shape" },
    ]);
    expect(r.faults.map((f) => f.detail)).toEqual([
      "must be string, found 7",
      'must be one of "graph", "system", "operator", found "graf"',
      'missing required field "graph"',
      'unknown field "apply"',
      "must NOT have fewer than 2 items, found [3]",
    ]);
    expect(ids(r)).toEqual(["wrong.ok"]);
  });

  it("unknown field in a case, including a field of another kind", () => {
    const r = loadCaseFiles([invalid("unknown-field-case.json")]);
    expect(summary(r)).toEqual([
      { code: "E_SCHEMA", pointer: "/cases/1/expected", caseId: "field.typo" },
      { code: "E_SCHEMA", pointer: "/cases/2/x", caseId: "field.other-kind" },
    ]);
    expect(r.faults[0]?.detail).toMatch(/^unknown field "expected" \(allowed here: id, description, /);
    expect(ids(r)).toEqual(["field.ok"]);
  });

  it("unknown field in a nested operator; an unknown operator kind still loads", () => {
    const r = loadCaseFiles([invalid("unknown-field-operator.json")]);
    expect(summary(r)).toEqual([{ code: "E_SCHEMA", pointer: "/cases/0/operator/of/1/matrix", caseId: "opfield.stray" }]);
    expect(r.faults[0]?.detail).toBe('unknown field "matrix" (allowed here: op, by)');
    expect(ids(r)).toEqual(["opfield.unknown-kind", "opfield.ok"]);
  });

  it("bad number strings, in a matrix, an operator and a node attribute", () => {
    const r = loadCaseFiles([invalid("bad-number-string.json")]);
    expect(summary(r)).toEqual([
      { code: "E_SCHEMA", pointer: "/cases/0/x/0/1", caseId: "num.bad-matrix" },
      { code: "E_SCHEMA", pointer: "/cases/2/operator/by", caseId: "num.bad-infinity" },
      { code: "E_SCHEMA", pointer: "/cases/3/graph/nodes/0/exponent", caseId: "num.bad-exponent" },
    ]);
    expect(r.faults[0]?.detail).toMatch(/^not a number: "1\.2\.3"/);
    expect(ids(r)).toEqual(["num.ok"]);
  });

  it("bad case ids: the id is named when it is a string", () => {
    const r = loadCaseFiles([invalid("bad-case-id.json")]);
    expect(summary(r)).toEqual([
      { code: "E_SCHEMA", pointer: "/cases/0/id", caseId: "Graph.Bad" },
      { code: "E_SCHEMA", pointer: "/cases/1/id" },
    ]);
    expect(ids(r)).toEqual(["id.ok"]);
  });

  it("duplicate ids across files and within a file: later occurrences are faults naming the first", () => {
    const r = loadCaseFiles([invalid("duplicate-ids")]);
    expect(r.files).toEqual([invalid("duplicate-ids/a.json"), invalid("duplicate-ids/b.json")]);
    expect(summary(r)).toEqual([
      { code: "E_DUPLICATE_ID", pointer: "/cases/0/id", caseId: "dup.two" },
      { code: "E_DUPLICATE_ID", pointer: "/cases/2/id", caseId: "dup.three" },
    ]);
    expect(r.faults.map((f) => f.where.file)).toEqual([invalid("duplicate-ids/b.json"), invalid("duplicate-ids/b.json")]);
    expect(r.faults[0]?.message).toContain(`first defined in ${invalid("duplicate-ids/a.json")} at /cases/1`);
    expect(r.cases.map((c) => `${c.case.id}@${c.pointer}`)).toEqual([
      "dup.one@/cases/0",
      "dup.two@/cases/1",
      "dup.three@/cases/1",
    ]);
    expect(r.cases[1]?.case.description).toBe("first definition");
  });

  it("a case expecting a structural code (or E_INTERNAL) is E_SCHEMA at expect/error (case.expect.error)", () => {
    const r = loadCaseFiles([invalid("unexpectable-error.json")]);
    expect(summary(r)).toEqual([
      { code: "E_SCHEMA", pointer: "/cases/1/expect/error", caseId: "expect.schema" },
      { code: "E_SCHEMA", pointer: "/cases/2/expect/error", caseId: "expect.json" },
      { code: "E_SCHEMA", pointer: "/cases/3/expect/error", caseId: "expect.internal" },
    ]);
    expect(r.faults[0]?.detail).toMatch(/^must be one of "E_DUPLICATE_ID", .*, found "E_SCHEMA"$/);
    expect(ids(r)).toEqual(["expect.ok"]);
  });

  it("an expected gradient or solution for an id the case does not report is E_UNKNOWN_ID (case.expect.graph)", () => {
    const r = loadCaseFiles([invalid("unknown-expect-key.json")]);
    expect(summary(r)).toEqual([
      { code: "E_UNKNOWN_ID", pointer: "/cases/0/expect/gradient/y", caseId: "fx.expect.gradient-outside-wrt" },
      { code: "E_UNKNOWN_ID", pointer: "/cases/1/expect/solution/b~1c", caseId: "fx.expect.solution-of-nothing" },
    ]);
    expect(ids(r)).toEqual(["fx.expect.fine"]);
  });

  it("duplicate ids: load order is by path, not by the order the paths are given (error.scope)", () => {
    const r = loadCaseFiles([invalid("duplicate-ids/b.json"), invalid("duplicate-ids/a.json")]);
    expect(r.files).toEqual([invalid("duplicate-ids/a.json"), invalid("duplicate-ids/b.json")]);
    expect(summary(r)).toEqual([
      { code: "E_DUPLICATE_ID", pointer: "/cases/0/id", caseId: "dup.two" },
      { code: "E_DUPLICATE_ID", pointer: "/cases/2/id", caseId: "dup.three" },
    ]);
    expect(r.cases.find((c) => c.case.id === "dup.two")?.case.description).toBe("first definition");
  });

  it("loads every fixture at once: faults do not hide other files, and each pointer exists in its file", () => {
    const r = loadCaseFiles([join(testdata, "invalid")]);
    expect(r.files).toHaveLength(14);
    expect(r.faults).toHaveLength(27);
    for (const f of r.faults.filter((f) => f.code !== "E_JSON")) {
      const json: unknown = JSON.parse(readFileSync(f.where.file as string, "utf8"));
      expect(resolvePointer(json, f.where.pointer as string), f.message).not.toBeUndefined();
    }
  });
});

describe("validateCaseFile on hostile input", () => {
  it("rejects a case nested too deeply for the validator's stack, and keeps the others", () => {
    let op: unknown = { op: "identity" };
    for (let i = 0; i < 100_000; i++) op = { op: "adjoint", of: op };
    const deep = { id: "deep", description: "", kind: "operator", operator: op, x: 1 };
    const fine = { id: "fine", description: "", kind: "operator", operator: { op: "identity" }, x: 1 };
    const outcome = validateCaseFile("deep.json", { cases: [deep, fine] });
    expect(outcome.faults.map((f) => [f.code, f.where.caseId])).toEqual([["E_SCHEMA", "deep"]]);
    expect(outcome.faults[0]?.where.pointer).toBe(`/cases/0/operator${"/of".repeat(MAX_CASE_DEPTH - 1)}/op`);
    expect(outcome.cases.map((c) => c.case.id)).toEqual(["fine"]);
  });

  it("the limit is on JSON levels within the case (the case object is level 0): 100 load, 101 do not", () => {
    const nested = (n: number): unknown => {
      let op: unknown = { op: "identity" };
      for (let i = 0; i < n; i++) op = { op: "adjoint", of: op };
      return { id: `depth.${n}`, description: "", kind: "operator", operator: op, x: 1 };
    };
    // n adjoints: the innermost "op" string is at level n + 2 (/operator, n × /of, /op).
    const outcome = validateCaseFile("depth.json", { cases: [nested(MAX_CASE_DEPTH - 2), nested(MAX_CASE_DEPTH - 1)] });
    expect(outcome.cases.map((c) => c.case.id)).toEqual([`depth.${MAX_CASE_DEPTH - 2}`]);
    expect(outcome.faults.map((f) => [f.code, f.where.pointer])).toEqual([
      ["E_SCHEMA", `/cases/1/operator${"/of".repeat(MAX_CASE_DEPTH - 1)}/op`],
    ]);
  });

  it("rejects values that are not case files without throwing", () => {
    for (const json of [null, 3, "cases", [], { cases: null }, { cases: [null, 1, "x", []] }]) {
      const outcome = validateCaseFile("x.json", json);
      expect(outcome.cases).toEqual([]);
      expect(outcome.faults.length, JSON.stringify(json)).toBeGreaterThan(0);
      expect(outcome.faults.every((f) => f.code === "E_SCHEMA")).toBe(true);
    }
  });
});

describe("loadCaseFiles on paths", () => {
  it("loads a valid file with every kind and every operator kind, with no faults", () => {
    const r = loadCaseFiles([join(testdata, "valid", "all-kinds.json")]);
    expect(r.faults).toEqual([]);
    expect(ids(r)).toEqual([
      "valid.graph.full",
      "valid.graph.error",
      "valid.system.full",
      "valid.operator.full",
      "valid.operator.unknown-kind",
      "valid.graph.unknown-attribute",
    ]);
    expect(r.cases[2]).toMatchObject({ index: 2, pointer: "/cases/2", case: { kind: "system" } });
  });

  it("reports a missing path as E_JSON and still loads the others", () => {
    const r = loadCaseFiles([join(testdata, "no-such-file.json"), join(testdata, "valid")]);
    expect(summary(r)).toEqual([{ code: "E_JSON", pointer: "" }]);
    expect(r.faults[0]?.message).toContain("no such file or directory");
    expect(r.cases).toHaveLength(6);
  });

  it("lists a file reached twice once (no spurious duplicate ids)", () => {
    const file = join(testdata, "valid", "all-kinds.json");
    const r = loadCaseFiles([file, join(testdata, "valid")]);
    expect(r.files).toEqual([file]);
    expect(r.faults).toEqual([]);
  });
});

/** RFC 6901: the value at `pointer`, or undefined if there is none. */
function resolvePointer(json: unknown, pointer: string): unknown {
  if (pointer === "") return json;
  let at: unknown = json;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, token)) return undefined;
    at = (at as Record<string, unknown>)[token];
  }
  return at;
}
