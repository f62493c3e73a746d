/** Exact percentiles over every recorded value (a run records at most a few hundred thousand). */
export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function distribution(values: number[]): Distribution {
  if (values.length === 0) return { count: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, p50: rank(sorted, 0.5), p90: rank(sorted, 0.9), p99: rank(sorted, 0.99), max: sorted[sorted.length - 1] };
}

/** Nearest-rank percentile: the smallest value such that at least q of the values are not above it. */
function rank(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 10) return value.toFixed(1);
  return Math.round(value).toString();
}

export function pair(d: Distribution): string {
  return d.count === 0 ? '–' : `${ms(d.p50)} / ${ms(d.p99)}`;
}

export function rate(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toString() : '–';
}

/** A plain-text table: the first row is the header; numbers are right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column > 0 && /^[-\d.,/ –%x×]+$/.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
