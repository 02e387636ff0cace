/**
 * Paths (files and directories) → the case files to load, in a deterministic order.
 *
 * @see spec/05-cases.md#case.file
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { SpecError } from "../../reference/errors.js";

/** The files found, and an E_JSON fault for each path that cannot be read. */
export interface CaseFileList {
  readonly files: readonly string[];
  readonly faults: readonly SpecError[];
}

/**
 * Expand `paths`: a file is taken as is (whatever its extension), a directory is walked recursively
 * for `*.json` files. All the files found are then sorted by absolute path (code-unit order), so the
 * load order — which decides which occurrence of a duplicate case id stays loaded
 * (spec/06-conformance.md#error.scope) — does not depend on the order of `paths`. A file reached
 * twice is listed once. A path that does not exist or cannot be read yields an E_JSON fault, in the
 * order given. Never throws.
 */
export function listCaseFiles(paths: readonly string[]): CaseFileList {
  const byKey = new Map<string, string>();
  const faults: SpecError[] = [];
  const add = (file: string): void => {
    const key = resolve(file);
    if (!byKey.has(key)) byKey.set(key, file);
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path).forEach(add);
      else add(path);
    } catch (e) {
      faults.push(new SpecError("E_JSON", `cannot read: ${reason(e)}`, { file: path, pointer: "" }));
    }
  }
  const files = [...byKey.keys()].sort(byCodeUnits).map((key) => byKey.get(key) as string);
  return { files, faults };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  return e instanceof Error ? e.message : String(e);
}
