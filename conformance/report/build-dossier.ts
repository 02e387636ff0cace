/**
 * Building the failure dossier of a wrong gradient, at failure time, from the case, the backend's
 * answer and the oracles: the worst element, localize.ts's structured departure, and the evidence a
 * person can look at — the float64 finite-difference sweep and the Taylor remainders along the
 * unit vector v at the worst element, for the backend's gradient and for the expected one.
 *
 * v = e_k (k the worst element) so that ⟨g, v⟩ is that element: the FD estimate converges to the
 * expected value and not to the backend's, and the backend's Taylor remainder h·|Δ_k| falls at
 * rate 1 instead of 2. (A random v, as the property uses, would mix the error with the others.)
 *
 * Never throws: a part that cannot be computed is left out and named in `notes`. Runs only on
 * failures, so passing runs pay nothing for it.
 *
 * @see spec/06-conformance.md#conform.dossier
 */
import type { GraphCase, RawTensor, Tensor } from "../../reference/index.js";
import { parseTensor } from "../../reference/index.js";
import { errorScale, float64Objective, highPrecisionGradient, toNumbers, type DTensor, type PrecisionClass } from "../../oracles/index.js";
import { derivativeSweep, evaluateSafely, judgeSweep, resolveFdOptions, taylorTest, type TaylorResult } from "../../oracles/fd/index.js";
import { caseForBackend } from "../backends/case-for-backend.js";
import type { BackendLike } from "../properties/backend-like.js";
import { readGraphAnswer } from "../properties/read-graph-result.js";
import type { Mismatch } from "../run/compare.js";
import { localize, type Localization } from "../run/localize.js";
import { toJsonNumber as j, type DossierFd, type DossierLocalization, type DossierWorst, type FailureDossier, type TaylorSeries } from "./dossier.js";

