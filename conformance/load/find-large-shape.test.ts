// Declared shapes are bounded (spec: load.declared-shape): each dimension 1…2²⁴ (the schema), and
// m·n ≤ 2²⁴ (the loader) — and the reference and impl, used as libraries on cases no loader has
// seen, raise the same E_SCHEMA instead of allocating (a RangeError or an out-of-memory hang).
import { describe, expect, it } from "vitest";
import { impl } from "../../impl/index.js";
import type { Case, OperatorCase, RawOperator, SystemCase } from "../../reference/case.js";
import { reference, SpecError } from "../../reference/index.js";
import { findLargeShape } from "./find-large-shape.js";
import { validateCaseFile } from "./validate-case-file.js";

const LIMIT = 16_777_216; // 2²⁴, spec/06-conformance.md#load.declared-shape

const operatorCase = (operator: RawOperator): OperatorCase => ({ id: "big.op", description: "test", kind: "operator", operator, x: 1 });
const systemCase = (shape: readonly number[], operator: RawOperator = { op: "scale", by: 1 }): SystemCase =>
  ({
    id: "big.sys",
    description: "test",
    kind: "system",
    system: { unknowns: [{ id: "a", shape: [] }, { id: "b", shape }], edges: [{ from: "a", to: "b", operator }] },
  }) as unknown as SystemCase;

/** [code, pointer from the file's root] of each fault of a file holding the one case. */
const faults = (c: Case): [string, string | undefined][] =>
  validateCaseFile("t.json", { cases: [c] }).faults.map((f) => [f.code, f.where.pointer]);

describe("the loader", () => {
  it("takes every dimension up to 2²⁴ and products up to 2²⁴ elements", () => {
    expect(faults(operatorCase({ op: "zero", codomain: [LIMIT, 1] }))).toEqual([]);
    expect(faults(operatorCase({ op: "zero", domain: [1, LIMIT] }))).toEqual([]);
    expect(faults(systemCase([4096, 4096]))).toEqual([]);
  });

  it("rejects a dimension over 2²⁴ by the schema, at the dimension", () => {
    expect(faults(operatorCase({ op: "zero", codomain: [1e21, 1] }))).toEqual([["E_SCHEMA", "/cases/0/operator/codomain/0"]]);
    expect(faults(operatorCase({ op: "zero", codomain: [1, LIMIT + 1] }))).toEqual([["E_SCHEMA", "/cases/0/operator/codomain/1"]]);
  });

  it("rejects a product over 2²⁴ at the shape, wherever a zero or an unknown declares it", () => {
    const zero = { op: "zero", codomain: [4097, 4096] } as const;
    expect(faults(systemCase([4097, 4096]))).toEqual([["E_SCHEMA", "/cases/0/system/unknowns/1/shape"]]);
    expect(faults(systemCase([], { op: "sum", of: [{ op: "identity" }, { op: "adjoint", of: { op: "zero", domain: [5000, 5000] } }] })))
      .toEqual([["E_SCHEMA", "/cases/0/system/edges/0/operator/of/1/of/domain"]]);
    expect(faults(operatorCase({ op: "compose", of: [{ op: "identity" }, zero] }))).toEqual([["E_SCHEMA", "/cases/0/operator/of/1/codomain"]]);
    expect(findLargeShape(operatorCase(zero))?.detail).toContain("load.declared-shape");
  });
});

describe("the reference and impl as libraries (no loader)", () => {
  const errorOf = (f: () => unknown): [string, string | undefined] => {
    try {
      f();
    } catch (e) {
      if (e instanceof SpecError) return [e.code, e.where.pointer];
      throw e;
    }
    throw new Error("no error");
  };

  it.each([
    ["reference", reference],
    ["impl", impl],
  ] as const)("%s raises E_SCHEMA where the loader would, before allocating", (_, backend) => {
    expect(errorOf(() => backend.apply?.(operatorCase({ op: "zero", codomain: [1e21, 1] })))).toEqual(["E_SCHEMA", "/operator/codomain/0"]);
    expect(errorOf(() => backend.apply?.(operatorCase({ op: "adjoint", of: { op: "zero", domain: [2147483648, 1] } }))))
      .toEqual(["E_SCHEMA", "/operator/of/domain/0"]);
    expect(errorOf(() => backend.solve?.(systemCase([5000, 5000])))).toEqual(["E_SCHEMA", "/system/unknowns/1/shape"]);
  });
});
