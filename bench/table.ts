/** Plain-text tables for the terminal: columns padded, numbers right-aligned. */
export function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const width = header.map((_, j) => Math.max(...all.map((r) => [...(r[j] ?? "")].length)));
  const numeric = (s: string): boolean => /^[-+]?[\d.]/.test(s);
  const line = (r: readonly string[]): string =>
    r.map((c, j) => (numeric(c) && j > 0 ? c.padStart(width[j]!) : c.padEnd(width[j]!))).join("  ").trimEnd();
  return [title, line(header), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Milliseconds with three significant figures (at least). */
export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));
export const times = (v: number): string => `${v.toFixed(2)}×`;
