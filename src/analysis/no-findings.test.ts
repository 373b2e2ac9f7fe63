import { expect, test } from 'vitest';
import { diagnose } from './diagnose.ts';
import { buildFunnel } from './funnel.ts';
import { whyNoFindings } from './no-findings.ts';
import { funnelInput } from './testing.ts';

const september = { window: { from: '2026-09-01', to: '2026-09-30' } };

test('no funnel at all: no_funnels', () => {
  expect(whyNoFindings([])).toEqual({ reason: 'no_funnels', funnels: 0, stages_judged: 0, stages_first_30_days: 0, stages_unknown: 0 });
});

test('every stage judged within its benchmark: within_benchmark, with the stages counted', () => {
  // US mature: CTR 300 / 40000 = 0.0075 in 0.004–0.012; cart 90 / 300 = 0.30 in 0.20–0.35;
  // order 30 / 300 = 0.10 in 0.08–0.15; review 1 / 50 = 0.02 in 0.01–0.03: 4 stages judged.
  // Exposure has no benchmark (not judged); repeat has no count (unknown).
  const row = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 40000, clicks: 300, cartAdds: 90, purchases: 30 }, orders: 50, reviewsNew: 1 }));
  expect(diagnose(row, september)).toEqual([]);
  expect(whyNoFindings([row])).toEqual({ reason: 'within_benchmark', funnels: 1, stages_judged: 4, stages_first_30_days: 0, stages_unknown: 1 });
});

test('ads with no impressions and no search funnel: nothing to judge, too_little_data', () => {
  // 0 impressions and 0 clicks give no CTR (0 / 0) and no conversion; cart, review and repeat have no counts
  const row = buildFunnel(funnelInput({ search: { source: null, impressions: null, clicks: null, cartAdds: null, purchases: null }, ads: { impressions: 0, clicks: 0, orders: 0 } }));
  expect(diagnose(row, september)).toEqual([]);
  expect(whyNoFindings([row])).toMatchObject({ reason: 'too_little_data', funnels: 1, stages_judged: 0, stages_unknown: 5 });
});

test('a listing in its first 30 days whose only low stage is order: first_30_days', () => {
  // new tier, first month: CTR 400 / 40000 = 0.01 ≥ 0.008; cart 90 / 400 = 0.225 ≥ 0.15; order 3 / 400 = 0.0075 < 0.06 (low,
  // but only click and cart are diagnosed in the first 30 days); review 1 / 50 = 0.02 in 0.01–0.03
  const row = buildFunnel(funnelInput({ tier: 'new', daysSinceFirstSale: 10, search: { source: 'scp', impressions: 40000, clicks: 400, cartAdds: 90, purchases: 3 }, orders: 50, reviewsNew: 1 }));
  expect(diagnose(row, september)).toEqual([]);
  expect(whyNoFindings([row])).toMatchObject({ reason: 'first_30_days', stages_judged: 4, stages_first_30_days: 1 });
});
