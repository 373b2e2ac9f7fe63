import { combine, lifecycleTier, partsOf, type KpiTarget, type Values } from '../analysis/index.ts';
import { addDays, daysBetween } from '../domain/calendar.ts';
import { moneyNumber } from '../domain/currencies.ts';
import type { Problem } from '../domain/errors.ts';
import { metricById } from '../metrics/catalog.ts';
import { usesMoney } from '../metrics/plan.ts';
import { productFacts, productKey } from '../metrics/product-facts.ts';
import type { QueryRow } from '../metrics/query.ts';
import type { Database } from '../store/database.ts';
import { asinsOfProductLine } from '../store/product-lines.ts';
import { answerScopes } from './kpi-batch.ts';

/**
 * Each target's actual, from the metric layer on the target's scope. The query filters store,
 * marketplace and ASIN itself; parent ASIN is an answer dimension picked from the rows; a product
 * line or lifecycle tier is a set of ASINs whose rows are combined as the catalog says. The owner is
 * who answers for a target, not what it measures: only a target with no other scope reads the
 * owner's products (effective-dated per fact row, as the products file says).
 */
export interface Window {
  from: string;
  to: string;
}

export interface Measured {
  actual: number | null;
  currency: string | null;
}

interface Plan {
  key: string;
  request: { from: string; to: string; store?: string; marketplace?: string; asin?: string; currency?: string; by: string[] };
  metrics: string[];
  match: (row: QueryRow) => boolean;
}

/** Which ASIN rows belong to a product line or lifecycle tier; null when the target names neither. */
type AsinFilter = (t: KpiTarget) => Promise<((row: QueryRow) => boolean) | null>;

const pairKey = (a: unknown, b: unknown) => `${String(a ?? '')}|${String(b ?? '')}`;

function asinFilter(db: Database, window: Window): AsinFilter {
  let facts: ReturnType<typeof productFacts> | undefined;
  return async (t) => {
    const { product_line: line, tier } = t.scope;
    if (!line && !tier) return null;
    // the line as it stood at the period's end
    const inLine = line ? new Set((await asinsOfProductLine(db, line, window.to)).map((p) => pairKey(p.store, p.asin))) : null;
    // the tier at the period's start (SPEC §4: new = first sale less than 90 days before it)
    const known = tier ? await (facts ??= productFacts(db)) : null;
    const tierOf = (row: QueryRow) => {
      const f = known?.get(productKey(String(row.marketplace), String(row.asin)));
      return lifecycleTier({ firstSaleDate: f?.firstSaleDate ?? null, markedTier: f?.markedTier ?? null, periodStart: window.from });
    };
    return (row) => row.asin !== null
      && (!inLine || inLine.has(pairKey(row.store, row.asin)))
      && (!tier || tierOf(row) === tier.trim().toLowerCase());
  };
}

/** A target read on its owner's products: one whose scope names nothing else. */
export const readsOwnerProducts = (t: KpiTarget): boolean => t.owner !== null && Object.values(t.scope).every((v) => !v);

async function planOf(t: KpiTarget, window: Window, currency: string | undefined, filters: AsinFilter): Promise<Plan> {
  const s = t.scope;
  const inSet = await filters(t);
  const owner = readsOwnerProducts(t) ? t.owner : null;
  const by = [
    ...(owner ? ['owner'] : []), ...(s.parent_asin ? ['parent_asin'] : []),
    ...(inSet ? ['store', 'marketplace', 'asin'] : []),
  ];
  const request = {
    from: window.from, to: window.to, by,
    ...(s.store ? { store: s.store } : {}), ...(s.marketplace ? { marketplace: s.marketplace } : {}), ...(s.asin ? { asin: s.asin } : {}),
    ...(currency ? { currency } : {}),
  };
  const match = (row: QueryRow): boolean =>
    (!owner || row.owner === owner)
    && (!s.parent_asin || String(row.parent_asin ?? '').toUpperCase() === s.parent_asin.toUpperCase())
    && (!inSet || inSet(row));
  // money and other KPIs are asked apart: money splits rows by currency, a count or rate must not
  const money = metricById.has(t.kpi) && usesMoney([t.kpi]);
  // the parts too: rows of several ASINs are combined from them, and a rate's base of 0 is told apart from no rows
  return { key: JSON.stringify([request, money]), request, metrics: partsOf(t.kpi), match };
}

