/**
 * The conformance suite as vitest tests, for StrykerJS's vitest runner (`npm run mutation`): one
 * test per corpus case and one per property, each asserting what `npm run conform` asserts — the
 * outcome passes. The same code judges as in the CLI (judge, runProperties with the quick
 * profile's 25 random cases and the CLI's default seed), so a mutant killed here is one
 * `npm run conform -- --impl <target> --profile quick` fails on.
 *
 * Why vitest and not the CLI as a command: Stryker's vitest runner keeps vitest running between
 * mutants and records which tests reach each mutant (coverageAnalysis "perTest"), so a mutant
 * runs only the cases that execute it instead of a whole 3-second conform run.
 *
 * Beside conform's corpus and properties, the invalid corpus (conformance/invalid/, the suite's
 * bad-input half): each kind must give the code, case and JSON pointer its hand-written manifest
 * names — the loader's kinds through the loader (which reads cases with the reference's readers),
 * the backend's kinds from the target itself. conform judges a backend's errors by code only
 * (spec error.parity); the pointer is the spec's too (error.message), so it is judged here.
 *
 * Nothing of the project is imported statically: a mutant that makes a module throw while it
 * loads, or the backend's hello fail, must fail every test (conform would exit non-zero), not
 * leave a file with no tests or skipped ones, which Stryker would count as a survivor. So the
 * tests are declared from plain data — the corpus as the unmutated loader gave it
 * (MUTATION_CORPUS, written once per run by write-corpus.ts; loaded here when unset), the
 * manifest — and the code is imported in beforeAll, whose failure each test rethrows.
 *
 * MUTATION_TARGET (set by the Stryker config) names the backend: reference or impl.
 * Not collected by `npm test` (its name does not end in .test.ts).
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { deserialize } from "node:v8";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Backend } from "../../conformance/backends/index.js";
import type { InvalidEntry } from "../../conformance/invalid/manifest.js";
import type { LoadedCase } from "../../conformance/load/index.js";
import type { InProcessBackend } from "../../conformance/run/judge.js";
import type { Case, SpecError } from "../../reference/index.js";
import type { Corpus } from "./write-corpus.js";

const target = process.env["MUTATION_TARGET"] ?? "impl";
if (target !== "impl" && target !== "reference") throw new Error(`MUTATION_TARGET is impl or reference, got ${JSON.stringify(target)}`);
/** conformance/cli.ts's default --seed. */
const SEED = 20230315;
const ROOT = join(import.meta.dirname, "..", "..");
const INVALID = join(ROOT, "conformance", "invalid");

const cached = process.env["MUTATION_CORPUS"];
const corpus: Corpus =
  cached !== undefined && cached !== "" ? (deserialize(readFileSync(cached)) as Corpus) : await (await import("./write-corpus.js")).readCorpus();
const manifest = (JSON.parse(readFileSync(join(INVALID, "manifest.json"), "utf8")) as { entries: InvalidEntry[] }).entries;

/** The project's code, imported once the tests run (see the header). */
interface Loaded {
  readonly backend: Backend;
  readonly module: InProcessBackend;
  readonly capabilities: readonly string[];
  readonly precision: "float32" | "float64";
  readonly judge: typeof import("../../conformance/run/judge.js").judge;
  readonly runProperties: typeof import("../../conformance/run/run-properties.js").runProperties;
  readonly quickRuns: number;
  readonly loadCaseFiles: typeof import("../../conformance/load/index.js").loadCaseFiles;
  readonly SpecError: typeof SpecError;
  /** impl's forgetWasmGemm (see the beforeEach below). */
  readonly forgetWasmGemm: () => void;
}
let loaded: Loaded | undefined;
let failure: unknown;

beforeAll(async () => {
  try {
    const [backends, run, properties, load, ref, implModule, gemmWasm] = await Promise.all([
      import("../../conformance/backends/index.js"),
      import("../../conformance/run/judge.js"),
      import("../../conformance/run/run-properties.js"),
      import("../../conformance/load/index.js"),
      import("../../reference/index.js"),
      import("../../impl/index.js"),
      import("../../impl/gemm-wasm.js"),
    ]);
    const backend = await backends.loadBackend(target);
    const hello = await backend.hello();
    loaded = {
      backend,
      module: target === "impl" ? implModule.impl : ref.reference,
      capabilities: hello.capabilities,
      precision: hello.precision === "float32" ? "float32" : "float64",
      judge: run.judge,
      runProperties: properties.runProperties,
      quickRuns: properties.PROFILES.quick,
      loadCaseFiles: load.loadCaseFiles,
      SpecError: ref.SpecError,
      forgetWasmGemm: gemmWasm.forgetWasmGemm,
    };
  } catch (e) {
    failure = e;
  }
});
afterAll(async () => {
  await loaded?.backend.close();
});

