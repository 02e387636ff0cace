/**
 * The property for one mutant case file: load it as the harness does (parse, validate, duplicate
 * ids), then send every case that loads to each backend (the reference and impl, in process,
 * through the same wrapper as `--impl reference` / `--impl impl`, so replies are read as on the
 * wire), with a jvp for every graph case (what law.forward-reverse sends), and — when asked —
 * judge it as run-suite does. Judging is optional because a failing case costs the judge a
 * localization and a dossier (tens of seconds for the paper's MLP), and mutants fail often: only
 * graphs of at most {@link JUDGED_NODES} nodes are judged. Allowed: load faults that are spec errors with a code of
 * `error.codes`, outcomes pass/fail/skip/error — except an error that says a backend threw
 * something that is not a spec error, reported E_INTERNAL, or that the oracles failed. Anything
 * else is a {@link FuzzViolation}.
 *
 * @see spec/05-cases.md#case.file
 * @see spec/06-conformance.md#error.codes
 * @see spec/08-backends.md#backend.in-process
 */
import { ERROR_CODES, SpecError, type Case } from "../../reference/index.js";
import { BackendFault, BackendSpecError, caseForBackend, type Backend } from "../backends/index.js";
import { findDuplicateIds, parseCaseFileText, validateCaseFile, type LoadedCase } from "../load/index.js";
import { judge } from "../run/judge.js";
import { FuzzViolation } from "./fuzz-violation.js";

/** What happened to a mutant, for the run's statistics. */
export interface CaseFileVerdict {
  /** The code of every load fault. */
  readonly faults: readonly string[];
  /** The status of every judged case, per backend (none unless judged). */
  readonly outcomes: readonly string[];
  /** Cases the backends answered differently (a result against a spec error, or two codes): error parity broken. */
  readonly disagreements: readonly string[];
}

const CAPABILITIES = ["gradient", "solve", "apply"];
const FILE = "mutant.json";

/** Loads `text` as loadCaseFiles would load a file holding it (without the I/O). */
export function loadText(text: string): { readonly cases: readonly LoadedCase[]; readonly faults: readonly SpecError[] } {
  let parsed, outcome, duplicates;
  try {
    parsed = parseCaseFileText(FILE, text);
    if (!parsed.ok) return { cases: [], faults: [parsed.fault] };
    outcome = validateCaseFile(FILE, parsed.value);
    duplicates = findDuplicateIds(outcome.cases);
  } catch (e) {
    throw new FuzzViolation("the loader threw", e);
  }
  return { cases: duplicates.unique, faults: [...outcome.faults, ...duplicates.faults] };
}

export async function checkCaseFile(text: string, backends: Readonly<Record<string, Backend>>, options: { readonly judge: boolean }): Promise<CaseFileVerdict> {
  const loaded = loadText(text);
  for (const f of loaded.faults) {
    if (!(f instanceof SpecError) || !(ERROR_CODES as readonly string[]).includes(f.code)) throw new FuzzViolation(`a load fault without a spec code: ${String(f)}`);
  }
  const outcomes: string[] = [];
  const disagreements: string[] = [];
  for (const c of loaded.cases) {
    const answers: string[] = [];
    for (const [name, backend] of Object.entries(backends)) {
      answers.push(await ask(c.case, backend, name));
      if (c.case.kind === "graph") await checkJvp(c.case, backend, name);
      if (!options.judge || !small(c.case)) continue;
      let o;
      try {
        o = await judge(c, backend, CAPABILITIES);
      } catch (e) {
        throw new FuzzViolation(`judging case ${c.case.id} with ${name} threw`, e);
      }
      const reason = o.reason ?? "";
      if (/^(backend threw|backend reported E_INTERNAL|the oracles could not judge|protocol:)/.test(reason)) throw new FuzzViolation(`case ${c.case.id} with ${name}: ${reason}`);
      outcomes.push(o.status);
    }
    if (new Set(answers).size > 1) disagreements.push(`${c.case.id}: ${Object.keys(backends).map((n, i) => `${n} ${answers[i]}`).join(", ")}`);
  }
  return { faults: loaded.faults.map((f) => f.code), outcomes, disagreements };
}

/** Graphs of at most this many nodes are judged: a failure's localization asks the oracles once per node. */
export const JUDGED_NODES = 8;

const small = (c: Case): boolean => c.kind !== "graph" || c.graph.nodes.length <= JUDGED_NODES;

/** The backend's answer to the case's request, as the harness reads it: "result" or the spec error's code. */
async function ask(c: Case, backend: Backend, name: string): Promise<string> {
  const sent = caseForBackend(c);
  try {
    if (sent.kind === "graph") await backend.gradient(sent);
    else if (sent.kind === "system") await backend.solve(sent);
    else await backend.apply(sent);
    return "result";
  } catch (e) {
    if (e instanceof BackendSpecError && e.code !== "E_INTERNAL" && (ERROR_CODES as readonly string[]).includes(e.code)) return e.code;
    throw new FuzzViolation(`${sent.kind === "graph" ? "gradient" : sent.kind === "system" ? "solve" : "apply"} of case ${c.id} with ${name} threw`, e);
  }
}

/** jvp with a zero tangent (every input missing): a result, or a spec error that is not E_INTERNAL. */
async function checkJvp(c: Case & { kind: "graph" }, backend: Backend, name: string): Promise<void> {
  try {
    await backend.jvp(caseForBackend(c), {});
  } catch (e) {
    if (e instanceof BackendSpecError && e.code !== "E_INTERNAL" && (ERROR_CODES as readonly string[]).includes(e.code)) return;
    throw new FuzzViolation(`jvp of case ${c.id} with ${name} threw`, e);
  }
}