/** The actual of each target over `window` (same order), and the problems the metric layer reported. */
export async function measureTargets(
  db: Database, targets: readonly KpiTarget[], window: Window,
  /** byDate: one row per day (seasonal shape); byAsin: one row per ASIN (explanations); also: more metrics to ask */
  options: { currency?: string | undefined; byDate?: boolean; byAsin?: boolean; also?: readonly string[] } = {},
): Promise<{ rows: QueryRow[][]; problems: Problem[]; unfit: Set<string>[] }> {
  const known = targets.map((t) => metricById.has(t.kpi));
  const filters = asinFilter(db, window);
  const plans = await Promise.all(targets.map((t) => planOf(t, window, options.currency, filters)));
  const groups = new Map<string, { request: Plan['request']; metrics: Set<string> }>();
  plans.forEach((p, i) => {
    if (!known[i]) return;
    const g = groups.get(p.key) ?? { request: p.request, metrics: new Set<string>() };
    [...p.metrics, ...(options.also ?? [])].forEach((m) => g.metrics.add(m));
    groups.set(p.key, g);
  });
  const more = [...(options.byDate ? ['date'] : []), ...(options.byAsin ? ['store', 'marketplace', 'asin'] : [])];
  const questions = new Map([...groups].map(([key, g]) => [key, { ...g.request, by: [...new Set([...g.request.by, ...more])], metrics: [...g.metrics] }]));
  // each question's answer, asked together with the questions that differ only in their scope (answers.ts)
  const answers = await answerScopes(db, questions);
  const problems: Problem[] = [];
  for (const key of groups.keys()) {
    for (const p of answers.get(key)?.problems ?? []) if (!problems.some((q) => q.message === p.message)) problems.push(p);
  }
  // per question, the sources whose rows did not fit the window (a monthly report asked for a week)
  const unfitOf = (key: string) => new Set((answers.get(key)?.problems ?? []).flatMap((p) => (p.code === 'grain' && p.source ? [p.source] : [])));
  return {
    rows: plans.map((p, i) => (known[i] ? (answers.get(p.key)?.rows ?? []).filter(p.match) : [])), problems,
    unfit: plans.map((p) => unfitOf(p.key)),
  };
}

/** One value from the rows of one target: combined over ASINs, refused across currencies. */
export function actualOf(kpi: string, rows: readonly QueryRow[]): Measured & { mixed: boolean } {
  const currencies = [...new Set(rows.map((r) => (typeof r.currency === 'string' ? r.currency : null)).filter((c) => c !== null))];
  if (currencies.length > 1) return { actual: null, currency: null, mixed: true };
  const values = rows.map((r) => r as Values);
  const actual = values.length ? combine(kpi, values) : null;
  const currency = currencies[0] ?? null;
  // money in its currency's minor unit (summed first, rounded here where it is shown); other values to 6 places
  const money = metricById.get(kpi)?.unit === 'money' && currency !== null;
  return { actual: actual === null ? null : money ? moneyNumber(String(actual), currency) : Number(actual.toFixed(6)), currency, mixed: false };
}

/** Last year's daily values of an additive KPI over `window`, in date order; days without rows count 0. */
export function dailyShape(kpi: string, rows: readonly QueryRow[], window: Window): (number | null)[] | null {
  const byDate = new Map<string, QueryRow[]>();
  for (const r of rows) byDate.set(String(r.date), [...(byDate.get(String(r.date)) ?? []), r]);
  if (byDate.size === 0) return null;
  return Array.from({ length: daysBetween(window.from, window.to) + 1 }, (_, i) => {
    const day = byDate.get(addDays(window.from, i));
    return day ? actualOf(kpi, day).actual : 0;
  });
}
