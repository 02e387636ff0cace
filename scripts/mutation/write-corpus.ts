/**
 * `tsx scripts/mutation/write-corpus.ts <file>`: what the mutation suite declares its tests from,
 * computed once per `npm run mutation` by the unmutated code and written with v8.serialize
 * (which keeps −0, unlike JSON): the corpus as the loader gives it (cases with their file and
 * pointer, the faults' messages) and the properties' names. The suite reads it through
 * MUTATION_CORPUS instead of loading the corpus for every mutant (1.5 s of each run here) and so
 * that a mutant that breaks loading fails tests instead of leaving none; its "loads every case
 * file" test still loads for real and must get the same.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serialize } from "node:v8";
import type { LoadedCase } from "../../conformance/load/index.js";

export interface Corpus {
  readonly cases: readonly LoadedCase[];
  readonly faults: readonly string[];
  readonly properties: readonly string[];
}

export async function readCorpus(): Promise<Corpus> {
  const { loadCaseFiles } = await import("../../conformance/load/index.js");
  const { PROPERTIES } = await import("../../conformance/properties/index.js");
  const loaded = loadCaseFiles(["conformance/cases"]);
  return { cases: loaded.cases, faults: loaded.faults.map((f) => f.message), properties: PROPERTIES.map((p) => p.name) };
}

// Run as a script (not imported by the suite): write the file named on the command line.
const file = process.argv[2];
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (file === undefined) throw new Error("usage: tsx scripts/mutation/write-corpus.ts <file>");
  writeFileSync(file, serialize(await readCorpus()));
}
