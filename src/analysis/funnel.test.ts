import { describe, expect, test } from 'vitest';
import { buildFunnel, type FunnelRow, type FunnelStage } from './funnel.ts';
import type { BenchmarkOverride } from './benchmarks.ts';
import { adsOnlyStages, searchStages, type StageName } from './funnel-stages.ts';
import { funnelInput } from './testing.ts';

const stage = (row: FunnelRow, name: StageName): FunnelStage => {
  const found = row.stages.find((s) => s.stage === name);
  if (!found) throw new Error(`no ${name} stage`);
  return found;
};
const usMature = { low: 0.004, high: 0.012, from: 'default:US:mature' };

test('the spec/cli.md example: SQP funnel, cart unknown, review rate over all orders', () => {
  const row = buildFunnel(funnelInput({
    search: { source: 'sqp', impressions: 12000, clicks: 108, cartAdds: null, purchases: 11 },
    orders: 12, reviewsNew: 1,
  }));
  expect(row.key).toEqual({ asin: 'B0EXAMPLE1' });
  expect(row.source).toBe('sqp');
  expect(row.stages).toMatchObject([
    { stage: 'exposure', count: 12000, rate: null, status: 'ok' }, // no default exposure benchmark
    { stage: 'click', count: 108, rate: 0.009, benchmark: usMature, status: 'ok' }, // 108 / 12000 = 0.009
    { stage: 'cart', count: null, rate: null, status: 'unknown' },
    // 11 / 108 = 0.101851… → 0.1019, within 8–15%
    { stage: 'order', count: 11, rate: 0.1019, benchmark: { low: 0.08, high: 0.15, from: 'default:US:mature' }, status: 'ok' },
    // 1 review / 12 orders = 0.083333… → 0.0833, above 1–3%
    { stage: 'review', count: 1, rate: 0.0833, benchmark: { low: 0.01, high: 0.03, from: 'default:US:mature' }, status: 'high' },
    { stage: 'repeat', count: null, rate: null, status: 'unknown' },
  ]);
  expect(stage(row, 'cart')).not.toHaveProperty('benchmark');
  expect(stage(row, 'review').base).toBe(12); // all orders, not the 11 search purchases
  expect(row.notes.map((n) => n.code)).toEqual(['sqp_top_queries']);
  expect(row.notes[0]?.en).toMatch(/top queries only/);
  expect(row.notes[0]?.zh).toMatch(/头部搜索词/);
});

describe('SCP funnel: each stage judged against the default US mature row, market and trailing beside', () => {
  const row = buildFunnel(funnelInput({
    search: { source: 'scp', impressions: 50000, clicks: 150, cartAdds: 60, purchases: 15 },
    market: { impressions: 1_000_000, clicks: 5000, cartAdds: 1500, purchases: 600 },
    trailing: { ctr: 0.0045, cartAddRate: 0.31, orderRate: 0.11 },
    orders: 40, reviewsNew: 0, repeatCustomers: 3, customers: 30,
  }));
  test.each([
    // stage, count, rate, status, why
    ['exposure', 50000, null, 'ok'], // no exposure benchmark by default
    ['click', 150, 0.003, 'low'], // 150 / 50000 = 0.003 < 0.004
    ['cart', 60, 0.4, 'high'], // 60 / 150 = 0.4 > 0.35
    ['order', 15, 0.1, 'ok'], // 15 / 150 = 0.1 within 0.08–0.15
    ['review', 0, 0, 'low'], // 0 / 40 = 0 < 0.01: zero reviews are data, not unknown
    ['repeat', 3, 0.1, 'ok'], // 3 / 30 = 0.1; no default repeat benchmark
  ] as const)('%s: count %s, rate %s, %s', (name, count, rate, status) => {
    expect(stage(row, name)).toMatchObject({ count, rate, status });
  });
  test('the market and the trailing 8 weeks stand beside, never deciding', () => {
    expect(stage(row, 'exposure').impression_share).toBe(0.05); // 50000 / 1000000
    expect(stage(row, 'click')).toMatchObject({ market: 0.005, trailing: 0.0045 }); // 5000 / 1000000
    expect(stage(row, 'cart')).toMatchObject({ market: 0.3, trailing: 0.31 }); // 1500 / 5000
    // market 600 / 5000 = 0.12; cart-to-order 15 / 60 = 0.25
    expect(stage(row, 'order')).toMatchObject({ market: 0.12, trailing: 0.11, cart_to_order_rate: 0.25 });
    expect(stage(row, 'repeat')).not.toHaveProperty('benchmark');
    expect(row.notes).toEqual([]);
  });
});

