import { describe, expect, test } from 'vitest';
import {
  detectConversionChanges,
  detectAdSpendJumps, detectBuyBoxDrops, detectDailyEvents, detectPriceChanges, detectPromotions, detectReviewSpikes,
  detectStockouts, detectWeeklyEvents, type DailyPoint, type SeriesKey,
} from './event-detection.ts';

const key: SeriesKey = { store: 'default', marketplace: 'US', asin: 'B0TESTASIN', currency: 'USD' };
const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}`;
const series = (values: Partial<DailyPoint>[]) => values.map((v, i) => ({ date: day(i + 1), ...v }));
const brief = (events: { date: string; end_date: string; type: string }[]) => events.map((e) => [e.type, e.date, e.end_date]);

describe('price change: ASP moves ≥ 5% day over day', () => {
  test.each([
    // 100.00 / 5 = 20.00 → 105.00 / 5 = 21.00: +5.0% fires
    { sales: [100, 105], fires: true, note: 'ASP 20.00 → 21.00 (+5.0%)' },
    // 20.00 → 104.90 / 5 = 20.98: +4.9% does not
    { sales: [100, 104.9], fires: false },
    // 20.00 → 95.00 / 5 = 19.00: -5.0% fires
    { sales: [100, 95], fires: true, note: 'ASP 20.00 → 19.00 (-5.0%)' },
  ])('$sales', ({ sales, fires, note }) => {
    const events = detectPriceChanges(key, series(sales.map((s) => ({ sales: s, units: 5 }))));
    expect(events.length).toBe(fires ? 1 : 0);
    if (note) expect(events[0]?.note.en).toBe(note);
  });

  test('days without units are skipped, not read as a price of 0', () => {
    // 19.99 → (no units) → 3 × 22.99 = 68.97: compared with 19.99, +15.0% (22.99 / 19.99 − 1 = 0.15008)
    const events = detectPriceChanges(key, series([{ sales: 19.99, units: 1 }, { sales: null, units: 0 }, { sales: 68.97, units: 3 }]));
    expect(brief(events)).toEqual([['price_change', day(3), day(3)]]);
    expect(events[0]?.note).toEqual({ en: 'ASP 19.99 → 22.99 (+15.0%)', zh: '均价 19.99 → 22.99（+15.0%）' });
  });
});

describe('stock-out: available 0, or sessions with Buy Box 0', () => {
  test('a run of 3 days is one event; a gap starts another', () => {
    const days = series([
      { available_units: 5 }, { available_units: 0 }, { available_units: 0 }, { sessions: 40, buy_box_pct: 0 },
      { available_units: 12 }, { available_units: 0 },
    ]);
    const events = detectStockouts(key, days);
    expect(brief(events)).toEqual([['stockout', day(2), day(4)], ['stockout', day(6), day(6)]]);
    expect(events[0]?.note.en).toBe('Stock-out 3 days: available units 0, sessions with Buy Box 0');
    expect(events[0]?.note.zh).toBe('断货 3 天：可售库存为 0，有会话但购物车为 0');
  });

  test('a Buy Box of 0 without sessions, or unknown stock, is no stock-out', () => {
    expect(detectStockouts(key, series([{ sessions: 0, buy_box_pct: 0 }, { available_units: null }]))).toEqual([]);
  });
});

describe('Buy Box drop: below 70% from ≥ 70%, or down 20 points', () => {
  test.each([
    { from: 0.95, to: 0.6, fires: true }, // crosses 70% and −35 points
    { from: 0.72, to: 0.69, fires: true }, // crosses 70%
    { from: 0.95, to: 0.75, fires: true }, // −20.0 points, still above 70%
    { from: 0.95, to: 0.8, fires: false }, // −15 points, above 70%
    { from: 0.65, to: 0.5, fires: false }, // was already below 70%, −15 points
  ])('$from → $to', ({ from, to, fires }) => {
    const events = detectBuyBoxDrops(key, series([{ buy_box_pct: from }, { buy_box_pct: to }]));
    expect(events.length).toBe(fires ? 1 : 0);
  });

  test('note, and a Buy Box of 0 with sessions left to the stock-out rule', () => {
    const [drop] = detectBuyBoxDrops(key, series([{ buy_box_pct: 0.95 }, { buy_box_pct: 0.6 }]));
    expect(drop?.note).toEqual({ en: 'Buy Box 95.0% → 60.0% (-35.0 pts)', zh: '购物车获得率 95.0% → 60.0%（-35.0 个百分点）' });
    expect(detectBuyBoxDrops(key, series([{ buy_box_pct: 0.95 }, { buy_box_pct: 0, sessions: 30 }, { buy_box_pct: 0.96 }]))).toEqual([]);
  });
});

test('promotions: consecutive days with promotion orders are one event', () => {
  const days = series([
    { promotion_orders: 2, promotion_ids: ['VPC-1'] }, { promotion_orders: 1, promotion_ids: ['VPC-1', 'PLM-2'] }, { promotion_orders: 0 },
  ]);
  const events = detectPromotions(key, days);
  expect(brief(events)).toEqual([['coupon', day(1), day(2)]]);
  // 2 + 1 = 3 orders
  expect(events[0]?.note).toEqual({ en: '3 orders with promotions (PLM-2, VPC-1)', zh: '3 笔订单使用促销（PLM-2, VPC-1）' });
});

describe('review spike: ≥ 3 × trailing 28-day daily average and ≥ 3', () => {
  // 28 trailing days (10-01..10-28) holding `trailing` reviews in total, then the day tested (10-29)
  const withTrailing = (trailing: number, today: number) =>
    series([...Array.from({ length: 28 }, (_, i) => ({ reviews_new: i < trailing ? 1 : 0 })), { reviews_new: today }]);
  test.each([
    { trailing: 14, today: 3, fires: true }, // average 14 / 28 = 0.5 → needs 1.5 and 3
    { trailing: 28, today: 3, fires: true }, // average 1 → needs 3: 3 ≥ 3
    { trailing: 28, today: 2, fires: false }, // under the minimum of 3
  ])('trailing $trailing, today $today', ({ trailing, today, fires }) => {
    expect(detectReviewSpikes(key, withTrailing(trailing, today)).length).toBe(fires ? 1 : 0);
  });

  test('a busy trailing month raises the bar', () => {
    // 28 days of 2 reviews = 56, average 2 → needs 6: 5 does not fire, 6 does
    const busy = (today: number) => series([...Array.from({ length: 28 }, () => ({ reviews_new: 2 })), { reviews_new: today }]);
    expect(detectReviewSpikes(key, busy(5))).toEqual([]);
    const [spike] = detectReviewSpikes(key, busy(6));
    expect(spike?.date).toBe(day(29));
    expect(spike?.note).toEqual({ en: '6 new reviews (trailing 28-day average 2.00 a day)', zh: '新增评论 6 条（近28天日均 2.00 条）' });
  });
});

describe('ad spend jump: ± 50% week over week above a minimum base', () => {
  const weeks = (a: number | null, b: number | null) => [{ week: '2026-10-04', ad_spend: a }, { week: '2026-10-11', ad_spend: b }];
  test.each([
    { a: 100, b: 160, fires: true }, // +60%
    { a: 100, b: 149, fires: false }, // +49%
    { a: 100, b: 50, fires: true }, // −50%
    { a: 2, b: 4, fires: false }, // +100%, but both weeks under USD 5
    { a: 0.1, b: 0.2, fires: false },
    { a: 0, b: 40, fires: true }, // spend starts
    { a: null, b: 40, fires: false }, // the week before is unknown, not 0
  ])('$a → $b', ({ a, b, fires }) => {
    expect(detectAdSpendJumps(key, weeks(a, b)).length).toBe(fires ? 1 : 0);
  });

  test('the event covers the week (Sunday to Saturday); weeks further apart are not compared', () => {
    const [jump] = detectAdSpendJumps(key, weeks(100, 160));
    expect(jump).toMatchObject({ date: '2026-10-11', end_date: '2026-10-17', type: 'ad_spend_jump' });
    expect(jump?.note).toEqual({ en: 'Ad spend 100.00 → 160.00 week over week (+60.0%)', zh: '广告花费环比 100.00 → 160.00（+60.0%）' });
    expect(detectAdSpendJumps(key, [{ week: '2026-10-04', ad_spend: 100 }, { week: '2026-10-18', ad_spend: 300 }])).toEqual([]);
  });

  test('the minimum base is per currency: JPY 2,000 → 4,000 fires, 200 → 400 does not', () => {
    const jpy = { ...key, marketplace: 'JP', currency: 'JPY' };
    expect(detectAdSpendJumps(jpy, weeks(2000, 4000))[0]?.note.en).toBe('Ad spend 2000 → 4000 week over week (+100.0%)');
    expect(detectAdSpendJumps(jpy, weeks(200, 400))).toEqual([]);
  });
});

test('detectDailyEvents runs every daily rule and sorts by date', () => {
  const days = series([
    { sales: 100, units: 5, buy_box_pct: 0.95, sessions: 50, available_units: 10 },
    { sales: 120, units: 5, buy_box_pct: 0.6, sessions: 50, available_units: 0 },
  ]);
  // 20.00 → 24.00 is +20%; Buy Box 95% → 60%; available 0 on day 2
  expect(brief(detectDailyEvents(key, days))).toEqual([
    ['buy_box_drop', day(2), day(2)], ['price_change', day(2), day(2)], ['stockout', day(2), day(2)],
  ]);
});

describe('weekly Business Reports: Buy Box and price at their own grain (issue 15.6)', () => {
  const key = { store: 'acme', marketplace: 'US', asin: 'B0WEEK0001', currency: 'USD' };
  const weeks = [
    { week: '2026-10-04', ad_spend: null, buy_box_pct: 0.98, sessions: 1000, sales: 200, units: 10 },
    { week: '2026-10-11', ad_spend: null, buy_box_pct: 0.4, sessions: 1000, sales: 230, units: 10 },
  ];

  test('week over week, each event spanning its Sunday–Saturday week', () => {
    // Buy Box 98% → 40%: −58 points; ASP 20.00 → 23.00: +15%
    expect(detectWeeklyEvents(key, weeks).map((e) => [e.type, e.date, e.end_date])).toEqual([
      ['buy_box_drop', '2026-10-11', '2026-10-17'], ['price_change', '2026-10-11', '2026-10-17'],
    ]);
  });

  test('not again where the daily data answers the same metric', () => {
    const daily = [{ date: '2026-10-12', buy_box_pct: 0.4, sessions: 100 }];
    expect(detectWeeklyEvents(key, weeks, daily).map((e) => e.type)).toEqual(['price_change']);
  });
});

describe('conversion changes week over week (unit session %)', () => {
  const week = (w: string, sessions: number, units: number) => ({ week: w, ad_spend: null, sessions, unit_session_pct: units / sessions });
  test('a change of a quarter or more, on 100 sessions a week or more, beyond chance', () => {
    // 40 / 1,000 = 4.0% → 80 / 1,000 = 8.0%: +100%; pooled 0.06, z = 0.04 / √(0.06 × 0.94 × 0.002) = 0.04 / 0.010621 = 3.77
    expect(detectConversionChanges(key, [week('2026-10-04', 1000, 40), week('2026-10-11', 1000, 80)]).map((e) => [e.date, e.end_date, e.note.en]))
      .toEqual([['2026-10-11', '2026-10-17', 'Unit session % 4.0% → 8.0% week over week (+100.0%)']]);
    // 99 sessions in a week: too few to judge, whatever the change (5 / 99 → 20 / 100)
    expect(detectConversionChanges(key, [week('2026-10-04', 99, 5), week('2026-10-11', 100, 20)])).toEqual([]);
    // 100 / 1,000 = 10.0% → 120 / 1,000 = 12.0%: +20%, under a quarter
    expect(detectConversionChanges(key, [week('2026-10-04', 1000, 100), week('2026-10-11', 1000, 120)])).toEqual([]);
    // weeks not next to each other are not compared
    expect(detectConversionChanges(key, [week('2026-10-04', 1000, 40), week('2026-10-18', 1000, 80)])).toEqual([]);
  });
});
