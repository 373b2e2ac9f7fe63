import type { Period, TargetTable } from '../family.ts';

export const storageFeeTarget: TargetTable = { table: 'storage_fees', dateFrom: 'month', dateTo: 'month', guardKey: 'asin' };

/** From the first day of the earliest month to the last day of the latest: the days the fees cover. */
export function monthPeriod(firstDays: readonly string[]): Period | null {
  const sorted = [...new Set(firstDays)].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;
  const [y, m] = last.split('-').map(Number);
  const end = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
  return { from: first, to: end };
}
