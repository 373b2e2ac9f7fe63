import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMetricScenario } from '../../test/scenarios/metric-scenario.ts';
import { Database } from '../store/database.ts';
import { duckdb } from '../store/dialect.ts';
import { catalog } from './catalog.ts';
import { compileQuery } from './compiler.ts';
import { runQuery, type QueryResult } from './query.ts';
import { validateRequest, type QueryRequest } from './request.ts';

// The scenario is described in test/scenarios/metric-scenario.ts; every number below is worked out by hand from it.
let dir: string;
let db: Database;
const oct = { from: '2026-10-01', to: '2026-10-31' };

async function ask(request: QueryRequest): Promise<QueryResult> {
  try {
    return await runQuery(db, request);
  } catch (e) {
    const sql = compileQuery(validateRequest(request), duckdb).sql;
    throw new Error(`${(e as Error).message}\n--- SQL ---\n${sql}`, { cause: e });
  }
}
const rowsBy = (r: QueryResult, key: string) => Object.fromEntries(r.rows.map((row) => [String(row[key]), row]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-metrics-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  await loadMetricScenario(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('every catalog metric compiles and runs', () => {
  test.each(catalog.map((m) => m.id))('%s', async (id) => {
    for (const by of [[], ['asin'], ['month', 'marketplace']]) {
      const r = await ask({ metrics: [id], by, ...oct });
      expect(Array.isArray(r.rows)).toBe(true);
    }
  });

  test('money no source can group by the dimension asked: no rows and why, not a database error', async () => {
    // sales comes from Business Reports and order items, neither has an ad type (found by test/e2e/any-order.test.ts: a 500)
    const r = await ask({ metrics: ['sales'], by: ['asin', 'ad_type'], ...oct });
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'not_answerable', message: expect.stringMatching(/^sales: null, because .*ad_type/) })]);
    const total = await ask({ metrics: ['revenue'], by: ['ad_type'], ...oct });
    expect(total.rows).toEqual([]);
  });
});

