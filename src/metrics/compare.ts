import type { ColumnDescription } from './compiler.ts';

/**
 * The change of each metric against the compared period. Both periods are answered by the same
 * compiled query, so every ratio is a ratio of its own period's sums; this only sets them side by side.
 * Ratios change by their difference (8.0% → 8.5% is +0.005, shown as +0.5 pp); everything else by
 * the relative change (+0.073 is +7.3%), unknown when either side is unknown or the base is 0.
 */
export type ChangeBasis = 'difference' | 'relative';

type Row = Record<string, unknown>;

export function changeBasis(column: Pick<ColumnDescription, 'unit'>): ChangeBasis {
  return column.unit === 'ratio' ? 'difference' : 'relative';
}

/**
 * The relative change from `before` to `now`, against the size of the base, so a loss shrinking from
 * −100 to −50 is +50 %: null when either side is unknown or the base is 0 (unknown, not infinite).
 * The one definition of a percent change: the query's --compare, the review documents and the funnel read it.
 */
export function relativeChange(now: unknown, before: unknown): number | null {
  if (typeof now !== 'number' || typeof before !== 'number' || before === 0) return null;
  return (now - before) / Math.abs(before);
}

/** The change of a rate or score: its difference (8.0 % → 8.5 % is +0.005, shown as +0.5 pp); null when either side is unknown. */
export function pointChange(now: unknown, before: unknown): number | null {
  if (typeof now !== 'number' || typeof before !== 'number') return null;
  return now - before;
}

export function changeOf(current: unknown, previous: unknown, basis: ChangeBasis): number | null {
  const change = basis === 'difference' ? pointChange(current, previous) : relativeChange(current, previous);
  return change === null ? null : round(change);
}

// enough digits for a percentage to 0.01 pp, without float noise (0.1 + 0.2) in the JSON
const round = (n: number) => Math.round(n * 1e8) / 1e8;

/**
 * Adds `previous` and `change` (each keyed by metric id) to every row of the current answer, matching
 * the compared period's row with the same dimension values and currency. A row of the compared period
 * with no current row is left out: the answer stays the current period's rows.
 */
export function withComparison<R extends Row>(current: R[], previous: Row[], columns: readonly ColumnDescription[]): (R & { previous: Record<string, number | null>; change: Record<string, number | null> })[] {
  const keys = columns.filter((c) => c.role !== 'metric').map((c) => c.id);
  const metrics = columns.filter((c) => c.role === 'metric');
  const keyOf = (r: Row) => JSON.stringify(keys.map((k) => r[k] ?? null));
  const before = new Map(previous.map((r) => [keyOf(r), r]));
  return current.map((row) => {
    const old = before.get(keyOf(row));
    const prev: Record<string, number | null> = {};
    const change: Record<string, number | null> = {};
    for (const m of metrics) {
      const value = old?.[m.id];
      prev[m.id] = typeof value === 'number' ? value : null;
      change[m.id] = changeOf(row[m.id], prev[m.id], changeBasis(m));
    }
    return { ...row, previous: prev, change };
  });
}
