import { addDays, daysBetween } from '../domain/calendar.ts';
import { currencyDigits } from '../domain/marketplaces.ts';
import { adSpendMinimum, adSpendMinimumDefault, detectionRules as rules, noteOf, type DetectedType, type NoteData } from './event-rules.ts';

/**
 * Events detected from the data (SPEC §4 confounders): pure functions from daily and weekly series
 * of one ASIN in one marketplace to events. No SQL here: app/detect-events.ts queries the metric layer.
 */
export interface DailyPoint {
  date: string;
  sales?: number | null;
  units?: number | null;
  available_units?: number | null;
  sessions?: number | null;
  buy_box_pct?: number | null;
  reviews_new?: number | null;
  /** distinct orders of the day whose items carry a promotion with an item discount */
  promotion_orders?: number | null;
  promotion_ids?: readonly string[];
}

export interface WeeklyPoint {
  /** the Sunday that starts the week */
  week: string;
  ad_spend: number | null;
  /** weekly Business Reports (Sunday–Saturday): what the Buy Box and price detectors read at this grain */
  sales?: number | null;
  units?: number | null;
  sessions?: number | null;
  buy_box_pct?: number | null;
  /** Business Report units ÷ its sessions, from the week's sums */
  unit_session_pct?: number | null;
}

export interface SeriesKey {
  store: string | null;
  marketplace: string;
  asin: string;
  /** currency of sales and ad spend */
  currency: string | null;
}

export interface DetectedEvent extends Omit<SeriesKey, 'currency'> {
  date: string;
  end_date: string;
  type: DetectedType;
  note: { en: string; zh: string };
}

// floating-point slack, so that 20.00 → 21.00 counts as the +5.0% it is
const eps = 1e-9;

export function detectDailyEvents(key: SeriesKey, days: readonly DailyPoint[]): DetectedEvent[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  return [
    ...detectPriceChanges(key, sorted), ...detectStockouts(key, sorted), ...detectBuyBoxDrops(key, sorted),
    ...detectPromotions(key, sorted), ...detectReviewSpikes(key, sorted),
  ].sort(byDate);
}

/** ASP (sales ÷ units) moving ≥ 5% from the previous day with units; days without units are skipped. */
export function detectPriceChanges(key: SeriesKey, days: readonly DailyPoint[]): DetectedEvent[] {
  const out: DetectedEvent[] = [];
  let prev: number | undefined;
  for (const d of days) {
    if (!d.units || d.units <= 0 || d.sales === null || d.sales === undefined) continue;
    const asp = d.sales / d.units;
    if (prev !== undefined && prev > 0) {
      const change = asp / prev - 1;
      if (Math.abs(change) >= rules.priceChange - eps) {
        out.push(event(key, d.date, d.date, 'price_change', { from: money(prev, key.currency), to: money(asp, key.currency), change: pct(change) }));
      }
    }
    prev = asp;
  }
  return out;
}

/** Days with 0 available units in a snapshot, or with sessions and a Buy Box of 0; a run of consecutive days is one event. */
export function detectStockouts(key: SeriesKey, days: readonly DailyPoint[]): DetectedEvent[] {
  const flagged = days.filter((d) => d.available_units === 0 || isBuyBoxZero(d));
  return runsOf(flagged).map((run) => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    return event(key, first.date, last.date, 'stockout', {
      days: run.length, availableZero: run.some((d) => d.available_units === 0), buyBoxZero: run.some(isBuyBoxZero),
    });
  });
}

/** Buy Box falling below 70% from at or above it, or by 20 points, from the previous day with a Buy Box.
 * A Buy Box of 0 with sessions is a stock-out, not a drop. */
