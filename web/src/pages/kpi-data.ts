import { useQuery } from '@tanstack/react-query';
import { api, type Scope } from '../api/client.ts';
import type { Metric, QueryAnswer, QueryRow } from '../api/types.ts';
import type { BaseCoverage } from '../../../src/domain/partial-base.ts';

/** One metric's value in one currency ('' for metrics that carry none), with the server's change against the compared period. */
export interface Valued { currency: string; value: number | null; change: number | null; partial?: BaseCoverage | undefined }

export type ChangeBasis = 'difference' | 'relative';
export interface MetricRows { money: QueryRow[]; other: QueryRow[]; problems: QueryAnswer['problems']; basis: Record<string, ChangeBasis>; compare?: QueryAnswer['compare']; lineage: NonNullable<QueryAnswer['lineage']> }

/**
 * Asks /api/query for metrics as the server computes them. Money is answered per currency unless a
 * currency is chosen (then the server converts), so money metrics go in their own request and the
 * others are never split by currency. With `compare` the server also answers the compared period
 * and each metric's change (from that period's own sums): the browser does not subtract.
 */
export function useMetricRows(key: string, scope: Scope | null, ids: string[], catalog: Map<string, Metric> | undefined, currency: string, by: string[] = [], compare = '', lineage = false) {
  const money = ids.filter((id) => moneyBound(catalog, id));
  const other = ids.filter((id) => !money.includes(id));
  return useQuery({
    queryKey: ['metric-rows', key, scope, ids, currency, by, compare, lineage],
    enabled: Boolean(scope && catalog),
    queryFn: async (): Promise<MetricRows> => {
      const empty: QueryAnswer = { rows: [], columns: [], problems: [] };
      const ask = (metric: string[]) => (metric.length ? api.query({ ...scope, metric, by, ...(currency ? { currency } : {}), ...(compare ? { compare } : {}), ...(lineage ? { lineage: 'true' as const } : {}) }) : Promise.resolve(empty));
      const [m, o] = await Promise.all([ask(money), ask(other)]);
      return {
        money: m.rows, other: o.rows, problems: [...m.problems, ...o.problems],
        basis: { ...m.compare?.basis, ...o.compare?.basis }, ...(m.compare ?? o.compare ? { compare: m.compare ?? o.compare } : {}),
        lineage: [...(m.lineage ?? []), ...(o.lineage ?? [])],
      };
    },
  });
}

/**
 * Money, or a ratio of money (ACoS = ad spend / ad sales): the server answers these per currency
 * unless converted. Read from the catalog's formula, so units and sessions are never split by currency.
 */
export function moneyBound(catalog: Map<string, Metric> | undefined, id: string): boolean {
  const metric = catalog?.get(id);
  if (!metric) return false;
  if (metric.unit === 'money') return true;
  return metric.aggregation === 'ratio' && (metric.formula.match(/[a-z_0-9]+/g) ?? []).some((part) => catalog?.get(part)?.unit === 'money');
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const changeIn = (r: QueryRow, id: string): number | null => num((r.change as Record<string, unknown> | undefined)?.[id]);
/** the metric's `partial_base` in an answer row: its compared period has data for fewer days */
export const partialIn = (r: QueryRow, id: string): BaseCoverage | undefined => (r.partial_base as Record<string, BaseCoverage> | undefined)?.[id];

/** Values of one metric in the rows of an answer (one per currency for money). */
export function valuesOf(rows: Pick<MetricRows, 'money' | 'other'> | undefined, id: string): Valued[] {
  if (!rows) return [];
  const source = rows.money.some((r) => id in r) ? rows.money : rows.other;
  return source.filter((r) => id in r).map((r) => ({ currency: typeof r.currency === 'string' ? r.currency : '', value: num(r[id]), change: changeIn(r, id), partial: partialIn(r, id) }));
}

/** A metric over a dimension (week), for one currency: [label, value] in the answer's order. */
export function seriesOf(rows: Pick<MetricRows, 'money' | 'other'> | undefined, id: string, dim: string, currency: string): [string, number | null][] {
  if (!rows) return [];
  const source = rows.money.some((r) => id in r) ? rows.money : rows.other;
  return source
    .filter((r) => id in r && (currency === '' || r.currency === undefined || r.currency === currency))
    .map((r) => [String(r[dim]), num(r[id])]);
}

/** Rows by dimensions (marketplace; asin × marketplace) with money and other metrics side by side: one row per key and currency. */
export function joinedBy(rows: Pick<MetricRows, 'money' | 'other'> | undefined, dims: string | string[]): QueryRow[] {
  if (!rows) return [];
  const list = Array.isArray(dims) ? dims : [dims];
  const keyOf = (r: QueryRow) => JSON.stringify(list.map((d) => r[d] ?? null));
  const keys = [...new Set([...rows.money, ...rows.other].map(keyOf))].sort();
  return keys.flatMap((k) => {
    const other = rows.other.find((r) => keyOf(r) === k) ?? {};
    const money = rows.money.filter((r) => keyOf(r) === k);
    const merge = (m: QueryRow): QueryRow => ({
      ...other, ...m,
      partial_base: { ...(other.partial_base as Record<string, BaseCoverage> | undefined), ...(m.partial_base as Record<string, BaseCoverage> | undefined) },
      change: { ...(other.change as Record<string, number | null> | undefined), ...(m.change as Record<string, number | null> | undefined) },
    });
    return money.length ? money.map(merge) : [merge({})];
  });
}