test('stages without data stay unknown with null count and rate, never 0', () => {
  const row = buildFunnel(funnelInput());
  expect(row.stages.map((s) => [s.stage, s.count, s.rate, s.status])).toEqual([
    ['exposure', null, null, 'unknown'], ['click', null, null, 'unknown'], ['cart', null, null, 'unknown'],
    ['order', null, null, 'unknown'], ['review', null, null, 'unknown'], ['repeat', null, null, 'unknown'],
  ]);
  expect(row.detail.buy_box_status).toBe('unknown');
});

test('a zero base gives no rate: 0 cart adds of 0 clicks is unknown, 0 clicks of 1000 impressions is a CTR of 0', () => {
  const row = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 1000, clicks: 0, cartAdds: 0, purchases: 0 }, reviewsNew: 2, orders: 0 }));
  expect(stage(row, 'click')).toMatchObject({ count: 0, rate: 0, status: 'low' }); // 0 / 1000
  expect(stage(row, 'cart')).toMatchObject({ count: 0, rate: null, status: 'unknown' }); // 0 / 0
  expect(stage(row, 'order')).toMatchObject({ count: 0, rate: null, status: 'unknown' });
  expect(stage(row, 'review')).toMatchObject({ count: 2, rate: null, status: 'unknown' }); // 2 / 0 orders
});

test('without Brand Analytics: ads only for exposure, click and order, cart unknown, detail page beside', () => {
  const row = buildFunnel(funnelInput({
    search: { source: null, impressions: null, clicks: null, cartAdds: null, purchases: null },
    ads: { impressions: 20000, clicks: 60, orders: 3 },
    trailing: { ctr: 0.005, cartAddRate: 0.3, orderRate: 0.1 }, // search rates: not shown beside ad rates
    detail: { sessions: 400, sessionsMobile: 300, sessionsBrowser: 100, unitSessionPct: 0.0125, orderItemSessionPct: 0.01, buyBoxPct: 0.9 },
  }));
  expect(row.source).toBe('ads_only');
  expect(row.stages.slice(0, 4)).toEqual([
    { stage: 'exposure', count: 20000, rate: null, status: 'ok', metric: 'ad_impressions', base: null },
    // 60 / 20000 = 0.003: judged by the ads benchmark (Sponsored Products 0.3–0.7% when the ad type is unknown), not the search CTR's 0.4%
    { stage: 'click', count: 60, rate: 0.003, benchmark: { low: 0.003, high: 0.007, from: 'default:US:mature' }, status: 'ok', metric: 'ad_ctr', base: 20000 },
    { stage: 'cart', count: null, rate: null, status: 'unknown', metric: 'cart_add_rate', base: null },
    // 3 / 60 = 0.05 < 0.08
    { stage: 'order', count: 3, rate: 0.05, benchmark: { low: 0.08, high: 0.15, from: 'default:US:mature' }, status: 'low', metric: 'ad_conversion_rate', base: 60 },
  ]);
  expect(row.detail).toEqual({
    sessions: 400, sessions_mobile: 300, sessions_browser: 100, unit_session_pct: 0.0125, order_item_session_pct: 0.01,
    // 0.9 < 0.95, the private-label default
    buy_box_pct: 0.9, buy_box_benchmark: { low: 0.95, high: null, from: 'default:US:mature' }, buy_box_status: 'low',
  });
  expect(row.notes.map((n) => n.code)).toEqual(['ads_only', 'ads_benchmark']);
});