export function detectBuyBoxDrops(key: SeriesKey, days: readonly DailyPoint[]): DetectedEvent[] {
  const out: DetectedEvent[] = [];
  let prev: number | undefined;
  for (const d of days) {
    const bb = d.buy_box_pct;
    if (bb === null || bb === undefined || isBuyBoxZero(d)) continue;
    if (prev !== undefined) {
      const crossed = prev >= rules.buyBoxFloor - eps && bb < rules.buyBoxFloor - eps;
      const fell = prev - bb >= rules.buyBoxDrop - eps;
      if (crossed || fell) {
        out.push(event(key, d.date, d.date, 'buy_box_drop', { from: percent(prev), to: percent(bb), points: signed((bb - prev) * 100, 1) }));
      }
    }
    prev = bb;
  }
  return out;
}

/** Orders with promotion ids (coupons, Prime exclusive discounts, promotions); a run of consecutive days is one event. */
export function detectPromotions(key: SeriesKey, days: readonly DailyPoint[]): DetectedEvent[] {
  const flagged = days.filter((d) => (d.promotion_orders ?? 0) > 0);
  return runsOf(flagged).map((run) => {
    const ids = [...new Set(run.flatMap((d) => d.promotion_ids ?? []))].sort();
    const promotions = ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
    const orders = run.reduce((n, d) => n + (d.promotion_orders ?? 0), 0);
    return event(key, run[0]!.date, run[run.length - 1]!.date, 'coupon', { orders, promotions });
  });
}

/** New reviews in a day ≥ 3 × the daily average of the trailing 28 days (days without reviews count 0) and ≥ 3. */
export function detectReviewSpikes(key: SeriesKey, days: readonly DailyPoint[]): DetectedEvent[] {
  const out: DetectedEvent[] = [];
  const window = rules.reviewTrailingDays;
  for (const d of days) {
    const n = d.reviews_new ?? 0;
    if (n < rules.reviewSpikeMinimum) continue;
    const from = addDays(d.date, -window);
    const trailing = days.filter((t) => t.date >= from && t.date < d.date).reduce((s, t) => s + (t.reviews_new ?? 0), 0);
    const average = trailing / window;
    if (n >= rules.reviewSpikeFactor * average - eps) {
      out.push(event(key, d.date, d.date, 'review_spike', { reviews: n, average: average.toFixed(2), days: window }));
    }
  }
  return out;
}

/** Ad spend up or down ≥ 50% from the week before, when either week reaches the minimum base (about USD 5).
 * Weeks without ad data are unknown, not 0: they are not compared. */
export function detectAdSpendJumps(key: SeriesKey, weeks: readonly WeeklyPoint[]): DetectedEvent[] {
  const sorted = [...weeks].sort((a, b) => a.week.localeCompare(b.week));
  const minimum = adSpendMinimum[key.currency ?? ''] ?? adSpendMinimumDefault;
  const out: DetectedEvent[] = [];
  sorted.forEach((w, i) => {
    const p = sorted[i - 1];
    if (!p || daysBetween(p.week, w.week) !== 7 || p.ad_spend === null || w.ad_spend === null) return;
    if (Math.max(p.ad_spend, w.ad_spend) < minimum) return;
    const change = p.ad_spend === 0 ? null : w.ad_spend / p.ad_spend - 1;
    if (change !== null && Math.abs(change) < rules.adSpendJump - eps) return;
    out.push(event(key, w.week, addDays(w.week, 6), 'ad_spend_jump', {
      from: money(p.ad_spend, key.currency), to: money(w.ad_spend, key.currency), change: change === null ? null : pct(change),
    }));
  });
  return out;
}

/** Unit session % moving ≥ 25% of itself from the week before, both weeks with ≥ 100 sessions, and by more
 * than chance (two-proportion z ≥ 3). Read at the week's grain whatever the source's grain: a day's
 * conversion on a few sessions is noise. Weeks without sessions are unknown, not compared. */
