/**
 * `npx tsx scripts/check-cases.ts [paths…]` (default: conformance/cases): load case files and print
 * every fault, one message per line, then `check-cases: N files, N cases, N faults`. Exit status 1
 * when there is any fault, else 0. It checks what loading checks (JSON, schema, ragged matrices,
 * duplicate ids), not semantics such as unknown primitives: those are outcomes a case may expect.
 *
 * @see spec/05-cases.md#case.file
 */
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadCaseFiles } from "../conformance/load/index.js";

/** The corpus, found from this script's location and named relative to the working directory. */
const CORPUS = relative(process.cwd(), fileURLToPath(new URL("../conformance/cases", import.meta.url))) || ".";

/**
 * Check `paths` (files or directories; none means the corpus) and return the exit status.
 * `print` receives each output line (default: stdout).
 */
export function checkCases(paths: readonly string[], print: (line: string) => void = console.log): number {
  const result = loadCaseFiles(paths.length > 0 ? paths : [CORPUS]);
  for (const fault of result.faults) print(fault.message);
  print(`check-cases: ${result.files.length} files, ${result.cases.length} cases, ${result.faults.length} faults`);
  return result.faults.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = checkCases(process.argv.slice(2));
}
