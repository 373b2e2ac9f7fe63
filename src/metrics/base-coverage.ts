import { isPartialBase, type BaseCoverage } from '../domain/partial-base.ts';
import type { Database } from '../store/database.ts';
import { coveredDays, type CoverageScope, type CoveredDays, type ReportType } from '../store/source-coverage.ts';
import type { FactId } from './facts.ts';
import { factsOf } from './plan.ts';

export type { BaseCoverage };

/**
 * Which report types date each fact's rows. A fact read from two (sales: the Business Report, else
 * order items) is covered on a day either covers. Snapshots, trailing windows and monthly storage fees
 * are not compared by their days here.
 */
export const factReportTypes: Partial<Record<FactId, readonly ReportType[]>> = {
  traffic: ['business_report'],
  br_sales: ['business_report'],
  sales: ['business_report', 'orders'],
  orders: ['orders', 'business_report'],
  order_items: ['orders'],
  ads: ['ads'],
  ad_costs: ['ads'],
  search_funnel: ['brand_analytics'],
  repeat_purchase: ['brand_analytics'],
  reviews: ['reviews'],
  returns: ['returns'],
  returns_matched: ['orders'],
  // profit lines are dated by their orders (the default basis) or by posting: covered on a day either covers
  transactions: ['settlements', 'orders'],
  landed_costs: ['orders'],
};

type Window = { from: string; to: string };

const daysOf = (w: Window) => Math.round((Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / 86_400_000) + 1;

/** The coverage of both periods, asked once per fact; `partialOf` then answers per metric and marketplace. */
export interface ComparedCoverage {
  /** the metric's coverage where its base is partial (the first such fact), else null; `marketplace`
   * undefined: the whole scope */
  partialOf(metric: string, marketplace?: string | null): BaseCoverage | null;
  /** every fact's coverage over the whole scope, by report type */
  all: BaseCoverage[];
}

export async function comparedCoverage(db: Database, metrics: readonly string[], current: Window, base: Window, scope: CoverageScope = {}): Promise<ComparedCoverage> {
  const byFact = new Map<FactId, { current: CoveredDays; base: CoveredDays }>();
  for (const fact of factsOf(metrics)) {
    const types = factReportTypes[fact];
    if (!types) continue;
    byFact.set(fact, { current: await coveredDays(db, types, current, scope), base: await coveredDays(db, types, base, scope) });
  }
  const figure = (fact: FactId, marketplace?: string | null): BaseCoverage | null => {
    const c = byFact.get(fact);
    if (!c) return null;
    const now = marketplace ? c.current.byMarketplace.get(marketplace) : c.current.all;
    const before = marketplace ? c.base.byMarketplace.get(marketplace) : c.base.all;
    const types = [...new Set([...(now?.types ?? []), ...(before?.types ?? [])])].sort();
    if (types.length === 0) return null;
    return { source: types.join('+'), base_days: before?.days ?? 0, base_period_days: daysOf(base), current_days: now?.days ?? 0, current_period_days: daysOf(current) };
  };
  const all = [...byFact.keys()].map((f) => figure(f)).filter((c): c is BaseCoverage => c !== null);
  return {
    all: [...new Map(all.map((c) => [c.source, c])).values()],
    partialOf(metric, marketplace) {
      for (const fact of factsOf([metric])) {
        const c = figure(fact, marketplace);
        if (c && isPartialBase(c)) return c;
      }
      return null;
    },
  };
}