export interface DossierInput {
  readonly backend: BackendLike;
  /** The judged case, with `expect` (the case's or the oracles'). */
  readonly c: GraphCase;
  /** The backend's answer to the case as sent. */
  readonly result: unknown;
  /** The wrt input of the worst element, and the element (its path starts `gradient.<input>`). */
  readonly input: string;
  readonly worst: Mismatch;
  readonly source: "case" | "oracle";
  readonly precision: PrecisionClass;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function buildDossier(d: DossierInput): Promise<FailureDossier> {
  const sent = caseForBackend(d.c);
  const notes: string[] = [];
  const element = d.worst.path.slice(`gradient.${d.input}`.length);
  const worst: DossierWorst = {
    input: d.input,
    element,
    index: flatIndex(d.c, d.input, element),
    expected: j(d.worst.expected),
    actual: j(d.worst.actual),
    ratio: j(d.worst.ratio),
    ulps: j(d.worst.ulps),
  };
  let localization: DossierLocalization | undefined;
  try {
    localization = localizationJson(await localize(d.backend, sent, d.precision));
  } catch (e) {
    notes.push(`localization: ${message(e)}`);
  }
  const direction = `v = the unit vector at gradient.${d.input}${element}, so ⟨g, v⟩ is that element`;
  let evidence: Pick<FailureDossier, "fd" | "taylor"> = {};
  try {
    evidence = lineEvidence(d, sent, worst.index, notes);
  } catch (e) {
    notes.push(`finite differences and Taylor test: ${message(e)}`);
  }
  return { dossier: 1, case: sent, source: d.source, worst, ...(localization !== undefined ? { localization } : {}), direction, ...evidence, notes };
}

/** The FD sweep and the two Taylor series along v = e_k, k the worst element's flat position. */
function lineEvidence(d: DossierInput, sent: GraphCase, index: number, notes: string[]): Pick<FailureDossier, "fd" | "taylor"> {
  const read = readGraphAnswer(d.result, sent);
  if ("problem" in read) {
    notes.push(`finite differences and Taylor test: the backend's answer is malformed (${read.problem})`);
    return {};
  }
  const obj = float64Objective(sent);
  const at = obj.layout.find((l) => l.id === d.input);
  if (at === undefined) throw new Error(`input ${JSON.stringify(d.input)} is not differentiated`);
  const k = at.offset + index;
  const v = new Float64Array(obj.x.length);
  v[k] = 1;
  const gBackend = obj.flatten(read.gradient as Record<string, number | number[][]>);
  const gOracle = obj.flatten(expectedGradient(d.c) as Record<string, number | number[][]>);
  const unit = obj.flatten(errorScale(sent).gradient as Record<string, number | number[][]>)[k] ?? 0;

  const o = resolveFdOptions();
  const x = obj.x;
  const xk = Math.abs(x[k] ?? 0);
  const point = new Float64Array(x.length);
  const line = {
    at: (t: number) => {
      point.set(x);
      point[k] = (x[k] ?? 0) + t;
      return evaluateSafely(obj.f, point);
    },
    snap: (t: number) => (x[k] ?? 0) + t - (x[k] ?? 0),
  };
  const sweep = derivativeSweep(line, Math.max(1, xk), xk, o);
  const backend = gBackend[k] ?? NaN;
  const oracle = gOracle[k] ?? NaN;
  const verdict = (claimed: number): string => {
    const c = judgeSweep(sweep, claimed, unit, o);
    return `${c.verdict} (${c.reason})`;
  };
  const fd: DossierFd = {
    backend: j(backend),
    oracle: j(oracle),
    verdicts: { backend: verdict(backend), oracle: verdict(oracle) },
    rows: sweep.rows.map((r) => ({ h: r.step, central: j(r.central), extrapolated: j(r.extrapolated) })),
  };
  const series = (t: TaylorResult): TaylorSeries => ({
    slope: j(t.slope),
    rows: t.rows.map((r) => ({ h: r.h, remainder: j(r.remainder), floor: j(r.floor), fitted: r.fitted })),
  });
  const taylor = { backend: series(taylorTest(obj.f, x, gBackend, v)), oracle: series(taylorTest(obj.f, x, gOracle, v)) };
  return { fd, taylor };
}

/** The expected gradient of every wrt input: `expect.gradient`, the oracles' for any input it leaves out. */
function expectedGradient(c: GraphCase): Record<string, Tensor> {
  const given = c.expect !== undefined && !("error" in c.expect) ? c.expect.gradient ?? {} : {};
  const wrt = c.wrt ?? c.graph.inputs.map((i) => i.id);
  const out: Record<string, Tensor> = {};
  const missing = wrt.filter((id) => given[id] === undefined);
  const hp = missing.length > 0 ? highPrecisionGradient(caseForBackend(c), { precision: 40, wrt: missing }) : undefined;
  for (const id of wrt) {
    const e = given[id];
    out[id] = e !== undefined ? parseTensor(e as RawTensor) : toNumbers(hp?.gradient[id] as DTensor);
  }
  return out;
}

/** Row-major position of `[i][j]` in the input `id` ("" for a scalar: 0). */
function flatIndex(c: GraphCase, id: string, element: string): number {
  const m = /^\[(\d+)\]\[(\d+)\]$/.exec(element);
  if (m === null) return 0;
  const value = c.graph.inputs.find((x) => x.id === id)?.value;
  const cols = Array.isArray(value) && Array.isArray(value[0]) ? value[0].length : 1;
  return Number(m[1]) * cols + Number(m[2]);
}

function localizationJson(l: Localization): DossierLocalization {
  const d = l.departure;
  return {
    ...(d !== undefined
      ? { departure: { node: d.node, op: d.op, element: d.element, backend: j(d.backend), oracle: j(d.oracle), ratio: j(d.ratio), ulps: j(d.ulps), consumers: d.consumers.map((n) => ({ id: n.id, op: n.op })) } }
      : {}),
    agreeing: [...l.agreeing],
    passedOver: [...l.passedOver],
  };
}
