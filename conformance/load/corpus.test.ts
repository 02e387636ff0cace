// Every file of the conformance corpus validates: no E_JSON, no E_SCHEMA, no duplicate ids across
// files (spec: case.file).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listCaseFiles } from "./list-case-files.js";
import { loadCaseFiles } from "./load-case-files.js";

const corpus = join(import.meta.dirname, "..", "cases");
const { files } = listCaseFiles([corpus]);

describe("conformance/cases", () => {
  it.each(files.map((f) => [f.slice(corpus.length + 1), f] as const))("%s validates with no faults", (_name, file) => {
    const r = loadCaseFiles([file]);
    expect(r.faults.map((f) => f.message)).toEqual([]);
    expect(r.cases.length).toBeGreaterThan(0);
  });

  it("validates as a whole: no faults, case ids unique across files", () => {
    const r = loadCaseFiles([corpus]);
    expect(r.faults.map((f) => f.message)).toEqual([]);
    expect(r.files).toEqual(files);
  });
});