describe('additive sums and source precedence', () => {
  test('sales and units: Business Report where it covers the ASIN and day, else order items (cancelled excluded)', async () => {
    const r = rowsBy(await ask({ metrics: ['sales', 'units', 'order_items'], by: ['asin'], ...oct }), 'asin');
    // A1: BR 100.10 + 60.03 = 160.13 (order O1 for A1 on 10-01 is covered by the BR row and ignored); units 5 + 3 = 8
    expect(r.A1).toMatchObject({ currency: 'USD', sales: 160.13, units: 8, order_items: 7, sources: { sales: ['business_report'] } });
    // A4 has no BR: O2 19.99 + O3 (39.98 − 5.00 promotion) + O5 19.99 (pending counts) = 74.96; O4 cancelled: excluded
    expect(r.A4).toMatchObject({ sales: 74.96, units: 4, order_items: 3, sources: { sales: ['order_items'] } });
    expect(r.A3).toMatchObject({ currency: 'EUR', sales: 79.96 });
  });

  test('sourcesOf names the sources of only the metrics asked for; the values stay the same', async () => {
    const every = await ask({ metrics: ['sales', 'impressions'], by: ['asin'] });
    const some = await ask({ metrics: ['sales', 'impressions'], by: ['asin'], sourcesOf: ['sales'] });
    const both = every.rows.find((r) => (r.sources as Record<string, string[]> | undefined)?.impressions && (r.sources as Record<string, string[]>).sales);
    expect(both).toBeDefined();
    const same = some.rows.find((r) => r.asin === both?.asin);
    expect(same?.sources).toEqual({ sales: (both?.sources as Record<string, string[]>).sales });
    const values = (r: typeof every) => r.rows.map(({ sources: _sources, ...rest }) => rest);
    expect(values(some)).toEqual(values(every));
    expect((await ask({ metrics: ['sales'], by: ['asin'], ...oct, sourcesOf: [] })).rows.some((r) => r.sources)).toBe(false);
  });

  test('order items stand in for days whose Business Report cannot answer the question', async () => {
    // 09-15..10-31: September's monthly BR row does not fit the period, so A1's order O6 (09-20, 20.00) counts,
    // beside the October daily BR rows 100.10 + 60.03 → 180.13
    const partial = await ask({ metrics: ['sales'], asin: 'A1', from: '2026-09-15', to: '2026-10-31' });
    expect(partial.rows).toMatchObject([{ sales: 180.13, sources: { sales: ['business_report', 'order_items'] } }]);
    // by month the September row fits: 1800.00 from the BR, and O6 is covered by it
    const byMonth = rowsBy(await ask({ metrics: ['sales'], by: ['month'], asin: 'A1' }), 'month');
    expect(byMonth['2026-09']).toMatchObject({ sales: 1800, sources: { sales: ['business_report'] } });
  });

  test('two currencies come apart, and convert with the dated FX table', async () => {
    const split = rowsBy(await ask({ metrics: ['sales'], ...oct }), 'currency');
    // USD: 160.13 + 250.00 + 74.96 = 485.09; EUR: 79.96
    expect(split.USD?.sales).toBe(485.09);
    expect(split.EUR?.sales).toBe(79.96);
    const converted = await ask({ metrics: ['sales'], ...oct, currency: 'CNY' });
    // 10-01 USD (100.10 + 250.00 + 19.99 + 34.98) × 8.00 = 3240.56; 10-02 USD (60.03 + 19.99) × 7.00 = 560.14;
    // EUR 79.96 × 10.00 = 799.60 → 4600.30
    expect(converted.rows).toMatchObject([{ currency: 'CNY', sales: 4600.3, sources: { sales: ['business_report', 'order_items'] } }]);
    const missing = await ask({ metrics: ['sales'], ...oct, currency: 'GBP' });
    expect(missing.problems.map((p) => p.code)).toContain('fx_missing');
    // said to a seller in both languages
    expect(missing.problems.find((p) => p.code === 'fx_missing')?.message_zh).toMatch(/没有折算为 GBP 的汇率/);
  });

  test('orders: distinct order ids, Business Report order items where no order file covers (approximate)', async () => {
    const r = rowsBy(await ask({ metrics: ['orders'], by: ['asin'], ...oct }), 'asin');
    // A1: O1 (10-01) + BR order items of 10-02 (no order file that day) 3 = 4; A2: BR 8; A4: O2, O3, O5 = 3
    expect(r.A1?.orders).toBe(4);
    expect(r.A1?.sources).toEqual({ orders: ['order_items', 'business_report (approximate)'] });
    expect(r.A2?.orders).toBe(8);
    expect(r.A4?.orders).toBe(3);
  });

  test('grouping by owner follows the effective-dated assignment, by product the SKU mapping', async () => {
    const owners = await ask({ metrics: ['sales'], by: ['owner'], ...oct });
    // li: A1 on 10-01 100.10 + A2 250.00 = 350.10; wang (S1 from 10-02): 60.03 + A4 74.96 = 134.99; zhao: A3 79.96 EUR
    expect(owners.rows).toMatchObject([
      { owner: 'li', currency: 'USD', sales: 350.1 },
      { owner: 'wang', currency: 'USD', sales: 134.99 },
      { owner: 'zhao', currency: 'EUR', sales: 79.96 },
    ]);
    const products = rowsBy(await ask({ metrics: ['sales'], by: ['product'], ...oct }), 'product');
    // MAT = A1 + A2 = 160.13 + 250.00 = 410.13
    expect(products.MAT?.sales).toBe(410.13);
    expect(products.BAND?.sales).toBe(74.96);
  });
});

