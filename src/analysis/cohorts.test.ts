import { expect, test } from 'vitest';
import { cohortAnalysis } from './cohorts.ts';

/**
 * Five customers, January to March 2026, as of 2026-03-31, churn interval 60 days:
 * A: Jan 05, Feb 10, Mar 02   B: Jan 20, Mar 15   C: Jan 25   D: Feb 03, Feb 20   E: Mar 28
 */
const orders = [
  ['A', '2026-01-05', '20.00'], ['A', '2026-02-10', '15.00'], ['A', '2026-03-02', '10.00'],
  ['B', '2026-01-20', '30.00'], ['B', '2026-03-15', '30.00'],
  ['C', '2026-01-25', '12.50'],
  ['D', '2026-02-03', '40.00'], ['D', '2026-02-20', '5.00'],
  ['E', '2026-03-28', '9.99'],
].map(([customer, date, amount]) => ({ customer: customer as string, date: date as string, amount: amount as string }));

test('the repeat matrix of acquisition cohorts, worked out by hand', () => {
  const a = cohortAnalysis(orders, '2026-03-31', 60);
  // January: A, B, C (3). Month 0: all 3; month 1 (Feb): A; month 2 (Mar): A, B → 3, 1, 2 → 1, 0.3333, 0.6667
  // February: D (1). Month 0: D; month 1 (Mar): nobody → 1, 0
  // March: E (1) → 1
  expect(a.cohorts).toEqual([
    { cohort: '2026-01', customers: 3, active: [3, 1, 2], retention: [1, 0.3333, 0.6667] },
    { cohort: '2026-02', customers: 1, active: [1, 0], retention: [1, 0] },
    { cohort: '2026-03', customers: 1, active: [1], retention: [1] },
  ]);
  // repeat buyers A, B, D: 3 of 5 = 0.6; days to the second order: A 36 (Jan 05 → Feb 10), B 54 (Jan 20 → Mar 15), D 17 → median 36
  expect(a).toMatchObject({ customers: 5, repeat_customers: 3, repeat_rate: 0.6, days_to_second_order: 36 });
  // recency on Mar 31: A 29, B 16, C 65 (> 60: churned), D 39 (repeat buyer, > 30: at risk), E 3 (one order, recent: new)
  expect(a.churned).toBe(1);
  expect(a.churn_rate).toBe(0.2);
  expect(Object.fromEntries(a.segments.map((s) => [s.id, s.customers]))).toEqual({ churned: 1, at_risk: 1, loyal: 2, new: 1, one_time: 0 });
  // A's money: 20.00 + 15.00 + 10.00 = 45.00
  expect(a.figures.find((f) => f.customer === 'A')).toMatchObject({ orders: 3, recency_days: 29, monetary: '45.00', segment: 'loyal' });
});
