/**
 * Runs one property against a backend with fast-check's `check` (never `assert`): a failure
 * becomes a {@link PropertyResult}, not a throw. Failures are shrunk; the last failing value
 * fast-check tried is its counterexample, whose case gets `expect` from the oracles. A backend that
 * throws (not a spec error) is reported at the first case that made it throw, unshrunk: later calls
 * are not made, so a crashing or hanging backend costs one request, not a shrinking session.
 * Deterministic for a given seed, backend and property.
 *
 * `explain`, when given, is asked once, after shrinking, about the shrunk counterexample (with its
 * oracle `expect`) and its answer is appended to the reason — e.g. the worst element and the first
 * departing node of a graph case. It never runs on the attempts made while shrinking, so its cost
 * is paid once per failing property; a fault in it is reported, never hides the verdict.
 *
 * @see spec/06-conformance.md#conform.outcome
 * @see spec/06-conformance.md#conform.report
 */
import fc from "fast-check";
import type { Case } from "../../reference/case.js";
import type { PrecisionClass } from "../../oracles/index.js";
import type { FailureDossier } from "../report/dossier.js";
import type { BackendLike } from "./backend-like.js";
import { withOracleExpect } from "./oracle-expect.js";
import type { PropertyOptions, PropertyResult } from "./property-result.js";
import type { PropertyDefinition, Verdict } from "./verdict.js";

type Failing = Extract<Verdict, { kind: "fail" | "error" }>;

/**
 * More about a failure, from its shrunk counterexample: a sentence for the reason and, for a graph
 * case, the failure dossier the HTML report draws (spec/06-conformance.md#conform.dossier);
 * undefined when there is nothing to add.
 */
export type Explain = (backend: BackendLike, counterexample: Case, precision: PrecisionClass) => Promise<{ readonly text: string; readonly dossier?: FailureDossier } | undefined>;

const idToken = (s: string): string => s.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");

export async function runProperty<T>(def: PropertyDefinition<T>, backend: BackendLike, options: PropertyOptions, explain?: Explain): Promise<PropertyResult> {
  const started = performance.now();
  const base = { name: def.name, seed: options.seed, inconclusive: 0 };
  const seconds = (): number => (performance.now() - started) / 1000;
  let hello;
  try {
    hello = await backend.hello();
  } catch (e) {
    return { ...base, status: "error", runs: 0, reason: `hello failed: ${e instanceof Error ? e.message : String(e)}`, seconds: seconds() };
  }
  if (!Array.isArray(hello?.capabilities)) return { ...base, status: "error", runs: 0, reason: `hello gave no capabilities list: ${JSON.stringify(hello)}`, seconds: seconds() };
  const missing = def.requires.filter((c) => !hello.capabilities.includes(c));
  if (missing.length > 0) return { ...base, status: "skip", runs: 0, reason: `the backend lacks the capability ${missing.map((m) => `"${m}"`).join(", ")}`, seconds: seconds() };
  if (options.runs <= 0) return { ...base, status: "skip", runs: 0, reason: "no runs requested", seconds: seconds() };
  const precision: PrecisionClass = hello.precision === "float32" ? "float32" : "float64";

  let inconclusive = 0;
  let last: Failing | undefined; // the verdict of the last failing value: fast-check's counterexample
  let errored: Failing | undefined;
  let harness: unknown;
  const stats: Record<string, number> = {};
  const context = {
    precision,
    count: (name: string) => {
      if (last === undefined) stats[name] = (stats[name] ?? 0) + 1;
    },
  };
  const property = fc.asyncProperty(def.arbitrary, async (value) => {
    if (errored !== undefined || harness !== undefined) return true; // stop calling: report the first
    let v: Verdict;
    try {
      v = await def.check(backend, value, context);
    } catch (e) {
      harness = e;
      return false;
    }
    switch (v.kind) {
      case "pass":
        return true;
      case "inconclusive":
        if (last === undefined) inconclusive++;
        return true;
      case "fail":
        last = v;
        return false;
      case "error":
        errored = v;
        return false;
    }
  });
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  const common = { ...base, inconclusive, runs: details.numRuns, ...(Object.keys(stats).length > 0 ? { stats } : {}) };
  if (harness !== undefined) {
    const e = harness instanceof Error ? `${harness.message}\n${harness.stack ?? ""}` : String(harness);
    return { ...common, status: "error", reason: `harness fault (a bug in the property or an oracle, not the backend): ${e}`, seconds: seconds() };
  }
  const reported = errored ?? last;
  if (!details.failed || reported === undefined) return { ...common, status: "pass", seconds: seconds() };
  const run = (details.counterexamplePath ?? "0").split(":")[0];
  const tag = `random.${idToken(def.name)}.s${options.seed >>> 0}.run${run}`;
  let counterexample: Case;
  let filled = false;
  try {
    counterexample = { ...withOracleExpect(reported.case), id: tag, description: `${def.name}: ${reported.kind === "error" ? "first erring" : "shrunk failing"} case (seed ${options.seed}, path ${details.counterexamplePath})`, tags: [...new Set([...(reported.case.tags ?? []), "random", idToken(def.name)])] };
    filled = true;
  } catch (e) {
    counterexample = { ...reported.case, id: tag, description: `${def.name}: failing case; the oracles could not fill expect (${e instanceof Error ? e.message : String(e)})` };
  }
  let more: { readonly text: string; readonly dossier?: FailureDossier } | undefined;
  if (explain !== undefined && reported.kind === "fail" && filled) {
    try {
      more = await explain(backend, counterexample, precision);
    } catch (e) {
      more = { text: `could not localize: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return {
    ...common,
    status: reported.kind,
    counterexample,
    ...(reported.kind === "fail" && reported.tangent !== undefined ? { tangent: reported.tangent } : {}),
    ...(reported.kind === "error" && reported.fault !== undefined ? { fault: reported.fault } : {}),
    ...(details.counterexamplePath !== null ? { path: details.counterexamplePath } : {}),
    reason: more === undefined ? reported.reason : `${reported.reason}; ${more.text}`,
    ...(more?.dossier !== undefined ? { dossier: more.dossier } : {}),
    shrinks: details.numShrinks,
    seconds: seconds(),
  };
}
