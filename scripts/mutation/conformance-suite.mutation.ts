/**
 * The conformance suite as vitest tests, for StrykerJS's vitest runner (`npm run mutation`): one
 * test per corpus case and one per property, each asserting what `npm run conform` asserts — the
 * outcome passes. The same code judges as in the CLI (runSuite's judge, runProperties with the
 * quick profile's 25 random cases and the CLI's default seed), so a mutant killed here is one
 * `npm run conform -- --impl <target> --profile quick` fails on.
 *
 * Why vitest and not the CLI as a command: Stryker's vitest runner keeps vitest running between
 * mutants and records which tests reach each mutant (coverageAnalysis "perTest"), so a mutant
 * runs only the cases that execute it instead of a whole 3-second conform run. The corpus as the
 * unmutated loader gives it comes from MUTATION_CORPUS when set (written once per run by
 * write-corpus.ts, see run.mjs), since loading it costs more than most mutants' tests.
 *
 * Beside conform's corpus and properties, the invalid corpus (conformance/invalid/, the suite's
 * bad-input half): each kind must give the code, case and JSON pointer its hand-written manifest
 * names — the loader's kinds through the loader (which reads cases with the reference's readers),
 * the backend's kinds from the target itself. conform judges a backend's errors by code only
 * (spec error.parity); the pointer is the spec's too (error.message), so it is judged here.
 *
 * MUTATION_TARGET (set by the Stryker config) names the backend: reference or impl.
 * Not collected by `npm test` (its name does not end in .test.ts).
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { deserialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrecisionClass } from "../../oracles/bound/index.js";
import { loadBackend, type Backend } from "../../conformance/backends/index.js";
import { loadCaseFiles, type LoadedCase } from "../../conformance/load/index.js";
import { judge } from "../../conformance/run/judge.js";
import { PROFILES, runProperties } from "../../conformance/run/run-properties.js";
import { PROPERTIES } from "../../conformance/properties/index.js";
import { CASES_DIR, readManifest, type InvalidEntry } from "../../conformance/invalid/manifest.js";
import { reference, SpecError, type Case } from "../../reference/index.js";
import { impl } from "../../impl/index.js";
import type { InProcessBackend } from "../../conformance/run/judge.js";

const target = process.env["MUTATION_TARGET"] ?? "impl";
if (target !== "impl" && target !== "reference") throw new Error(`MUTATION_TARGET is impl or reference, got ${JSON.stringify(target)}`);
/** conformance/cli.ts's default --seed. */
const SEED = 20230315;

const CORPUS = ["conformance/cases"];
const cached = process.env["MUTATION_CORPUS"];
const loaded: { readonly cases: readonly LoadedCase[]; readonly faults: readonly string[] } =
  cached !== undefined && cached !== "" ? (deserialize(readFileSync(cached)) as { cases: LoadedCase[]; faults: string[] }) : freshLoad();

function freshLoad(): { readonly cases: readonly LoadedCase[]; readonly faults: readonly string[] } {
  const r = loadCaseFiles(CORPUS);
  return { cases: r.cases, faults: r.faults.map((f) => f.message) };
}
let backend: Backend;
let capabilities: readonly string[];
let precision: PrecisionClass;

beforeAll(async () => {
  backend = await loadBackend(target);
  const hello = await backend.hello();
  capabilities = hello.capabilities;
  precision = hello.precision === "float32" ? "float32" : "float64";
});
afterAll(async () => {
  await backend.close();
});

describe(`conform --impl ${target}: corpus`, () => {
  it("loads every case file", () => {
    expect(loaded.faults).toEqual([]);
    // Loaded again with the (possibly mutated) loader: it must give what the unmutated one gave.
    if (cached !== undefined && cached !== "") expect(freshLoad()).toEqual(loaded);
  });
  for (const c of loaded.cases) {
    it(c.case.id, async () => {
      const o = await judge(c, backend, capabilities, precision);
      expect(o.status, o.reason).toBe("pass");
    });
  }
});

describe(`conform --impl ${target}: properties (quick profile)`, () => {
  for (const p of PROPERTIES) {
    it(`property.${p.name}`, async () => {
      const [o] = await runProperties(backend, { seed: SEED, runs: PROFILES.quick, match: (id) => id === `property.${p.name}` });
      expect(o?.status, o?.reason).toBe("pass");
    });
  }
});

describe(`conform --impl ${target}: the invalid corpus`, () => {
  const root = join(CASES_DIR, "..", "..", "..");
  const load = (e: InvalidEntry) => loadCaseFiles((e.load ?? [e.file]).map((name) => relative(root, join(CASES_DIR, name))));
  const module: InProcessBackend = target === "impl" ? impl : reference;
  for (const e of readManifest()) {
    it(`${e.level}: ${e.file}`, () => {
      const r = load(e);
      if (e.level === "loader") {
        expect(r.faults.map((f) => [f.code, f.where.pointer, f.where.caseId ?? null])).toEqual([[e.code, e.pointer, e.caseId]]);
        if (LIBRARY_CHECKED.has(e.file)) expectDirect(module, e);
        return;
      }
      const faulty = r.cases.find((c) => c.case.id === e.caseId);
      if (faulty === undefined) throw new Error(`${e.file}: no case ${e.caseId}`);
      const err = errorOf(module, faulty.case);
      expect([err.code, err.where.pointer, err.where.caseId]).toEqual([e.code, e.pointer.slice(faulty.pointer.length), e.caseId]);
    });
  }
});

/**
 * Loader-level kinds the reference and impl must also find on their own, as libraries given a
 * case no loader has seen (reference/number.ts: tensors and declared shapes are read with the
 * spec's rules, value.tensor and load.declared-shape): the case's raw JSON goes straight to the
 * target, which must give the manifest's code at the manifest's pointer, relative to the case.
 * The other loader-level kinds (JSON syntax, unknown fields, ids, wrong types) are the loader's
 * alone (spec error.scope): a backend never receives them.
 */
const LIBRARY_CHECKED: ReadonlySet<string> = new Set([
  "empty-matrix.json",
  "empty-row.json",
  "number-string.json",
  "ragged-matrix.json",
  "shape-declared-dimension-2-31.json",
  "shape-declared-dimension-huge.json",
  "shape-declared-elements.json",
]);

function expectDirect(backend: InProcessBackend, e: InvalidEntry): void {
  const m = /^\/cases\/([0-9]+)(.*)$/.exec(e.pointer);
  if (m === null) throw new Error(`${e.file}: the manifest's pointer ${e.pointer} is not inside a case`);
  const file = JSON.parse(readFileSync(join(CASES_DIR, e.file), "utf8")) as { cases: Case[] };
  const c = file.cases[Number(m[1])];
  if (c === undefined) throw new Error(`${e.file}: no case at ${e.pointer}`);
  const err = errorOf(backend, c);
  expect([err.code, err.where.pointer]).toEqual([e.code, m[2]]);
}

/** The spec error a backend throws for a case (no error, or another exception, fails the test). */
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
