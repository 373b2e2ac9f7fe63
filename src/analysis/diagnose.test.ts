import { describe, expect, test } from 'vitest';
import { diagnose, severityOf } from './diagnose.ts';
import type { ConfounderEvent } from './events.ts';
import { buildFunnel } from './funnel.ts';
import { funnelInput } from './testing.ts';

const september = { from: '2026-09-01', to: '2026-09-30' };
const coupon: ConfounderEvent = { date: '2026-09-14', end_date: '2026-09-20', type: 'coupon', asin: 'B0EXAMPLE1', marketplace: 'US', origin: 'entered' };
const otherAsin: ConfounderEvent = { date: '2026-09-14', end_date: null, type: 'price_change', asin: 'B0OTHER', origin: 'entered' };
const august: ConfounderEvent = { date: '2026-08-10', end_date: '2026-08-12', type: 'deal', asin: 'B0EXAMPLE1', origin: 'imported' };

test.each([
  // value, low bound, severity
  [0.0031, 0.004, 'warning'], // below 0.004, not below 0.002
  [0.002, 0.004, 'warning'], // exactly half is not below half
  [0.0019, 0.004, 'critical'], // 0.0019 < 0.004 / 2
  [0, 0.01, 'critical'],
] as const)('%s against a low bound of %s: %s', (value, low, severity) => {
  expect(severityOf(value, low)).toBe(severity);
});

describe('an SCP funnel with a weak CTR and no reviews', () => {
  const row = buildFunnel(funnelInput({
    search: { source: 'scp', impressions: 41000, clicks: 127, cartAdds: 40, purchases: 12 },
    market: { impressions: 2_000_000, clicks: 10000, cartAdds: 2800, purchases: 1100 },
    trailing: { ctr: 0.0052, cartAddRate: 0.3, orderRate: 0.1 },
    orders: 50, reviewsNew: 0, repeatCustomers: null, customers: null,
    detail: { sessions: 900, sessionsMobile: 700, sessionsBrowser: 200, unitSessionPct: 0.06, orderItemSessionPct: 0.055, buyBoxPct: 0.98 },
  }));
  const findings = diagnose(row, { window: september, events: [coupon, otherAsin, august] });

  test('one finding per low stage: click and review; cart (0.315) and order (0.0945) are ok', () => {
    // CTR 127 / 41000 = 0.0030976 < 0.004; cart 40 / 127 = 0.315; order 12 / 127 = 0.0945; review 0 / 50 = 0
    expect(findings.map((f) => [f.stage, f.metric, f.value, f.severity])).toEqual([
      ['click', 'ctr', 0.0031, 'warning'], // 0.0031 ≥ 0.002
      ['review', 'review_rate', 0, 'critical'], // 0 < 0.01 / 2
    ]);
  });

  test('the click finding in the spec/cli.md shape, with evidence and actions', () => {
    expect(findings[0]).toMatchObject({
      scope: { asin: 'B0EXAMPLE1', marketplace: 'US' },
      stage: 'click', metric: 'ctr', value: 0.0031,
      benchmark: { low: 0.004, high: 0.012, from: 'default:US:mature' },
      severity: 'warning',
      // market 10000 / 2000000 = 0.005
      evidence: { impressions: 41000, clicks: 127, market_ctr: 0.005, trailing_ctr: 0.0052, sessions_mobile: 700, sessions_browser: 200 },
      confounders: [coupon], // not the other ASIN's price change, not August's deal
      source: 'scp',
    });
    expect(findings[0]?.actions.en[0]).toMatch(/A\/B test the main image/);
    expect(findings[0]?.actions.zh[0]).toMatch(/主图/);
    expect(findings[0]?.actions.zh).toHaveLength(findings[0]?.actions.en.length ?? -1);
  });

  test('the review finding: Request a Review and Vine', () => {
    expect(findings[1]?.evidence).toEqual({ orders: 50, reviews_or_feedback: 0 }); // rating_avg not given: left out
    expect(findings[1]?.actions.en.join(' ')).toMatch(/Request a Review.*Vine/);
  });
});

