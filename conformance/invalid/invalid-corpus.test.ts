// Every kind of invalid input gives its code, and a message naming the file, the case id and the
// JSON pointer; the valid cases beside it still load and pass (spec: error.scope, error.message).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { impl } from "../../impl/index.js";
import { reference, SpecError, type Case } from "../../reference/index.js";
import { loadCaseFiles } from "../load/index.js";
import { judge, type InProcessBackend } from "../run/judge.js";
import { CASES_DIR, readManifest, type InvalidEntry } from "./manifest.js";

const root = join(CASES_DIR, "..", "..", "..");
const manifest = readManifest();
const at = (name: string): string => relative(root, join(CASES_DIR, name));
const loadEntry = (e: InvalidEntry) => loadCaseFiles((e.load ?? [e.file]).map(at));

/** What a backend answers for a case: the spec error it throws (anything else fails the test). */
function errorOf(backend: InProcessBackend, c: Case): SpecError {
  try {
    if (c.kind === "graph") backend.gradient?.(c);
    else if (c.kind === "system") backend.solve?.(c);
    else backend.apply?.(c);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error(`${c.id}: no error`);
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith(".json") ? [relative(CASES_DIR, p)] : [];
  });
}

describe("the invalid corpus's manifest", () => {
  it("lists at least 40 kinds, one file each, and every file of the corpus", () => {
    expect(manifest.length).toBeGreaterThanOrEqual(40);
    const files = manifest.map((e) => e.file);
    expect(new Set(files).size).toBe(files.length);
    const loaded = manifest.flatMap((e) => (e.load ?? [e.file]).flatMap((p) => (p.endsWith(".json") ? [p] : jsonFiles(join(CASES_DIR, p)))));
    expect(new Set(loaded)).toEqual(new Set(jsonFiles(CASES_DIR)));
  });

  it("cites an anchor of the spec for every rule", () => {
    for (const e of manifest) {
      const [chapter, anchor] = e.anchor.split("#") as [string, string];
      expect(readFileSync(join(root, chapter), "utf8"), e.anchor).toContain(`<a id="${anchor}"></a>`);
    }
  });
});

describe("faults the loader finds", () => {
  it.each(manifest.filter((e) => e.level === "loader").map((e) => [e.file, e] as const))("%s", (_, e) => {
    const r = loadEntry(e);
    expect(r.faults.map((f) => [f.code, f.where.pointer, f.where.caseId ?? null])).toEqual([[e.code, e.pointer, e.caseId]]);
    const fault = r.faults[0] as SpecError;
    expect(fault.where.file).toBe(at(e.file));
    expect(fault.message).toContain(at(e.file));
    expect(fault.message).toContain(`at ${e.pointer === "" ? "the document root" : e.pointer}`);
    if (e.caseId !== null) expect(fault.message).toContain(`case ${e.caseId}`);
    if (e.line !== undefined) expect(fault.message).toContain(`line ${e.line}, column ${e.column}`);
    // The valid cases load; the faulty one (or file) does not.
    expect(r.cases.map((c) => c.case.id).sort()).toEqual([...e.valid].sort());
  });
});

describe("faults a backend reports as the case's result", () => {
  const entries = manifest.filter((e) => e.level === "backend");
  it.each(entries.map((e) => [e.file, e] as const))("%s", async (_, e) => {
    const r = loadEntry(e);
    expect(r.faults).toEqual([]);
    const faulty = r.cases.find((c) => c.case.id === e.caseId);
    if (faulty === undefined) throw new Error(`${e.file}: no case ${e.caseId}`);
    expect(e.pointer.startsWith(`${faulty.pointer}/`) || e.pointer === faulty.pointer).toBe(true);
    const inCase = e.pointer.slice(faulty.pointer.length);
    for (const backend of [reference, impl]) {
      const err = errorOf(backend, faulty.case);
      expect([err.code, err.where.pointer, err.where.caseId]).toEqual([e.code, inCase, e.caseId]);
      expect(err.message).toContain(`case ${e.caseId}`);
      expect(err.message).toContain(`at ${inCase}`);
      // Seen from the file, as the harness names it: the file, the case and the whole pointer.
      const seen = err.within({ file: faulty.file, pointer: faulty.pointer });
      expect(seen.message).toContain(at(e.file));
      expect(seen.message).toContain(`case ${e.caseId}`);
      expect(seen.message).toContain(`at ${e.pointer}`);
    }
    // The harness: the valid cases pass; the faulty one (which expects a result) fails naming the code.
    const caps = reference.hello().capabilities;
    const outcomes = await Promise.all(r.cases.map((c) => judge(c, reference, caps)));
    expect(outcomes.map((o) => [o.id, o.status])).toEqual(r.cases.map((c) => [c.case.id, c.case.id === e.caseId ? "fail" : "pass"]));
    const reason = outcomes.find((o) => o.id === e.caseId)?.reason;
    expect(reason).toContain(`unexpected error ${e.code}: case ${e.caseId}, at ${inCase}`);
    // The backend's pointer is relative to the case; the report states where the case is (spec: error.message).
    expect(reason).toContain(`relative to the case, which is at ${faulty.pointer} in its file`);
    expect(r.cases.map((c) => c.case.id).filter((id) => id !== e.caseId).sort()).toEqual([...e.valid].sort());
  });
});
