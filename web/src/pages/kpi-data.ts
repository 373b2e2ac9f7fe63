import { useQuery } from '@tanstack/react-query';
import { api, type Scope } from '../api/client.ts';
import type { Metric, QueryRow } from '../api/types.ts';

/** One metric's value in one currency ('' for metrics that carry none). */
export interface Valued { currency: string; value: number | null }

/**
 * Asks /api/query for metrics as the server computes them. Money is answered per currency unless a
 * currency is chosen (then the server converts), so money metrics go in their own request and the
 * others are never split by currency.
 */
export function useMetricRows(key: string, scope: Scope | null, ids: string[], catalog: Map<string, Metric> | undefined, currency: string, by: string[] = []) {
  const money = ids.filter((id) => catalog?.get(id)?.unit === 'money');
  const other = ids.filter((id) => !money.includes(id));
  return useQuery({
    queryKey: ['metric-rows', key, scope, ids, currency, by],
    enabled: Boolean(scope && catalog),
    queryFn: async () => {
      const ask = (metric: string[]) => (metric.length ? api.query({ ...scope, metric, by, ...(currency ? { currency } : {}) }) : Promise.resolve({ rows: [], columns: [], problems: [] }));
      const [m, o] = await Promise.all([ask(money), ask(other)]);
      return { money: m.rows, other: o.rows, problems: [...m.problems, ...o.problems] };
    },
  });
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Values of one metric in the rows of an answer (one per currency for money). */
export function valuesOf(rows: { money: QueryRow[]; other: QueryRow[] } | undefined, id: string): Valued[] {
  if (!rows) return [];
  const source = rows.money.some((r) => id in r) ? rows.money : rows.other;
  return source.filter((r) => id in r).map((r) => ({ currency: typeof r.currency === 'string' ? r.currency : '', value: num(r[id]) }));
}

/** A metric over a dimension (week), for one currency: [label, value] in the answer's order. */
export function seriesOf(rows: { money: QueryRow[]; other: QueryRow[] } | undefined, id: string, dim: string, currency: string): [string, number | null][] {
  if (!rows) return [];
  const source = rows.money.some((r) => id in r) ? rows.money : rows.other;
  return source
    .filter((r) => id in r && (currency === '' || r.currency === undefined || r.currency === currency))
    .map((r) => [String(r[dim]), num(r[id])]);
}