describe('ratios are ratios of sums', () => {
  test('CTR over two ASINs and SCP before SQP', async () => {
    const week = { from: '2026-09-27', to: '2026-10-03' };
    const byAsin = rowsBy(await ask({ metrics: ['impressions', 'clicks', 'ctr', 'cart_add_rate', 'order_rate'], by: ['asin'], ...week }), 'asin');
    // A1 from SCP (its SQP row is ignored): 120 / 10000 = 0.012; cart 30 / 120 = 0.25; order 10 / 120
    expect(byAsin.A1).toMatchObject({ impressions: 10000, clicks: 120, ctr: 0.012, cart_add_rate: 0.25, order_rate: 0.083333, sources: { ctr: ['scp'] } });
    // A2 from SQP summed over its queries: (40 + 10) / (4000 + 1000) = 0.01
    expect(byAsin.A2).toMatchObject({ impressions: 5000, clicks: 50, ctr: 0.01, sources: { ctr: ['sqp'] } });
    const total = await ask({ metrics: ['ctr'], ...week });
    // (120 + 50) / (10000 + 5000) = 0.011333, not the average of ratios (0.012 + 0.01) / 2 = 0.011
    expect(total.rows).toEqual([{ ctr: 0.011333, sources: { ctr: ['scp', 'sqp'] } }]);
  });

  test('unit session % over several days, Buy Box % weighted by page views', async () => {
    const r = rowsBy(await ask({ metrics: ['sessions', 'unit_session_pct', 'buy_box_pct', 'sessions_mobile'], by: ['asin'], ...oct }), 'asin');
    // A1: units 8 / sessions (100 + 50) = 0.053333; Buy Box (0.90 × 150 + 0.50 × 50) / (150 + 50) = 0.8
    expect(r.A1).toMatchObject({ sessions: 150, unit_session_pct: 0.053333, buy_box_pct: 0.8, sessions_mobile: 90 });
    // A2 has no mobile split in its report: unknown, not 0
    expect(r.A2?.sessions_mobile).toBeNull();
  });

  test('ads: one report level per question; ACoS, ROAS, CPC, TACoS', async () => {
    const us = rowsBy(await ask({ metrics: ['ad_spend', 'ad_sales', 'ad_clicks', 'acos', 'roas', 'cpc', 'tacos'], ...oct }), 'currency');
    // campaign level only (advertised-product and search-term rows are not added): spend 15 + 9 = 24, sales 60
    // ACoS 24 / 60 = 0.4; ROAS 2.5; CPC 24 / 30 = 0.80; TACoS 24 / 485.09 = 0.049475
    expect(us.USD).toMatchObject({ ad_spend: 24, ad_sales: 60, ad_clicks: 30, acos: 0.4, roas: 2.5, cpc: 0.8, tacos: 0.049475 });
    const byAsin = rowsBy(await ask({ metrics: ['ad_spend', 'acos', 'organic_sales'], by: ['asin'], ...oct }), 'asin');
    // by ASIN: the advertised-product level. A1 spend 9 + 9 = 18, sales 40 → 0.45; organic 160.13 − 30.00 = 130.13
    expect(byAsin.A1).toMatchObject({ ad_spend: 18, acos: 0.45, organic_sales: 130.13 });
    expect(byAsin.A2).toMatchObject({ ad_spend: 6, acos: 0.3 });
    const terms = await ask({ metrics: ['ad_spend'], by: ['search_term'], ...oct });
    expect(terms.rows).toEqual([{ search_term: 'yoga mat', currency: 'USD', ad_spend: 12 }]);
  });

  test('a zero denominator is null, not infinity', async () => {
    const r = await ask({ metrics: ['acos'], from: '2026-10-02', to: '2026-10-02' });
    // 10-02: spend 9.00, ad sales 0.00
    expect(r.rows).toEqual([{ currency: 'USD', acos: null }]);
  });
});

