import type { DetectedEvent } from '../analysis/event-detection.ts';
import type { DetectedType } from '../analysis/event-rules.ts';
import { addDays } from '../domain/calendar.ts';
import { isPartialBase, partialBaseText } from '../domain/partial-base.ts';
import type { Database } from '../store/database.ts';
import { coveredDays, type ReportType } from '../store/source-coverage.ts';

/** The reports whose days a week-over-week event compares (price: Business Report sales, else orders). */
const comparedReports: Partial<Record<DetectedType, readonly ReportType[]>> = {
  ad_spend_jump: ['ads'],
  conversion_change: ['business_report'],
  buy_box_drop: ['business_report'],
  price_change: ['business_report', 'orders'],
};

/**
 * Week-over-week events (each spans its Sunday–Saturday week and compares it with the week before) whose
 * earlier week the reports cover fewer days of than the event's week: the note says so, with the coverage,
 * as every comparison against a partial base does (issue 15.3). The events themselves are kept.
 */
export async function sayPartialBases(db: Database, events: readonly DetectedEvent[]): Promise<DetectedEvent[]> {
  const known = new Map<string, Promise<{ days: number; types: ReportType[] }>>();
  const covered = (types: readonly ReportType[], from: string, e: DetectedEvent) => {
    const key = `${types.join('+')}|${from}|${e.store ?? ''}|${e.marketplace}`;
    let found = known.get(key);
    if (!found) {
      const scope = { ...(e.store ? { store: e.store } : {}), marketplace: e.marketplace };
      found = coveredDays(db, types, { from, to: addDays(from, 6) }, scope).then((c) => c.byMarketplace.get(e.marketplace) ?? { days: 0, types: [] });
      known.set(key, found);
    }
    return found;
  };
  return Promise.all(events.map(async (e) => {
    const types = comparedReports[e.type];
    if (!types) return e;
    const [now, before] = await Promise.all([covered(types, e.date, e), covered(types, addDays(e.date, -7), e)]);
    const source = [...new Set([...now.types, ...before.types])].sort().join('+');
    const coverage = { source, base_days: before.days, base_period_days: 7, current_days: now.days, current_period_days: 7 };
    if (!source || !isPartialBase(coverage)) return e;
    const said = partialBaseText(coverage);
    return { ...e, note: { en: `${e.note.en} (week before: ${said.en})`, zh: `${e.note.zh}（前一周${said.zh}）` } };
  }));
}
