import { expect, test } from 'vitest';
import { normalCdf, overlappingEvents, twoProportionZTest } from './listing-experiment.ts';

test('the textbook example: 20 of 200 against 12 of 200 (Illowsky & Dean, OpenStax), p-value 0.1404', () => {
  // p̂A = 0.10, p̂B = 0.06, pooled 32 ÷ 400 = 0.08; z = 0.04 ÷ √(0.08 × 0.92 × (1/200 + 1/200)) = 0.04 ÷ 0.027129 = 1.4744
  const r = twoProportionZTest({ a: { successes: 20, trials: 200 }, b: { successes: 12, trials: 200 } }, 0.01);
  expect(r).not.toBeNull();
  expect(r!.pooled).toBeCloseTo(0.08, 10);
  expect(r!.z).toBeCloseTo(1.4744, 4);
  expect(Number(r!.p_value.toFixed(4))).toBe(0.1404);
  expect(r!.significant).toBe(false);
});

test('a clear difference is significant; nothing to test is null', () => {
  // 100 of 400 (25 %) against 41 of 407 (10.1 %): pooled 141 ÷ 807 = 0.1747; z = 0.1493 ÷ √(0.1747 × 0.8253 × (1/400 + 1/407)) = 5.58
  const r = twoProportionZTest({ a: { successes: 100, trials: 400 }, b: { successes: 41, trials: 407 } });
  expect(r!.z).toBeCloseTo(5.58, 2);
  expect(r!.significant).toBe(true);
  expect(twoProportionZTest({ a: { successes: 0, trials: 0 }, b: { successes: 1, trials: 10 } })).toBeNull();
  expect(twoProportionZTest({ a: { successes: 0, trials: 10 }, b: { successes: 0, trials: 10 } })).toBeNull();
  // Φ(1.96) = 0.9750
  expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
});

test('events inside the test window are named; others are not', () => {
  const events = [{ date: '2026-10-03', kind: 'coupon' }, { date: '2026-10-20', kind: 'stockout' }, { date: '2026-10-05', kind: 'holiday' }];
  expect(overlappingEvents({ from: '2026-10-01', to: '2026-10-14' }, events)).toEqual([{ date: '2026-10-03', kind: 'coupon' }]);
});
