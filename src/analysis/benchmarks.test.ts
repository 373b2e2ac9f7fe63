import { describe, expect, test } from 'vitest';
import { defaultBenchmarks, marketplaceGroups, tiers, type Tier } from './benchmark-table.ts';
import { benchmarkFor, judge, marketplaceGroup, type BenchmarkOverride } from './benchmarks.ts';

describe('the default table', () => {
  test('every group × tier has exactly one usual row for each funnel metric', () => {
    for (const group of marketplaceGroups) {
      for (const tier of tiers) {
        for (const metric of ['ctr', 'cart_add_rate', 'order_rate', 'review_rate', 'ad_ctr', 'ad_conversion_rate', 'buy_box_pct', 'acos', 'odr']) {
          const rows = defaultBenchmarks.filter((r) => r.group === group && r.tier === tier && r.metric === metric && r.variant === null);
          expect(rows, `${group} ${tier} ${metric}`).toHaveLength(1);
        }
      }
    }
  });

  test('every row says what it is in zh and en, and its bounds are in order', () => {
    for (const r of defaultBenchmarks) {
      expect(r.note.zh && r.note.en).toBeTruthy();
      if (r.low !== null && r.high !== null) expect(r.low).toBeLessThan(r.high);
    }
  });
});

test.each([
  ['US', 'US'], ['CA', 'US'], ['DE', 'EU'], ['UK', 'EU'], ['gb', 'EU'], ['JP', 'JP'], ['AU', 'US'], [null, 'US'], ['XX', 'US'],
] as const)('marketplace %s uses the %s rows', (code, group) => {
  expect(marketplaceGroup(code)).toBe(group);
});

describe('benchmarkFor: defaults', () => {
  const cases: [string, string | null, Tier, string | null, { low: number | null; high: number | null; from: string } | null][] = [
    // metric, marketplace, tier, variant, expected
    ['ctr', 'US', 'mature', null, { low: 0.004, high: 0.012, from: 'default:US:mature' }],
    ['order_rate', 'DE', 'mature', null, { low: 0.064, high: 0.12, from: 'default:EU:mature' }], // 0.08 × 0.8, 0.15 × 0.8
    ['order_rate', 'UK', 'new', null, { low: 0.048, high: 0.12, from: 'default:EU:new' }], // 0.06 × 0.8
    ['order_rate', 'US', 'new', null, { low: 0.06, high: 0.15, from: 'default:US:new' }], // 0.08 × 0.75
    ['cart_add_rate', 'JP', 'clearance', null, { low: 0.2, high: 0.35, from: 'default:JP:clearance' }],
    ['review_rate', 'JP', 'mature', null, { low: 0.005, high: 0.02, from: 'default:JP:mature' }],
    ['review_rate', 'US', 'mature', 'invited', { low: 0.1, high: 0.3, from: 'default:US:mature:invited' }],
    ['ctr', 'US', 'new', 'first_30_days', { low: 0.008, high: null, from: 'default:US:new:first_30_days' }],
    // a variant the tier does not have: the usual row
    ['ctr', 'US', 'mature', 'first_30_days', { low: 0.004, high: 0.012, from: 'default:US:mature' }],
    ['buy_box_pct', 'US', 'mature', null, { low: 0.95, high: null, from: 'default:US:mature' }],
    ['buy_box_pct', 'US', 'mature', 'reseller', { low: 0.7, high: null, from: 'default:US:mature:reseller' }],
    ['acos', 'FR', 'mature', 'efficient', { low: null, high: 0.18, from: 'default:EU:mature:efficient' }],
    // ad CTR is its own source's: Sponsored Products' row when the ad type is not known
    ['ad_ctr', 'AU', 'mature', null, { low: 0.003, high: 0.007, from: 'default:US:mature' }],
    ['ad_ctr', 'DE', 'mature', 'SD', { low: 0.0005, high: 0.0015, from: 'default:EU:mature:SD' }],
    ['ad_conversion_rate', null, 'mature', null, { low: 0.08, high: 0.15, from: 'default:US:mature' }],
    ['repeat_rate', 'US', 'mature', null, null], // no figure in the seeds: overrides only
    ['impressions', 'US', 'mature', null, null],
  ];
  test.each(cases)('%s in %s (%s, variant %s)', (metric, marketplace, tier, variant, expected) => {
    expect(benchmarkFor(metric, { marketplace, tier, variant })).toEqual(expected);
  });
});

