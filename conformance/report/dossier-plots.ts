/**
 * The two plots of a failure dossier, both log-log over the step h along v:
 *
 * - the FD sweep: |D(h) − ⟨g, v⟩|, D(h) the central difference, once with the backend's ⟨g, v⟩ and
 *   once with the expected one. Against the right value the error falls as h² until rounding
 *   (growing as 1/h) takes over; against a wrong one it levels off at |Δ|, the size of the error.
 * - the Taylor test: R(h) = |f(x + hv) − f(x) − h⟨g, v⟩| for both gradients with slope-1 and
 *   slope-2 guides: the expected gradient's remainder falls at rate 2, a wrong gradient's at rate 1
 *   (R ≈ h·|Δ|); the noise floor shows where remainders turn into rounding.
 *
 * @see spec/06-conformance.md#conform.html
 */
import { fromJsonNumber as num, type DossierFd, type TaylorSeries } from "./dossier.js";
import { logLogPlot } from "./log-log-plot.js";

export const BACKEND_COLOR = "#c62828";
export const ORACLE_COLOR = "#1565c0";

const g = (x: number): string => (Number.isFinite(x) ? x.toPrecision(6) : String(x));

export function fdPlot(id: string, fd: DossierFd, expectedSide: string): string {
  const backend = num(fd.backend);
  const oracle = num(fd.oracle);
  const series = (claim: number): [number, number][] => fd.rows.map((r) => [r.h, Math.abs(num(r.central) - claim)]);
  return logLogPlot({
    id,
    title: "Finite-difference sweep: |central difference − ⟨g, v⟩| against the step",
    xLabel: "step h",
    yLabel: "|D(h) − ⟨g, v⟩|",
    series: [
      { label: `backend ⟨g,v⟩ = ${g(backend)}`, color: BACKEND_COLOR, points: series(backend) },
      { label: `${expectedSide} ⟨g,v⟩ = ${g(oracle)}`, color: ORACLE_COLOR, points: series(oracle) },
    ],
  });
}

export function taylorPlot(id: string, t: { readonly backend: TaylorSeries; readonly oracle: TaylorSeries }, expectedSide: string): string {
  const points = (s: TaylorSeries): [number, number][] => s.rows.map((r) => [r.h, num(r.remainder)]);
  const anchor = (s: TaylorSeries): [number, number] => {
    const fitted = s.rows.find((r) => r.fitted && num(r.remainder) > 0) ?? s.rows.find((r) => num(r.remainder) > 0);
    return fitted === undefined ? [NaN, NaN] : [fitted.h, num(fitted.remainder)];
  };
  const slope = (s: TaylorSeries): string => (Number.isFinite(num(s.slope)) ? num(s.slope).toFixed(2) : "—");
  return logLogPlot({
    id,
    title: "Taylor test: remainder |f(x+hv) − f(x) − h⟨g,v⟩| against h",
    xLabel: "step h",
    yLabel: "remainder R(h)",
    series: [
      { label: `backend (slope ${slope(t.backend)})`, color: BACKEND_COLOR, points: points(t.backend) },
      { label: `${expectedSide} (slope ${slope(t.oracle)})`, color: ORACLE_COLOR, points: points(t.oracle) },
      { label: "noise floor", color: "#9e9e9e", dash: "6 3", points: t.oracle.rows.map((r) => [r.h, num(r.floor)]) },
    ],
    guides: [
      { label: "slope 1 (wrong gradient)", color: "#6d4c41", slope: 1, through: anchor(t.backend) },
      { label: "slope 2 (right gradient)", color: "#2e7d32", slope: 2, through: anchor(t.oracle) },
    ],
  });
}