describe('an ads-only click stage is judged by its ad types\' own CTR benchmarks (issue 15.4)', () => {
  const adsOnly = (byType: Partial<Record<'SP' | 'SB' | 'SD', number>>, clicks: number, overrides: BenchmarkOverride[] = []) => buildFunnel(funnelInput({
    marketplace: 'DE', search: { source: null, impressions: null, clicks: null, cartAdds: null, purchases: null },
    ads: { impressions: 20000, clicks, orders: 1, byType },
  }), { overrides });

  test('Sponsored Display alone: 0.05–0.15%', () => {
    // 20 / 20000 = 0.001, inside SD's 0.0005–0.0015 (the search CTR's 0.4% would call it critical)
    expect(adsOnly({ SD: 20000 }, 20).stages[1]).toMatchObject({ rate: 0.001, status: 'ok', benchmark: { low: 0.0005, high: 0.0015, from: 'default:EU:mature:SD' } });
  });

  test('SP and SD together: each type\'s bounds weighted by its impressions', () => {
    // low  = (0.003 × 8000 + 0.0005 × 12000) / 20000 = (24 + 6) / 20000 = 0.0015
    // high = (0.007 × 8000 + 0.0015 × 12000) / 20000 = (56 + 18) / 20000 = 0.0037
    // 30 / 20000 = 0.0015: not below → ok
    expect(adsOnly({ SP: 8000, SD: 12000 }, 30).stages[1]).toMatchObject({
      rate: 0.0015, status: 'ok',
      benchmark: { low: 0.0015, high: 0.0037, from: 'ads mix SP 40% (default:EU:mature:SP) + SD 60% (default:EU:mature:SD)' },
    });
    // 20 / 20000 = 0.001 < 0.0015 → low
    expect(adsOnly({ SP: 8000, SD: 12000 }, 20).stages[1]).toMatchObject({ rate: 0.001, status: 'low' });
  });

  test('an override of one ad type\'s row counts in the mix', () => {
    const sd: BenchmarkOverride = { metric: 'ad_ctr', variant: 'SD', low: 0.0001, high: 0.001 };
    // low = (0.003 × 8000 + 0.0001 × 12000) / 20000 = 25.2 / 20000 = 0.00126; high = (56 + 12) / 20000 = 0.0034
    expect(adsOnly({ SP: 8000, SD: 12000 }, 30, [sd]).stages[1]?.benchmark).toEqual({
      low: 0.00126, high: 0.0034, from: 'ads mix SP 40% (default:EU:mature:SP) + SD 60% (override:*:*:variant=SD)',
    });
  });

  test('says so, in zh and en', () => {
    const n = adsOnly({ SD: 20000 }, 20).notes.find((x) => x.code === 'ads_benchmark');
    expect(n?.en).toMatch(/judged against the ads benchmark/);
    expect(n?.zh).toMatch(/广告自身的基准/);
  });
});

describe('first 30 days: CTR judged against the new-listing first-month row (≥ 0.8%)', () => {
  const input = (days: number) => funnelInput({
    tier: 'new', daysSinceFirstSale: days, search: { source: 'scp', impressions: 10000, clicks: 60, cartAdds: 15, purchases: 4 },
  });
  test('day 10: CTR 60 / 10000 = 0.006 < 0.008 is low', () => {
    const row = buildFunnel(input(10));
    expect(row.first_30_days).toBe(true);
    expect(stage(row, 'click')).toMatchObject({ rate: 0.006, status: 'low', benchmark: { low: 0.008, high: null, from: 'default:US:new:first_30_days' } });
    expect(row.notes.map((n) => n.code)).toEqual(['first_30_days']);
  });
  test('day 45: the same 0.006 is ok against 0.4–1.2%; order 4 / 60 = 0.0667 ok against the new row 6–15%', () => {
    const row = buildFunnel(input(45));
    expect(row.first_30_days).toBe(false);
    expect(stage(row, 'click')).toMatchObject({ rate: 0.006, status: 'ok', benchmark: { low: 0.004, high: 0.012, from: 'default:US:new' } });
    expect(stage(row, 'order')).toMatchObject({ rate: 0.0667, status: 'ok', benchmark: { low: 0.06, high: 0.15, from: 'default:US:new' } });
  });
});

