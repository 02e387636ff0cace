/**
 * `tsx scripts/mutation/write-corpus.ts <file>`: loads conformance/cases with the unmutated
 * loader and writes what it gives (cases with their file and pointer, and the faults' messages)
 * with v8.serialize (which keeps −0, unlike JSON), once per `npm run mutation`. The mutation suite reads it instead of loading the corpus
 * again for every mutant (1.5 s of each run here); its "loads every case file" test still loads
 * for real and must get the same, so a mutant that changes what the loader gives is still killed.
 */
import { writeFileSync } from "node:fs";
import { serialize } from "node:v8";
import { loadCaseFiles } from "../../conformance/load/index.js";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: tsx scripts/mutation/write-corpus.ts <file>");
const loaded = loadCaseFiles(["conformance/cases"]);
writeFileSync(file, serialize({ cases: loaded.cases, faults: loaded.faults.map((f) => f.message) }));
