import { metricById } from '../metrics/catalog.ts';

/**
 * A KPI over several answer rows (the ASINs of a product line or a lifecycle tier), combined the way
 * the catalog aggregates it: sums add, a ratio is the ratio of its combined parts (never an average
 * of ratios), a distinct count cannot be combined. Read from the catalog, so no formula is re-typed.
 */
export type Values = Readonly<Record<string, number | null | undefined>>;

/** Additive KPIs build up over a period (sales, units); rates and snapshots do not. */
export function isAdditive(metric: string): boolean {
  const kind = metricById.get(metric)?.aggregation.kind;
  return kind === 'sum' || kind === 'formula';
}

/** The metric and every metric its value is made of, for one query that can combine it. */
export function partsOf(metric: string): string[] {
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    const a = metricById.get(id)?.aggregation;
    if (a?.kind === 'ratio') { visit(a.numerator); visit(a.denominator); }
    if (a?.kind === 'formula') a.terms.forEach((t) => visit(t.metric));
    // a weighted share (Buy Box %) is weighted by page views
    if (a?.kind === 'weighted') visit('page_views');
  };
  visit(metric);
  return [...found];
}

const sum = (xs: (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
};

export function combine(metric: string, rows: readonly Values[]): number | null {
  if (rows.length === 1) return rows[0]?.[metric] ?? null;
  const a = metricById.get(metric)?.aggregation;
  const values = rows.map((r) => r[metric] ?? null);
  switch (a?.kind) {
    case 'sum': case 'snapshot': case 'formula':
      return sum(values);
    case 'ratio': {
      const num = combine(a.numerator, rows);
      const den = combine(a.denominator, rows);
      return num === null || den === null || den === 0 ? null : (num / den) * (a.scale ?? 1);
    }
    case 'weighted': {
      const pairs = rows.map((r) => [r[metric] ?? null, r.page_views ?? null] as const).filter(([v, w]) => v !== null && w !== null);
      const weight = pairs.reduce((s, [, w]) => s + (w ?? 0), 0);
      return weight > 0 ? pairs.reduce((s, [v, w]) => s + (v ?? 0) * (w ?? 0), 0) / weight : null;
    }
    // distinct counts (unique customers) cannot be added across ASINs
    case 'native':
      return values.filter((v) => v !== null).length === 1 ? values.find((v) => v !== null) ?? null : null;
    default:
      return null;
  }
}
