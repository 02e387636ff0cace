/**
 * A logarithmic axis: the data range widened to whole decades, a tick at each power of ten (every
 * second or third one when there are many), and the map from a value to a pixel.
 *
 * Conventions: `from` is the pixel of the low end, `to` of the high end (for a y axis `from` is
 * the bottom, so `from > to`); only positive finite values can sit on a log axis.
 */
export interface LogAxis {
  /** The low and high ends, powers of ten. */
  readonly min: number;
  readonly max: number;
  /** Tick values, powers of ten from min to max. */
  readonly ticks: readonly number[];
  readonly toPixel: (value: number) => number;
}

/** Most ticks on one axis before every k-th decade is kept. */
const MAX_TICKS = 8;

export function logAxis(values: readonly number[], from: number, to: number): LogAxis {
  const usable = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = usable.length === 0 ? 0 : Math.floor(Math.log10(Math.min(...usable)) + 1e-9);
  let hi = usable.length === 0 ? 1 : Math.ceil(Math.log10(Math.max(...usable)) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  const every = Math.ceil((hi - lo + 1) / MAX_TICKS);
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(10 ** e);
  const toPixel = (value: number): number => from + ((Math.log10(value) - lo) / (hi - lo)) * (to - from);
  return { min: 10 ** lo, max: 10 ** hi, ticks, toPixel };
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** A power of ten as a tick label: 1, 10, 10², 10⁻³. */
export function powerOfTenLabel(value: number): string {
  const e = Math.round(Math.log10(value));
  if (e === 0) return "1";
  if (e === 1) return "10";
  return `10${String(e).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}
