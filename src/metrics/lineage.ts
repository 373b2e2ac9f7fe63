import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';
import { coveredDays, reportLineage, type CoverageScope, type ReportLineage, type ReportType } from '../store/source-coverage.ts';
import { factReportTypes } from './base-coverage.ts';
import { factsOf } from './plan.ts';

/**
 * Where an answer's numbers came from: per report type its metrics read, the days its rows cover, their
 * length (daily, weekly, monthly reports), the attribution window (ads), the marketplaces' time zones
 * (dates are their local dates) and when the rows were imported.
 */
export interface Lineage extends ReportLineage {
  /** the metrics of the answer this report type feeds */
  metrics: string[];
  /** days of the period its rows (lying wholly inside it) cover, and the period's length; null without a period */
  days: number | null;
  period_days: number | null;
  time_zones: Record<string, string>;
}

const daysOf = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export function reportTypesOf(metrics: readonly string[]): Map<ReportType, string[]> {
  const byType = new Map<ReportType, string[]>();
  for (const metric of metrics) {
    for (const fact of factsOf([metric])) {
      for (const type of factReportTypes[fact] ?? []) {
        const list = byType.get(type) ?? [];
        if (!list.includes(metric)) list.push(metric);
        byType.set(type, list);
      }
    }
  }
  return byType;
}

export async function answerLineage(db: Database, metrics: readonly string[], window: { from?: string | undefined; to?: string | undefined }, scope: CoverageScope = {}): Promise<Lineage[]> {
  const byType = reportTypesOf(metrics);
  const found = await reportLineage(db, [...byType.keys()], window, scope);
  return Promise.all(found.map(async (l) => {
    const period = window.from && window.to ? { from: window.from, to: window.to } : null;
    const days = period ? (await coveredDays(db, [l.source], period, scope)).all.days : null;
    return {
      ...l, metrics: byType.get(l.source) ?? [], days, period_days: period ? daysOf(period.from, period.to) : null,
      time_zones: Object.fromEntries(l.marketplaces.map((m) => [m, marketplaceByCode(m)?.timeZone ?? 'unknown'])),
    };
  }));
}
