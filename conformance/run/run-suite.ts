/**
 * Running a set of case files against a backend: load (faults become errored outcomes), filter,
 * judge each case. Results already computed are never lost to a later fault, and a backend that
 * stops answering does not cost a timeout per remaining case.
 *
 * @see spec/06-conformance.md#conform.outcome
 * @see spec/08-backends.md#backend.unresponsive
 */
import type { PrecisionClass } from "../../oracles/bound/index.js";
import { BackendFault } from "../backends/index.js";
import type { SpecError } from "../../reference/errors.js";
import { loadCaseFiles } from "../load/index.js";
import { judge, type InProcessBackend } from "./judge.js";
import type { Outcome } from "./outcome.js";
import { inShard, type Shard } from "./shard.js";

/**
 * Timeouts in a row after which the backend is deemed unresponsive and the remaining cases are not
 * sent. Three, not one: a single slow case (or a slow restart) should not end a run.
 *
 * @see spec/08-backends.md#backend.unresponsive
 */
export const UNRESPONSIVE_AFTER = 3;

export interface SuiteOptions {
  readonly cases: readonly string[];
  /** A glob on case ids: `*` matches any run of characters, `?` one character. */
  readonly filter?: string;
  /** Only cases carrying at least one of these tags (none: every case). */
  readonly tags?: readonly string[];
  /** Called with each outcome as soon as it is known (streamed reports). */
  readonly onOutcome?: (o: Outcome) => void;
  /** Called once, before the first outcome, with how many outcomes the corpus will give (progress). */
  readonly onPlanned?: (count: number) => void;
  /**
   * `--shard k/n`: only the cases, and the load faults naming a case, whose id hashes to this
   * shard; a fault naming no case (a file that does not load) is every shard's.
   *
   * @see spec/06-conformance.md#conform.shard
   */
  readonly shard?: Shard;
}

/**
 * The outcome id of a load fault: its case id, or — for a file that does not load, or a case with
 * no valid id — the file and, for a case, its pointer `/cases/i` (spec error.scope). Reports,
 * merges, JUnit and expectations key outcomes by id, so one shared name such as "(file)" would
 * make several faults one. The parentheses keep it apart from case ids and mark it as run-level
 * for merging (every shard reports it).
 *
 * @see spec/06-conformance.md#error.scope
 */
export function loadFaultId(f: SpecError): string {
  if (f.where.caseId !== undefined) return f.where.caseId;
  const inCase = /^\/cases\/\d+/.exec(f.where.pointer ?? "")?.[0];
  return `(file ${f.where.file ?? "?"}${inCase !== undefined ? ` at ${inCase}` : ""})`;
}

/**
 * Loads `options.cases`, asks the backend's hello for its capabilities and precision, and judges
 * every selected case in load order, one at a time. A hello that fails ends the run with one
 * errored outcome `(hello)`; the caller closes the backend.
 */
export async function runSuite(backend: InProcessBackend, options: SuiteOptions): Promise<Outcome[]> {
  const loaded = loadCaseFiles([...options.cases]);
  const faults = loaded.faults.filter((f) => f.where.caseId === undefined || inShard(f.where.caseId, options.shard));
  const match = options.filter === undefined ? () => true : globMatcher(options.filter);
  const cases = loaded.cases.filter((c) => match(c.case.id) && hasTag(c.case.tags, options.tags) && inShard(c.case.id, options.shard));
  options.onPlanned?.(faults.length + cases.length);
  const outcomes: Outcome[] = [];
  const emit = (o: Outcome): void => {
    outcomes.push(o);
    options.onOutcome?.(o);
  };
  for (const f of faults) emit({ id: loadFaultId(f), file: f.where.file ?? "", status: "error", reason: f.message });
  let capabilities: readonly string[];
  let precision: PrecisionClass;
  try {
    const hello = await backend.hello();
    capabilities = hello.capabilities;
    precision = hello.precision === "float32" ? "float32" : "float64";
  } catch (e) {
    const fault = e instanceof BackendFault ? { fault: e.kind } : {};
    emit({ id: "(hello)", file: "", status: "error", reason: `hello failed: ${e instanceof BackendFault ? `${e.kind}: ` : ""}${e instanceof Error ? e.message : String(e)}`, ...fault });
    return outcomes;
  }
  for (const c of cases) {
    if (unresponsive(outcomes)) {
      emit({ id: c.case.id, file: c.file, status: "error", reason: `${NOT_SENT} (${UNRESPONSIVE_AFTER} requests in a row timed out; spec: backend.unresponsive)` });
      continue;
    }
    emit(await judge(c, backend, capabilities, precision));
  }
  return outcomes;
}

const NOT_SENT = "not sent: the backend is unresponsive";

/**
 * Whether the outcomes so far end with {@link UNRESPONSIVE_AFTER} timeouts in a row: then nothing
 * more is sent to the backend — no case and no property. Any answer breaks the streak; a skip sent
 * nothing (or proves nothing) and leaves it as it is; a case not sent continues it.
 *
 * @see spec/08-backends.md#backend.unresponsive
 */
export function unresponsive(outcomes: readonly Outcome[]): boolean {
  let timeouts = 0;
  for (let k = outcomes.length - 1; k >= 0 && timeouts < UNRESPONSIVE_AFTER; k--) {
    const o = outcomes[k] as Outcome;
    if (o.reason?.startsWith(NOT_SENT) === true) return true;
    if (o.fault === "timeout") timeouts++;
    else if (o.status !== "skip") return false;
  }
  return timeouts >= UNRESPONSIVE_AFTER;
}

/** Whether a case with `tags` is selected by `wanted` (any one suffices; no selection: all). */
export function hasTag(tags: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean {
  return wanted === undefined || wanted.length === 0 || (tags ?? []).some((t) => wanted.includes(t));
}

export function globMatcher(glob: string): (id: string) => boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  const re = new RegExp(`^${source}$`);
  return (id) => re.test(id);
}
