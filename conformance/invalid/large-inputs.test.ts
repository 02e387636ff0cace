// Very large inputs get a clear, bounded answer — a fault naming the file, or a load — and never a
// crash, a hang or a message the size of the input (spec: load.size, case.schemas).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reference, SpecError } from "../../reference/index.js";
import { loadCaseFiles, MAX_CASE_FILE_BYTES, readCaseFile } from "../load/index.js";

const dir = mkdtempSync(join(tmpdir(), "invalid-large-"));
const okCase = (id: string) => ({ id, description: "identity at 1", kind: "operator", operator: { op: "identity" }, x: 1, expect: { apply: 1 } });
const small = join(dir, "small.json");
writeFileSync(small, JSON.stringify({ cases: [okCase("large.small")] }));

describe("a file over the size limit", () => {
  it("is 16 MiB", () => {
    expect(MAX_CASE_FILE_BYTES).toBe(16 * 1024 * 1024);
  });

  it("of one byte more is E_JSON for the file, named with the limit; the other files load", () => {
    const big = join(dir, "over.json");
    const fd = openSync(big, "w");
    ftruncateSync(fd, MAX_CASE_FILE_BYTES + 1); // sparse: costs no disk
    closeSync(fd);
    const r = loadCaseFiles([big, small]);
    expect(r.faults.map((f) => [f.code, f.where.file, f.where.pointer])).toEqual([["E_JSON", big, ""]]);
    expect(r.faults[0]?.message).toContain(big);
    expect(r.faults[0]?.message).toContain(`at most ${MAX_CASE_FILE_BYTES} bytes`);
    expect(r.cases.map((c) => c.case.id)).toEqual(["large.small"]);
  });

  it.skipIf(!existsSync("/dev/zero"))("that never ends (/dev/zero) is read only up to the limit, then E_JSON", () => {
    const r = loadCaseFiles(["/dev/zero"]);
    expect(r.faults.map((f) => [f.code, f.where.file])).toEqual([["E_JSON", "/dev/zero"]]);
    expect(r.faults[0]?.message).toContain("too large");
  });
});

describe("a file that is not a regular file", () => {
  const fifo = join(dir, "pipe.json");
  const made = spawnSync("mkfifo", [fifo]).status === 0;
  it.skipIf(!made)("a named pipe with no writer reads as empty: E_JSON at once, not a wait for ever", () => {
    const r = loadCaseFiles([fifo, small]);
    expect(r.faults.map((f) => [f.code, f.where.file, f.where.pointer])).toEqual([["E_JSON", fifo, ""]]);
    expect(r.faults[0]?.message).toContain("line 1, column 1: expected a value, found end of input");
    expect(r.cases.map((c) => c.case.id)).toEqual(["large.small"]);
  });
  const bash = spawnSync("bash", ["-c", "true"]).status === 0;
  it.skipIf(!bash)("a pipe whose writer is slow to write (--cases <(command)) is waited for and loads", () => {
    // The writer waits longer than the script takes to start, so the first read finds the pipe
    // empty (EAGAIN, the file being open non-blocking) — the case this test is about.
    const command = `'${process.execPath}' --import tsx scripts/check-cases.ts <(sleep 2; cat '${small}')`;
    const r = spawnSync("bash", ["-c", command], { encoding: "utf8" });
    expect(r.stdout.trimEnd()).toBe("check-cases: 1 files, 1 cases, 0 faults");
    expect(r.status).toBe(0);
  });
});

describe("files within the limit load", () => {
  it("a file of exactly the limit, and not one byte more (a limit of 64 bytes here, to stay quick)", () => {
    const file = join(dir, "exact.json");
    const text = '{"cases": []}'.padEnd(64, " ");
    writeFileSync(file, text);
    expect(readCaseFile(file, 64)).toBe(text);
    writeFileSync(file, `${text} `);
    const fault = readCaseFile(file, 64);
    expect(fault).toBeInstanceOf(SpecError);
    expect([(fault as SpecError).code, (fault as SpecError).where.pointer]).toEqual(["E_JSON", ""]);
  });

  it("a file of 10 000 cases (about 3 MB): every one", () => {
    const file = join(dir, "many.json");
    const cases = Array.from({ length: 10_000 }, (_, i) => okCase(`large.many.c${i}`));
    writeFileSync(file, JSON.stringify({ cases }, null, 1));
    const r = loadCaseFiles([file]);
    expect(r.faults).toEqual([]);
    expect(r.cases).toHaveLength(10_000);
    expect(r.cases.at(-1)?.pointer).toBe("/cases/9999");
  });
});

describe("a hostile file within the limit", () => {
  it("nested 200 000 levels deep in one case: E_SCHEMA at level 101 of that case; its neighbours load", () => {
    const file = join(dir, "deep.json");
    const depth = 200_000;
    const deep = `{"id": "large.deep", "description": "x nested deep", "kind": "operator", "operator": {"op": "identity"}, "x": ${"[".repeat(depth)}1${"]".repeat(depth)}}`;
    writeFileSync(file, `{"cases": [${JSON.stringify(okCase("large.before"))}, ${deep}, ${JSON.stringify(okCase("large.after"))}]}`);
    const r = loadCaseFiles([file]);
    // x is level 1 of the case; the element at level 101 is x followed by 100 indices.
    const pointer = `/cases/1/x${"/0".repeat(100)}`;
    expect(r.faults.map((f) => [f.code, f.where.caseId, f.where.pointer])).toEqual([["E_SCHEMA", "large.deep", pointer]]);
    expect(r.cases.map((c) => c.case.id)).toEqual(["large.before", "large.after"]);
  });

  it("a case id of a million characters, twice: E_DUPLICATE_ID with a short message", () => {
    const file = join(dir, "long-id.json");
    const id = `large.${"a".repeat(1_000_000)}`;
    writeFileSync(file, JSON.stringify({ cases: [okCase(id), okCase(id)] }));
    const r = loadCaseFiles([file]);
    expect(r.faults.map((f) => [f.code, f.where.caseId === id, f.where.pointer])).toEqual([["E_DUPLICATE_ID", true, "/cases/1/id"]]);
    const message = r.faults[0]?.message ?? "";
    expect(message.length).toBeLessThan(1000);
    expect(message).toContain(file);
    expect(message).toContain("at /cases/1/id");
    expect(message).toContain(`(${id.length} characters)`);
  });

  it("a primitive name of a million characters: the backend's E_UNKNOWN_OP message stays short", () => {
    const op = "x".repeat(1_000_000);
    const c = { id: "large.op", description: "d", kind: "graph" as const, graph: { inputs: [{ id: "x", value: 1 }], nodes: [{ id: "y", op, args: ["x"] }], output: "y" } };
    let err: unknown;
    try {
      reference.gradient(c);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    const e = err as SpecError;
    expect([e.code, e.where.pointer, e.where.caseId]).toEqual(["E_UNKNOWN_OP", "/graph/nodes/0/op", "large.op"]);
    expect(e.message.length).toBeLessThan(1000);
  });
});
