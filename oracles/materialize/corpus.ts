/**
 * Test support: the conformance corpus's operator and system cases, loaded once.
 *
 * @see spec/05-cases.md#case.file
 */
import { join } from "node:path";
import { loadCaseFiles, type LoadedCase } from "../../conformance/load/index.js";
import type { OperatorCase, SystemCase } from "../../reference/case.js";

const root = join(import.meta.dirname, "..", "..");
let loaded: readonly LoadedCase[] | undefined;

/**
 * Every case of conformance/cases that loads (the loader's faults are its own tests' business),
 * but the NaN-policy cases: their NaN and ±∞ are outside the explicit matrices' decimals.
 */
export function corpusCases(): readonly LoadedCase[] {
  loaded ??= loadCaseFiles([join(root, "conformance", "cases")]).cases.filter((l) => !(l.case.tags ?? []).includes("nan-policy"));
  return loaded;
}

export const systemCases = (): SystemCase[] =>
  corpusCases().flatMap((l) => (l.case.kind === "system" ? [l.case] : []));

export const operatorCases = (): OperatorCase[] =>
  corpusCases().flatMap((l) => (l.case.kind === "operator" ? [l.case] : []));