/**
 * impl emits its WebAssembly GEMM module once per process and keeps it; Stryker runs many mutants
 * in one worker process, so a mutant of the emitter (wasm-emit.ts, wasm-gemm-module.ts) would
 * take effect only if no earlier test had built the module. Forgetting it before each test makes
 * every test that reaches the blocked GEMM emit the module under the active mutant.
 */
beforeEach(() => {
  loaded?.forgetWasmGemm();
});

/** The project's code, or the error that kept it from loading (every test fails with it). */
function ready(): Loaded {
  if (loaded === undefined) throw failure instanceof Error ? failure : new Error(`the target did not load: ${String(failure)}`);
  return loaded;
}

describe(`conform --impl ${target}: corpus`, () => {
  it("loads every case file", () => {
    const { loadCaseFiles } = ready();
    expect(corpus.faults).toEqual([]);
    // Loaded again with the (possibly mutated) loader: it must give what the unmutated one gave.
    const fresh = loadCaseFiles(["conformance/cases"]);
    expect({ cases: fresh.cases, faults: fresh.faults.map((f) => f.message) }).toEqual({ cases: corpus.cases, faults: corpus.faults });
  });
  for (const c of corpus.cases) {
    it(c.case.id, async () => {
      const { judge, backend, capabilities, precision } = ready();
      const o = await judge(c, backend, capabilities, precision);
      expect(o.status, o.reason).toBe("pass");
    });
  }
});

describe(`conform --impl ${target}: properties (quick profile)`, () => {
  for (const name of corpus.properties) {
    it(`property.${name}`, async () => {
      const { runProperties, backend, quickRuns } = ready();
      const [o] = await runProperties(backend, { seed: SEED, runs: quickRuns, match: (id) => id === `property.${name}` });
      expect(o?.status, o?.reason).toBe("pass");
    });
  }
});

describe(`conform --impl ${target}: the invalid corpus`, () => {
  const at = (name: string): string => relative(ROOT, join(INVALID, "cases", name));
  for (const e of manifest) {
    it(`${e.level}: ${e.file}`, () => {
      const l = ready();
      const r = l.loadCaseFiles((e.load ?? [e.file]).map(at));
      if (e.level === "loader") {
        expect(r.faults.map((f) => [f.code, f.where.pointer, f.where.caseId ?? null])).toEqual([[e.code, e.pointer, e.caseId]]);
        if (LIBRARY_CHECKED.has(e.file)) expectDirect(l, e);
        return;
      }
      const faulty = r.cases.find((c: LoadedCase) => c.case.id === e.caseId);
      if (faulty === undefined) throw new Error(`${e.file}: no case ${e.caseId}`);
      const err = errorOf(l, faulty.case);
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
  "operator-x-ragged.json",
  "operator-y-ragged.json",
  "ragged-matrix.json",
  "shape-declared-dimension-2-31.json",
  "shape-declared-dimension-huge.json",
  "shape-declared-elements.json",
  "shape-dimension-fraction.json",
  "shape-dimension-zero.json",
  "shape-one-dimension.json",
  "system-rhs-ragged.json",
]);

function expectDirect(l: Loaded, e: InvalidEntry): void {
  const m = /^\/cases\/([0-9]+)(.*)$/.exec(e.pointer);
  if (m === null) throw new Error(`${e.file}: the manifest's pointer ${e.pointer} is not inside a case`);
  const file = JSON.parse(readFileSync(join(INVALID, "cases", e.file), "utf8")) as { cases: Case[] };
  const c = file.cases[Number(m[1])];
  if (c === undefined) throw new Error(`${e.file}: no case at ${e.pointer}`);
  const err = errorOf(l, c);
  expect([err.code, err.where.pointer]).toEqual([e.code, m[2]]);
}

/** The spec error the target throws for a case (no error, or another exception, fails the test). */
function errorOf(l: Loaded, c: Case): SpecError {
  const backend = l.module;
  try {
    if (c.kind === "graph") backend.gradient?.(c);
    else if (c.kind === "system") backend.solve?.(c);
    else backend.apply?.(c);
  } catch (e) {
    if (e instanceof l.SpecError) return e;
    throw e;
  }
  throw new Error(`${c.id}: no error`);
}