describe('unknown is null', () => {
  test('on an empty period every metric is null, totals still one row', async () => {
    const r = await ask({ metrics: ['sales', 'ctr', 'sessions'], from: '2025-01-01', to: '2025-01-31' });
    expect(r.rows).toEqual([{ currency: null, sales: null, ctr: null, sessions: null }]);
    const grouped = await ask({ metrics: ['sales'], by: ['asin'], from: '2025-01-01', to: '2025-01-31' });
    expect(grouped.rows).toEqual([]);
  });

  test('a dimension a source does not have answers null with a problem', async () => {
    const r = await ask({ metrics: ['sessions'], by: ['search_term'], ...oct });
    expect(r.rows).toEqual([]);
    expect(r.problems[0]?.message).toMatch(/sessions: null, because Business Report traffic has no search_term/);
  });
});

describe('snapshots, native grain, date grain', () => {
  test('inventory is the last snapshot in the period, one report per day', async () => {
    const total = await ask({ metrics: ['available_units', 'inbound_units', 'stockout_days'], ...oct });
    // last snapshot 10-03 (Manage FBA Inventory beats inventory health's 999): A1 0 + A2 90; inbound A1 15 + A2 20
    expect(total.rows).toEqual([{ available_units: 90, inbound_units: 35, stockout_days: 1 }]);
    const early = await ask({ metrics: ['available_units'], from: '2026-10-01', to: '2026-10-02' });
    // last snapshot in that period is 10-02: only A1's 35 (A2 has no 10-02 snapshot)
    expect(early.rows).toEqual([{ available_units: 35 }]);
  });

  test('days of cover: available ÷ average daily units of the trailing 30 days', async () => {
    const r = rowsBy(await ask({ metrics: ['days_of_cover'], by: ['asin'], to: '2026-10-30' }), 'asin');
    // window 10-01..10-30. A2: 90 / (10 / 30) = 270; A1: 0 / (8 / 30) = 0
    expect(r.A2?.days_of_cover).toBe(270);
    expect(r.A1?.days_of_cover).toBe(0);
  });

  test('native-grain distinct counts answer only at their own grain', async () => {
    const byAsin = rowsBy(await ask({ metrics: ['customers', 'repeat_customers', 'repeat_rate'], by: ['asin'], ...oct }), 'asin');
    expect(byAsin.A1).toMatchObject({ customers: 50, repeat_customers: 5, repeat_rate: 0.1 });
    // two ASINs' unique customers cannot be added: null
    const total = await ask({ metrics: ['customers', 'repeat_rate'], ...oct });
    expect(total.rows).toEqual([{ customers: null, repeat_rate: null }]);
  });

  test('a Business Report for a month cannot answer by day', async () => {
    const byMonth = rowsBy(await ask({ metrics: ['sessions'], by: ['month'] }), 'month');
    // September range row 3000 fits its month; October daily rows 100 + 50 + 200 + 80 = 430
    expect(byMonth['2026-09']?.sessions).toBe(3000);
    expect(byMonth['2026-10']?.sessions).toBe(430);
    const byDate = await ask({ metrics: ['sessions'], by: ['date'], from: '2026-09-01', to: '2026-10-31' });
    expect(byDate.rows.map((r) => [r.date, r.sessions])).toEqual([['2026-10-01', 380], ['2026-10-02', 50]]);
    // the September row is the one row left out
    expect(byDate.problems.find((p) => p.code === 'grain')?.message).toMatch(/^1 row\(s\) of Business Report traffic/);
    expect(byDate.problems.find((p) => p.code === 'grain')?.message_zh).toMatch(/^1 行.*已排除$/);
  });

  test('account health: the last 60-day window ending in the period', async () => {
    const r = await ask({ metrics: ['odr', 'a_to_z_rate'], ...oct });
    // window ending 10-03: 2 / 400 = 0.005; A-to-z 1 / 400 = 0.0025
    expect(r.rows).toEqual([{ odr: 0.005, a_to_z_rate: 0.0025 }]);
  });
});

