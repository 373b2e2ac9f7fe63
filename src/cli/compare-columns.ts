import type { ChangeBasis } from '../metrics/compare.ts';

/**
 * `--compare` in a terminal table or CSV (issue 27): what JSON carries in each row's `previous` and `change`
 * (keyed by metric) as columns beside the metric itself: `sales`, `previous.sales`, `change.sales`.
 * On a terminal a change reads as JSON's basis says: a relative change as a percent (+0.073 is +7.3%),
 * a ratio's difference in percentage points (+0.005 is +0.5 pp); CSV keeps JSON's numbers.
 */
export interface ComparedRow { previous?: Record<string, number | null>; change?: Record<string, number | null> }

/** The column ids with each compared metric followed by its previous value and its change. */
export function withCompareColumns(columns: readonly string[], compared: readonly string[]): string[] {
  const metrics = new Set(compared);
  return columns.flatMap((c) => (metrics.has(c) ? [c, `previous.${c}`, `change.${c}`] : [c]));
}

/** Each row with `previous.<metric>` and `change.<metric>` as its own cells (`text`: the change written for a terminal). */
export function flattenCompare<R extends object & ComparedRow>(
  rows: readonly R[], basis: Readonly<Record<string, ChangeBasis>>, how: 'text' | 'number',
): (Omit<R, 'previous' | 'change'> & Record<string, string | number | null>)[] {
  return rows.map((row) => {
    const { previous = {}, change = {}, ...rest } = row;
    const cells: Record<string, string | number | null> = {};
    for (const [metric, value] of Object.entries(previous)) cells[`previous.${metric}`] = value;
    for (const [metric, value] of Object.entries(change)) cells[`change.${metric}`] = how === 'number' ? value : changeText(value, basis[metric] ?? 'relative');
    return { ...rest, ...cells } as Omit<R, 'previous' | 'change'> & Record<string, string | number | null>;
  });
}

/** A change as a person reads it: +7.3% (relative) or −0.5 pp (a ratio's difference); unknown is null (printed —). */
export function changeText(change: number | null | undefined, basis: ChangeBasis): string | null {
  if (change === null || change === undefined) return null;
  const sign = change > 0 ? '+' : change < 0 ? '-' : '';
  const size = (Math.abs(change) * 100).toFixed(1);
  return basis === 'difference' ? `${sign}${size} pp` : `${sign}${size}%`;
}
