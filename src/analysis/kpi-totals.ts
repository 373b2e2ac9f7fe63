import { Decimal } from 'decimal.js';
import { metricById } from '../metrics/catalog.ts';
import { combine, type Values } from './kpi-combine.ts';

/**
 * A metric over several answer rows (the ASINs of a KPI's scope), as the catalog aggregates it, in
 * decimal arithmetic: money sums stay exact to the cent, a ratio is the ratio of the summed parts.
 * Unknown (no row has a value) is null, never 0.
 */
export type AnswerRow = Readonly<Record<string, unknown>>;

const D = Decimal.clone({ precision: 40 });
export type Dec = InstanceType<typeof D>;
export const dec = (v: number | string): Dec => new D(v);

const valueOf = (row: AnswerRow, metric: string): number | null => {
  const v = row[metric];
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
};

export function decTotal(metric: string, rows: readonly AnswerRow[]): Dec | null {
  const a = metricById.get(metric)?.aggregation;
  switch (a?.kind) {
    case 'sum': case 'formula': case 'snapshot': {
      const known = rows.map((r) => valueOf(r, metric)).filter((v): v is number => v !== null);
      // each value is exact to its minor unit as a decimal string; the sum is taken in decimals
      return known.length ? known.reduce((s, v) => s.plus(String(v)), new D(0)) : null;
    }
    case 'ratio': {
      const [num, den] = [decTotal(a.numerator, rows), decTotal(a.denominator, rows)];
      return num === null || den === null || den.isZero() ? null : num.div(den).mul(a.scale ?? 1);
    }
    default: {
      const v = combine(metric, rows.map((r) => Object.fromEntries(Object.keys(r).map((k) => [k, valueOf(r, k)])) as Values));
      return v === null ? null : new D(v);
    }
  }
}

/** The total as a number: money to its minor unit (`digits`), other values to 6 decimals. */
export function totalOf(metric: string, rows: readonly AnswerRow[], digits = 2): number | null {
  const t = decTotal(metric, rows);
  if (t === null) return null;
  return t.toDecimalPlaces(metricById.get(metric)?.unit === 'money' ? digits : 6).toNumber();
}

/** Rows grouped per ASIN (store, marketplace, asin), in first-seen order. */
export function rowsPerAsin(rows: readonly AnswerRow[]): { store: string; marketplace: string; asin: string; rows: AnswerRow[] }[] {
  const groups = new Map<string, { store: string; marketplace: string; asin: string; rows: AnswerRow[] }>();
  for (const r of rows) {
    if (typeof r.asin !== 'string') continue;
    const [store, marketplace] = [String(r.store ?? ''), String(r.marketplace ?? '')];
    const key = JSON.stringify([store, marketplace, r.asin]);
    const g = groups.get(key) ?? { store, marketplace, asin: r.asin, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}
