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
 * Expand `paths` in the order given: a file is taken as is (whatever its extension), a directory
 * is walked recursively for `*.json` files, sorted by path (code-unit order). A file reached twice
 * is listed once. A path that does not exist or cannot be read yields an E_JSON fault. Never throws.
 */
export function listCaseFiles(paths: readonly string[]): CaseFileList {
  const files: string[] = [];
  const faults: SpecError[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path).sort(byCodeUnits).forEach(add);
      else add(path);
    } catch (e) {
      faults.push(new SpecError("E_JSON", `cannot read: ${reason(e)}`, { file: path, pointer: "" }));
    }
  }
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