export function detectConversionChanges(key: SeriesKey, weeks: readonly WeeklyPoint[]): DetectedEvent[] {
  const sorted = [...weeks].sort((a, b) => a.week.localeCompare(b.week));
  const out: DetectedEvent[] = [];
  sorted.forEach((w, i) => {
    const p = sorted[i - 1];
    if (!p || daysBetween(p.week, w.week) !== 7) return;
    const [s1, s2, c1, c2] = [p.sessions, w.sessions, p.unit_session_pct, w.unit_session_pct];
    if (!s1 || !s2 || c1 === null || c1 === undefined || c2 === null || c2 === undefined || c1 <= 0) return;
    if (Math.min(s1, s2) < rules.conversionMinimumSessions) return;
    const change = c2 / c1 - 1;
    if (Math.abs(change) < rules.conversionChange - eps) return;
    // pooled rate (units can exceed sessions: then there is no binomial guard to apply)
    const pooled = (c1 * s1 + c2 * s2) / (s1 + s2);
    if (pooled < 1) {
      const z = Math.abs(c2 - c1) / Math.sqrt(pooled * (1 - pooled) * (1 / s1 + 1 / s2));
      if (z < rules.conversionMinimumZ - eps) return;
    }
    out.push(event(key, w.week, addDays(w.week, 6), 'conversion_change', { from: percent(c1), to: percent(c2), change: pct(change) }));
  });
  return out;
}

function isBuyBoxZero(d: DailyPoint): boolean {
  return d.buy_box_pct === 0 && (d.sessions ?? 0) > 0;
}

/** Splits date-sorted days into runs of consecutive calendar days. */
function runsOf(days: readonly DailyPoint[]): DailyPoint[][] {
  const runs: DailyPoint[][] = [];
  for (const d of days) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && daysBetween(last.date, d.date) === 1) run.push(d);
    else runs.push([d]);
  }
  return runs;
}

function event<K extends DetectedType>(key: SeriesKey, date: string, end: string, type: K, data: NoteData[K]): DetectedEvent {
  return { store: key.store, marketplace: key.marketplace, asin: key.asin, date, end_date: end, type, note: noteOf(type, data) };
}

function byDate(a: DetectedEvent, b: DetectedEvent): number {
  return a.date.localeCompare(b.date) || a.type.localeCompare(b.type);
}

const money = (n: number, currency: string | null) => n.toFixed(currency ? currencyDigits(currency) : 2);
const signed = (n: number, digits: number) => `${n >= 0 ? '+' : '-'}${Math.abs(n).toFixed(digits)}`;
const pct = (fraction: number) => `${signed(fraction * 100, 1)}%`;
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/**
 * Buy Box drops and price changes at the grain of weekly Business Reports (Sunday–Saturday), for a
 * series whose daily data says nothing of them: week over week, by the daily rules; each event spans
 * its week. `daily` is the same series by day, so a day-level answer is never detected twice.
 */
export function detectWeeklyEvents(key: SeriesKey, weeks: readonly WeeklyPoint[], daily: readonly DailyPoint[] = []): DetectedEvent[] {
  const sorted = [...weeks].sort((a, b) => a.week.localeCompare(b.week));
  const asDays = (pick: (w: WeeklyPoint) => Partial<DailyPoint>): DailyPoint[] => sorted.map((w) => ({ date: w.week, ...pick(w) }));
  const known = (m: keyof DailyPoint) => daily.some((d) => d[m] !== null && d[m] !== undefined);
  const spanWeek = (e: DetectedEvent): DetectedEvent => ({ ...e, end_date: addDays(e.date, 6) });
  return [
    ...(known('buy_box_pct') ? [] : detectBuyBoxDrops(key, asDays((w) => ({ buy_box_pct: w.buy_box_pct ?? null, sessions: w.sessions ?? null })))),
    ...(known('units') ? [] : detectPriceChanges(key, asDays((w) => ({ sales: w.sales ?? null, units: w.units ?? null })))),
  ].map(spanWeek).sort(byDate);
}
