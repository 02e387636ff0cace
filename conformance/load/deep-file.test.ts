// A file that is one array nested 10⁵ deep parses (JSON.parse is iterative enough) but is not a case
// file: the loader reports E_SCHEMA at the root and never throws (found by fuzzing: the schema
// message stringified the value recursively and overflowed the stack). Spec: error.E_SCHEMA.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCaseFiles } from "./index.js";

describe("a file nested 10⁵ deep", () => {
  it("is one E_SCHEMA fault naming the file, not an exception", () => {
    const file = join(mkdtempSync(join(tmpdir(), "deep-")), "deep.json");
    writeFileSync(file, `${"[".repeat(100_000)}1${"]".repeat(100_000)}`);
    const r = loadCaseFiles([file]);
    expect(r.cases).toEqual([]);
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ code: "E_SCHEMA" });
    expect(String(r.faults[0]?.message)).toContain("found an array");
  });
});
