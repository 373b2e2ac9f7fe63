import { say } from '../domain/messages.ts';
import {
  detectAdSpendJumps, detectConversionChanges, detectDailyEvents, detectWeeklyEvents, type DailyPoint, type DetectedEvent, type SeriesKey, type WeeklyPoint,
} from '../analysis/event-detection.ts';
import { detectionRules } from '../analysis/event-rules.ts';
import { addDays, weekStartOf } from '../domain/calendar.ts';
import { AsterismError, type Problem } from '../domain/errors.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import { runQuery, type QueryRow } from '../metrics/query.ts';
import type { Database } from '../store/database.ts';
import { listEvents, replaceDetectedEvents, type EventRecord } from '../store/events.ts';
import { adsSpans, promotionOrders, type AdsSpan } from '../metrics/event-facts.ts';
import { sayPartialBases } from './event-partial-base.ts';

/**
 * Detects events from the data (SPEC §4) and stores them in place of the detected events of the same
 * scope and period, so a re-run replaces rather than duplicates. Days before `from` are read too
 * (28 for the review average, a week for week-over-week ad spend), but only events that overlap the
 * period are kept.
 */
export interface DetectOptions {
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  asin?: string | undefined;
}

export interface DetectAnswer {
  events: EventRecord[];
  removed: number;
  added: number;
  problems: Problem[];
}

const dailyMetrics = ['sales', 'units', 'available_units', 'sessions', 'buy_box_pct', 'reviews_new'] as const;
/** read by week too: weekly Business Reports answer them only there */
const weeklyMetrics = ['sales', 'units', 'sessions', 'buy_box_pct', 'unit_session_pct'] as const;

export async function detectEvents(db: Database, options: DetectOptions = {}): Promise<DetectAnswer> {
  const scope = checkScope(options);
  const filters = { store: scope.store, marketplace: scope.marketplace, asin: scope.asin };
  const dailyFrom = scope.from && addDays(scope.from, -detectionRules.reviewTrailingDays);
  const daily = await runQuery(db, {
    metrics: [...dailyMetrics], by: ['date', 'store', 'marketplace', 'asin'], ...defined({ ...filters, from: dailyFrom, to: scope.to }),
  });
  const weekly = await runQuery(db, {
    metrics: ['ad_spend', ...weeklyMetrics], by: ['week', 'store', 'marketplace', 'asin'],
    ...defined({ ...filters, from: scope.from && addDays(weekStartOf(scope.from), -7), to: scope.to && lastWholeWeekEnd(scope.to) }),
  });
  const series = dailySeries(daily.rows);
  for (const p of await promotionOrders(db, { ...scope, from: dailyFrom })) {
    const day = pointOf(series, { store: p.store, marketplace: p.marketplace, asin: p.asin, currency: null }, p.date);
    day.promotion_orders = p.orders;
    day.promotion_ids = p.promotionIds;
  }
  const whole = wholeWeeks(await adsSpans(db, scope));
  const weekOverWeek = [
    ...[...weeklySeries(weekly.rows).values()].flatMap((s) => detectAdSpendJumps(s.key, s.weeks.filter((w) => whole(s.key, w.week)))),
    // weekly Business Reports feed the Buy Box and price detectors at their own grain (where no day answers)
    ...[...weeklySeries(weekly.rows).values()].flatMap((s) => detectWeeklyEvents(s.key, s.weeks, [...(series.get(seriesId(s.key))?.days.values() ?? [])])),
    // conversion at the week's grain only, whether the Business Reports are daily or weekly
    ...[...weeklySeries(weekly.rows).values()].flatMap((s) => detectConversionChanges(s.key, s.weeks)),
  ].filter((e) => (!scope.from || e.end_date >= scope.from) && (!scope.to || e.date <= scope.to));
  const detected = [
    ...[...series.values()].flatMap((s) => detectDailyEvents(s.key, [...s.days.values()])),
    // a week compared with one its reports cover fewer days of says so (issue 15.3)
    ...await sayPartialBases(db, weekOverWeek),
  ].filter((e) => (!scope.from || e.end_date >= scope.from) && (!scope.to || e.date <= scope.to));
  const { removed, added } = await replaceDetectedEvents(db, scope, detected.map(toNewEvent));
  const events = await listEvents(db, { ...scope, origins: ['detected'] });
  return { events, removed, added, problems: [...daily.problems, ...weekly.problems] };
}