describe('benchmarkFor: overrides beat the default, most specific wins', () => {
  const overrides: BenchmarkOverride[] = [
    { metric: 'ctr', marketplace: 'US', low: 0.005, high: 0.013 }, // 1 key
    { metric: 'ctr', marketplace: 'US', tier: 'mature', category: 'Kitchen', low: 0.006, high: 0.014 }, // 3 keys
    { metric: 'ctr', category: 'Kitchen', low: 0.007, high: null }, // 1 key, but category
    { metric: 'ctr', marketplace: 'EU', low: 0.003, high: 0.01 }, // a group
    { metric: 'ctr', tier: 'new', price_band: '<$20', low: 0.009, high: null }, // 2 keys
    { metric: 'order_rate', marketplace: 'JP', low: 0.1, high: 0.2 },
    { metric: 'order_rate', marketplace: 'JP', low: 0.11, high: 0.21 }, // same keys, later: the newer edit
  ];
  const cases: [string, string, Tier, string | null, string | null, { low: number | null; high: number | null; from: string }][] = [
    // metric, marketplace, tier, category, price band, expected
    ['ctr', 'US', 'mature', 'Kitchen', null, { low: 0.006, high: 0.014, from: 'override:US:mature:category=Kitchen' }],
    ['ctr', 'US', 'mature', 'Garden', null, { low: 0.005, high: 0.013, from: 'override:US:*' }],
    ['ctr', 'JP', 'mature', 'kitchen', null, { low: 0.007, high: null, from: 'override:*:*:category=Kitchen' }],
    // US/new/Kitchen: "US" and "Kitchen" match with one key each; category outranks marketplace
    ['ctr', 'US', 'new', 'Kitchen', null, { low: 0.007, high: null, from: 'override:*:*:category=Kitchen' }],
    ['ctr', 'DE', 'mature', null, null, { low: 0.003, high: 0.01, from: 'override:EU:*' }],
    // two keys (tier, price band) beat one (marketplace)
    ['ctr', 'US', 'new', null, '<$20', { low: 0.009, high: null, from: 'override:*:new:price_band=<$20' }],
    ['ctr', 'JP', 'mature', null, null, { low: 0.004, high: 0.012, from: 'default:JP:mature' }],
    ['order_rate', 'JP', 'new', null, null, { low: 0.11, high: 0.21, from: 'override:JP:*' }],
    ['order_rate', 'US', 'mature', 'Kitchen', null, { low: 0.08, high: 0.15, from: 'default:US:mature' }],
  ];
  test.each(cases)('%s in %s %s, category %s, price band %s', (metric, marketplace, tier, category, priceBand, expected) => {
    expect(benchmarkFor(metric, { marketplace, tier, category, priceBand }, overrides)).toEqual(expected);
  });
});

test.each([
  // value, bounds, status
  [0.0039, 0.004, 0.012, 'low'],
  [0.004, 0.004, 0.012, 'ok'], // on the bound is not below it
  [0.012, 0.004, 0.012, 'ok'],
  [0.0121, 0.004, 0.012, 'high'],
  [0.75, 0.7, null, 'ok'],
  [0.5, 0.7, null, 'low'],
  [0.25, null, 0.18, 'high'],
  [null, 0.004, 0.012, 'unknown'],
] as const)('judge %s against %s–%s: %s', (value, low, high, status) => {
  expect(judge(value, { low, high, from: 'test' })).toBe(status);
});

test('without a benchmark a known value is ok and an unknown one unknown', () => {
  expect(judge(0.2, null)).toBe('ok');
  expect(judge(null, null)).toBe('unknown');
});
