/**
 * Case ids are unique across the whole suite, not just within a file.
 *
 * @see spec/05-cases.md#case.file
 */
import { quote, SpecError } from "../../reference/errors.js";
import type { LoadedCase } from "./loaded-case.js";

/** The cases that keep their id (first occurrences) and one fault per later occurrence. */
export interface DuplicateCheck {
  readonly unique: readonly LoadedCase[];
  readonly faults: readonly SpecError[];
}

/**
 * Scan cases in load order: the first case with an id stays loaded; each later one becomes an
 * E_DUPLICATE_ID fault at its own `/cases/<i>/id`, naming where the id was first defined.
 */
export function findDuplicateIds(cases: readonly LoadedCase[]): DuplicateCheck {
  const first = new Map<string, LoadedCase>();
  const unique: LoadedCase[] = [];
  const faults: SpecError[] = [];
  for (const c of cases) {
    const earlier = first.get(c.case.id);
    if (earlier === undefined) {
      first.set(c.case.id, c);
      unique.push(c);
    } else {
      const id = c.case.id;
      const detail = `duplicate case id ${quote(id)}: first defined in ${earlier.file} at ${earlier.pointer}`;
      faults.push(new SpecError("E_DUPLICATE_ID", detail, { file: c.file, caseId: id, pointer: `${c.pointer}/id` }));
    }
  }
  return { unique, faults };
}