interface Series {
  key: SeriesKey;
  days: Map<string, DailyPoint>;
}

function dailySeries(rows: readonly QueryRow[]): Map<string, Series> {
  const series = new Map<string, Series>();
  for (const r of rows) {
    if (typeof r.asin !== 'string' || typeof r.date !== 'string' || typeof r.marketplace !== 'string') continue;
    const key: SeriesKey = { store: text(r.store), marketplace: r.marketplace, asin: r.asin, currency: text(r.currency) };
    const day = pointOf(series, key, r.date);
    // rows of another currency for the same ASIN and day add nothing to an average selling price: the first wins
    for (const m of dailyMetrics) day[m] ??= num(r[m]);
  }
  return series;
}

const seriesId = (key: SeriesKey) => `${key.store}\u0000${key.marketplace}\u0000${key.asin}`;

function pointOf(series: Map<string, Series>, key: SeriesKey, date: string): DailyPoint {
  const id = seriesId(key);
  let s = series.get(id);
  if (!s) series.set(id, (s = { key, days: new Map() }));
  if (!s.key.currency && key.currency) s.key = { ...s.key, currency: key.currency };
  let day = s.days.get(date);
  if (!day) s.days.set(date, (day = { date }));
  return day;
}

function weeklySeries(rows: readonly QueryRow[]): Map<string, { key: SeriesKey; weeks: WeeklyPoint[] }> {
  const out = new Map<string, { key: SeriesKey; weeks: WeeklyPoint[] }>();
  for (const r of rows) {
    if (typeof r.asin !== 'string' || typeof r.week !== 'string' || typeof r.marketplace !== 'string') continue;
    const key: SeriesKey = { store: text(r.store), marketplace: r.marketplace, asin: r.asin, currency: text(r.currency) };
    const id = `${key.store}\u0000${key.marketplace}\u0000${key.asin}\u0000${key.currency}`;
    let s = out.get(id);
    if (!s) out.set(id, (s = { key, weeks: [] }));
    s.weeks.push({ week: r.week, ad_spend: num(r.ad_spend), sales: num(r.sales), units: num(r.units), sessions: num(r.sessions), buy_box_pct: num(r.buy_box_pct), unit_session_pct: num(r.unit_session_pct) });
  }
  return out;
}

function checkScope(o: DetectOptions): DetectOptions {
  const from = o.from === undefined ? undefined : parseIsoDate(o.from, '--from');
  const to = o.to === undefined ? undefined : parseIsoDate(o.to, '--to');
  if (from && to && from > to) throw new AsterismError('bad_date', say('from_after_to', { from, to }));
  let marketplace: string | undefined;
  if (o.marketplace !== undefined) {
    marketplace = marketplaceByCode(o.marketplace)?.code;
    if (!marketplace) throw new AsterismError('bad_marketplace', say('unknown_marketplace_code', { value: o.marketplace, more: '' }));
  }
  return defined({ from, to, store: o.store, marketplace, asin: o.asin?.toUpperCase() });
}

/** Whether the ads reports of the series' store and marketplace cover the whole week (the first and
 * last weeks of the data are often partial, and would read as a jump or a drop). */
function wholeWeeks(spans: readonly AdsSpan[]): (key: SeriesKey, week: string) => boolean {
  return (key, week) => spans.some((s) => s.store === key.store && s.marketplace === key.marketplace
    && week >= s.first && addDays(week, 6) <= s.last);
}

/** The Saturday ending the last whole week on or before `date`: a week cut short would read as a drop. */
function lastWholeWeekEnd(date: string): string {
  const saturday = addDays(weekStartOf(date), 6);
  return saturday === date ? date : addDays(weekStartOf(date), -1);
}

function toNewEvent(e: DetectedEvent) {
  return { date: e.date, end_date: e.end_date, type: e.type, asin: e.asin, marketplace: e.marketplace, store: e.store, note: e.note.en, note_zh: e.note.zh };
}

/** Drops unset and empty options, so none is passed on as `undefined`. */
type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined | ''> };
function defined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Defined<T>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);