test('an ads-only funnel: weak order stage shows Buy Box % and its bound, a weak cart stage the rating', () => {
  const adsOnly = buildFunnel(funnelInput({
    search: { source: null, impressions: null, clicks: null, cartAdds: null, purchases: null },
    ads: { impressions: 20000, clicks: 80, orders: 3 },
    detail: { sessions: 400, sessionsMobile: null, sessionsBrowser: null, unitSessionPct: 0.0125, orderItemSessionPct: 0.01, buyBoxPct: 0.62 },
  }));
  const [order, ...rest] = diagnose(adsOnly, { window: september, facts: { rating_avg: 3.6, available_units: 0, stockout_days: 6 } });
  // ad CTR 80 / 20000 = 0.004: ok (0.3–0.7%, Sponsored Products); order 3 / 80 = 0.0375 < 0.08 / 2 = 0.04: critical
  expect(rest).toEqual([]);
  expect(order).toMatchObject({
    stage: 'order', metric: 'ad_conversion_rate', value: 0.0375, severity: 'critical', source: 'ads_only',
    evidence: {
      ad_clicks: 80, ad_orders: 3, buy_box_pct: 0.62, buy_box_benchmark_low: 0.95,
      unit_session_pct: 0.0125, order_item_session_pct: 0.01, available_units: 0, stockout_days: 6,
    },
    confounders: [],
  });
  expect(order?.actions.en[0]).toMatch(/Buy Box/);
  expect(order?.notes.map((n) => n.code)).toEqual(['ads_only', 'ads_benchmark']);

  const weakCart = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 10000, clicks: 80, cartAdds: 12, purchases: 8 } }));
  const [cart] = diagnose(weakCart, { window: september, facts: { rating_avg: 3.6, ratings: 41 } });
  // cart 12 / 80 = 0.15 < 0.2 (not below 0.1): warning; order 8 / 80 = 0.1 ok
  expect(cart).toMatchObject({ stage: 'cart', value: 0.15, severity: 'warning', evidence: { clicks: 80, cart_adds: 12, rating_avg: 3.6, ratings: 41 } });
  expect(cart?.actions.en.join(' ')).toMatch(/price.*rating.*delivery promise.*A\+.*Q&A/);
});

test('first 30 days: only CTR and cart-add rate produce findings, and they say so', () => {
  const row = buildFunnel(funnelInput({
    tier: 'new', daysSinceFirstSale: 12,
    search: { source: 'scp', impressions: 10000, clicks: 50, cartAdds: 7, purchases: 2 },
    orders: 3, reviewsNew: 0,
  }));
  // CTR 50 / 10000 = 0.005 < 0.008 (first month); cart 7 / 50 = 0.14 < 0.15 (new);
  // order 2 / 50 = 0.04 < 0.06 and review 0 / 3 = 0 < 0.01 are low too, but not diagnosed yet
  expect(row.stages.map((s) => s.status)).toEqual(['ok', 'low', 'low', 'low', 'low', 'unknown']);
  const findings = diagnose(row, { window: september });
  expect(findings.map((f) => [f.stage, f.value, f.benchmark.from, f.severity])).toEqual([
    ['click', 0.005, 'default:US:new:first_30_days', 'warning'], // 0.005 ≥ 0.004
    ['cart', 0.14, 'default:US:new', 'warning'], // 0.14 ≥ 0.075
  ]);
  for (const f of findings) expect(f.notes.map((n) => n.code)).toContain('first_30_days');
  expect(findings[0]?.notes.find((n) => n.code === 'first_30_days')?.en).toMatch(/CTR and cart-add rate first/);
});

test('a marketplace-wide funnel: scope is its key, ASIN events there are confounders', () => {
  const row = buildFunnel(funnelInput({ key: { marketplace: 'US' }, search: { source: 'scp', impressions: 100000, clicks: 300, cartAdds: 90, purchases: 30 } }));
  const [finding] = diagnose(row, { window: september, events: [coupon, otherAsin, august] });
  // 300 / 100000 = 0.003 < 0.004
  expect(finding).toMatchObject({ scope: { marketplace: 'US' }, stage: 'click', value: 0.003 });
  expect(finding?.confounders.map((e) => e.type)).toEqual(['coupon', 'price_change']);
});

test('no findings when nothing is low or everything is unknown', () => {
  expect(diagnose(buildFunnel(funnelInput()), { window: september, events: [coupon] })).toEqual([]);
});
