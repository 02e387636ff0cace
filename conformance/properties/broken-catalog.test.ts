// Every in-process entry of the broken-backend catalog, judged as the harness judges a module
// backend (wire encoding and schema included): the corpus and the properties that the catalog says
// catch it fail with the claimed status, nothing errors, and the corpus's error cases all pass —
// a broken backend fails for its bug only, never for validation it skipped (issue 4, section 5).
// The graph properties' claims are checked in broken-graphs.test.ts, which derives its list from
// the catalog and also checks how far the counterexamples shrink.
// The process-level entries are spawned in conformance/adapters/broken/broken-process.test.ts.
import { describe, expect, it } from "vitest";
import { wrapInProcess } from "../backends/index.js";
import { runProperties } from "../run/run-properties.js";
import { runSuite } from "../run/run-suite.js";
import { BROKEN, type BrokenName } from "./testing/broken-backends.js";
import { CATALOG } from "./testing/catalog.js";
import { checkEntry } from "./testing/check-entry.js";

const RUNS = 100; // the default profile runs 1000; the catalog's properties catch each entry well before
/** Checked in broken-graphs.test.ts, with the counterexamples' shrunk sizes (and costly shrinking). */
const GRAPH_PROPERTIES = new Set(["property.graph-gradient", "property.kink-convention", "property.forward-reverse"]);

describe("the in-process broken backends are caught as the catalog says", () => {
  for (const entry of CATALOG.filter((e) => e.level !== "process")) {
    it(`${entry.name}: ${entry.bug}`, async () => {
      const backend = wrapInProcess(BROKEN[entry.name as BrokenName], { label: entry.name });
      const corpus = await runSuite(backend, { cases: ["conformance/cases"] });
      const wanted = new Set(entry.caughtBy.filter((id) => id.startsWith("property.") && !GRAPH_PROPERTIES.has(id)));
      const properties = await runProperties(backend, { seed: 20230315, runs: RUNS, match: (id) => wanted.has(id) });
      const outcomes = [...corpus, ...properties];
      expect(checkEntry({ ...entry, caughtBy: entry.caughtBy.filter((id) => !GRAPH_PROPERTIES.has(id)) }, outcomes)).toEqual([]);
      expect(outcomes.filter((o) => o.status === "error").map((o) => o.id)).toEqual([]);
      expect(corpus.filter((o) => o.id.startsWith("error.") && o.status !== "pass").map((o) => `${o.id}: ${o.reason}`)).toEqual([]);
      expect(corpus.filter((o) => o.status === "pass").length).toBeGreaterThan(100); // otherwise correct
    });
  }
});