test.each([
  // marketplace, order-rate status: 7 purchases / 100 clicks = 0.07
  ['US', 'low', 'default:US:mature'], // 0.07 < 0.08
  ['DE', 'ok', 'default:EU:mature'], // 0.07 ≥ 0.064: EU converts lower
  ['JP', 'low', 'default:JP:mature'],
] as const)('order rate 0.07 in %s is %s (%s)', (marketplace, status, from) => {
  const row = buildFunnel(funnelInput({ marketplace, search: { source: 'scp', impressions: 20000, clicks: 100, cartAdds: 25, purchases: 7 } }));
  expect(stage(row, 'order')).toMatchObject({ rate: 0.07, status, benchmark: { from } });
});

test.each([
  // 5 reviews / 100 orders = 0.05
  [undefined, 'high', 'default:US:mature'], // written reviews 1–3%
  [{ review_rate: 'invited' }, 'low', 'default:US:mature:invited'], // invited reviews and ratings 10–30%
])('review rate 0.05 with variants %j is %s', (variants, status, from) => {
  const row = buildFunnel(funnelInput({ orders: 100, reviewsNew: 5 }), { variants });
  expect(stage(row, 'review')).toMatchObject({ rate: 0.05, status, benchmark: { from } });
});

test('an override for the category decides, and says so', () => {
  const row = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 10000, clicks: 50, cartAdds: 10, purchases: 5 } }), {
    category: 'Kitchen',
    overrides: [{ metric: 'ctr', marketplace: 'US', tier: 'mature', category: 'Kitchen', low: 0.006, high: 0.02 }],
  });
  // 50 / 10000 = 0.005: ok by default (≥ 0.004), low for Kitchen (< 0.006)
  expect(stage(row, 'click')).toMatchObject({ rate: 0.005, status: 'low', benchmark: { low: 0.006, high: 0.02, from: 'override:US:mature:category=Kitchen' } });
});

test('an override on impressions makes exposure judged on its count', () => {
  const row = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 3000, clicks: 20, cartAdds: 5, purchases: 2 } }), {
    overrides: [{ metric: 'impressions', low: 5000, high: null }],
  });
  expect(stage(row, 'exposure')).toMatchObject({ count: 3000, rate: null, status: 'low', benchmark: { low: 5000, from: 'override:*:*' } }); // 3000 < 5000
});

test('status is judged at full precision, rates are printed with 4 decimals', () => {
  // 40 / 10001 = 0.0039996…: printed 0.004 but below the 0.004 bound
  const row = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 10001, clicks: 40, cartAdds: null, purchases: null } }));
  expect(stage(row, 'click')).toMatchObject({ rate: 0.004, status: 'low' });
});

test('each stage rate is its catalog ratio: count and base are the ratio\'s numerator and denominator', () => {
  // CTR = clicks / impressions, order rate = purchases / clicks, ad conversion = ad orders / ad clicks (metrics/catalog.ts)
  expect(searchStages.click).toEqual({ count: 'clicks', base: 'impressions', rate: 'ctr' });
  expect(searchStages.order).toEqual({ count: 'purchases', base: 'clicks', rate: 'order_rate' });
  expect(adsOnlyStages.order).toEqual({ count: 'ad_orders', base: 'ad_clicks', rate: 'ad_conversion_rate' });
  expect(searchStages.exposure).toEqual({ count: 'impressions', base: null, rate: null });
});