describe('reviews and returns', () => {
  test('review rate divides by all orders; rating is a ratio of sums', async () => {
    const r = rowsBy(await ask({ metrics: ['reviews_new', 'rating_avg', 'review_rate'], by: ['asin'], ...oct }), 'asin');
    // A1: 2 reviews (5 + 3) / 2 = 4; 2 / 4 orders = 0.5. A4: 1 / 3 orders
    expect(r.A1).toMatchObject({ reviews_new: 2, rating_avg: 4, review_rate: 0.5 });
    expect(r.A4).toMatchObject({ reviews_new: 1, rating_avg: 1, review_rate: 0.333333 });
  });

  test('return rate: returns matched to their orders over those orders’ units', async () => {
    const r = rowsBy(await ask({ metrics: ['returned_units', 'return_rate'], by: ['asin'], ...oct }), 'asin');
    // A1: O1 returned 1 of 2 → 0.5; A4: O3 returned 1 of (1 + 2 + 1) = 0.25
    expect(r.A1).toMatchObject({ returned_units: 1, return_rate: 0.5 });
    expect(r.A4).toMatchObject({ returned_units: 1, return_rate: 0.25 });
  });
});

describe('profit', () => {
  test('net profit counts a missing cost as 0 and names it; EU revenue without VAT', async () => {
    // worked out on the dates the lines were posted (the order basis has its own tests in src/app/profit.test.ts)
    const r = rowsBy(await ask({ metrics: ['revenue', 'cogs', 'freight', 'duties', 'net_profit', 'net_margin'], ...oct, basis: 'posted' }), 'currency');
    // DE: revenue 47.60 / 1.19 = 40.00; cogs 2 × 35 CNY × 0.1 = 7.00; freight 2 × 7 × 0.1 = 1.40;
    // duty (EU, on cost + freight) 2 × 0.05 × (35 + 7) × 0.1 = 0.42; fees 7.14 + 6.00
    // net 40.00 − 7.14 − 6.00 − 7.00 − 1.40 − 0.42 = 18.04; margin 18.04 / 40 = 0.451
    expect(r.EUR).toMatchObject({ revenue: 40, cogs: 7, freight: 1.4, duties: 0.42, net_profit: 18.04, net_margin: 0.451 });
    // refunds are 0, not unknown, where settled lines exist; no payouts and no DE ads were imported
    expect(r.EUR?.missing).toEqual({ net_profit: ['storage_fees', 'payout_costs', 'ad_cost'] });
    // US: CNY → USD at 1 / 7.00 (rate of 10-02, the last on or before 10-03): cogs 20 / 7 = 2.857142858, freight 0.714285714,
    // duty (US, on cost) 2.0 / 7 = 0.285714286; net 19.99 − 0.60 − 5.00 − 19.99 (refund) − 24.00 (ads) − 3.857142858 = −33.457142858
    expect(r.USD).toMatchObject({ revenue: 19.99, cogs: 2.86, freight: 0.71, duties: 0.29, net_profit: -33.46 });
    expect(r.USD?.missing).toEqual({ net_profit: ['storage_fees', 'payout_costs'] });
  });
});

describe('the compiler', () => {
  test('rejects unknown metrics, dimensions and dates before any SQL', () => {
    expect(() => validateRequest({ metrics: ['salez'] })).toThrow(/unknown metric "salez" \(did you mean sales/);
    expect(() => validateRequest({ metrics: ['sales'], by: ['colour'] })).toThrow(/unknown dimension "colour"/);
    expect(() => validateRequest({ metrics: ['sales'], from: '2026-02-30' })).toThrow(/not a date/);
    expect(() => validateRequest({ metrics: ['sales'], marketplace: 'XX' })).toThrow(/unknown marketplace/);
  });

  test('filter values are bound parameters, never pasted into SQL', () => {
    const compiled = compileQuery(validateRequest({ metrics: ['sales'], asin: "B0'; DROP TABLE x; --" }), duckdb);
    expect(compiled.sql).not.toContain('DROP TABLE');
    expect(compiled.params).toContain("B0'; DROP TABLE X; --");
  });
});
