import type { DetectedEvent } from '../analysis/event-detection.ts';
import type { DetectedType } from '../analysis/event-rules.ts';
import { addDays } from '../domain/calendar.ts';
import { isPartialBase, partialBaseText } from '../domain/partial-base.ts';
import type { Database } from '../store/database.ts';
import { coveredDaysByWeek, type ReportType } from '../store/source-coverage.ts';

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
  // one coverage question per store, marketplace and set of reports, over all the weeks its events need
  const groups = new Map<string, { types: readonly ReportType[]; store: string | null; marketplace: string; from: string; to: string }>();
  const groupOf = (e: DetectedEvent, types: readonly ReportType[]) => `${types.join('+')}|${e.store ?? ''}|${e.marketplace}`;
  for (const e of events) {
    const types = comparedReports[e.type];
    if (!types) continue;
    const key = groupOf(e, types);
    const g = groups.get(key) ?? { types, store: e.store, marketplace: e.marketplace, from: addDays(e.date, -7), to: addDays(e.date, 6) };
    groups.set(key, { ...g, from: [g.from, addDays(e.date, -7)].sort()[0] as string, to: [g.to, addDays(e.date, 6)].sort()[1] as string });
  }
  const weeks = new Map<string, Map<string, { days: number; types: ReportType[] }>>();
  for (const [key, g] of groups) weeks.set(key, await coveredDaysByWeek(db, g.types, g, { store: g.store, marketplace: g.marketplace }));
  return events.map((e) => {
    const types = comparedReports[e.type];
    const covered = types ? weeks.get(groupOf(e, types)) : undefined;
    if (!types || !covered) return e;
    const none = { days: 0, types: [] };
    const [now, before] = [covered.get(e.date) ?? none, covered.get(addDays(e.date, -7)) ?? none];
    const source = [...new Set([...now.types, ...before.types])].sort().join('+');
    const coverage = { source, base_days: before.days, base_period_days: 7, current_days: now.days, current_period_days: 7 };
    if (!source || !isPartialBase(coverage)) return e;
    const said = partialBaseText(coverage);
    return { ...e, note: { en: `${e.note.en} (week before: ${said.en})`, zh: `${e.note.zh}（前一周${said.zh}）` } };
  });
}
