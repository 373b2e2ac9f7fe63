import { expect, test } from 'vitest';
import { decomposeSalesChange, type SalesChange } from './sales-change.ts';

/** Exactly, in minor units: no float drift allowed. */
const addsUp = (r: SalesChange, digits = 2) => {
  const u = (x: number | null) => Math.round((x ?? NaN) * 10 ** digits);
  expect(u(r.traffic) + u(r.conversion) + u(r.price)).toBe(u(r.total));
};

test('traffic up, conversion down, price up: Shapley shares, rounded to cents, add up to the change', () => {
  // before: 1000 sessions × 0.10 × 20.00 = 2000; after: 1200 × 0.09 × 21.00 = 2268; change 268
  // traffic    200 × [(0.1·20 + 0.09·21)/3 + (0.1·21 + 0.09·20)/6] = 200 × (1.29667 + 0.65) = 389.3333…
  // conversion −0.01 × [(1000·20 + 1200·21)/3 + (1000·21 + 1200·20)/6] = −0.01 × (15066.67 + 7500) = −225.6667…
  // price      1 × [(1000·0.1 + 1200·0.09)/3 + (1000·0.09 + 1200·0.1)/6] = 69.3333… + 35 = 104.3333…
  // floors 389.33 − 225.67 + 104.33 = 267.99: the cent left goes to the largest remainder (all ⅓: the first, traffic)
  const r = decomposeSalesChange({ sessions: 1000, units: 100, sales: 2000 }, { sessions: 1200, units: 108, sales: 2268 });
  expect(r).toEqual({
    method: 'shapley', total: 268, traffic: 389.34, conversion: -225.67, price: 104.33, problem: null,
    before: { sales: 2000, sessions: 1000, conversion: 0.1, price: 20 },
    after: { sales: 2268, sessions: 1200, conversion: 0.09, price: 21 },
  });
  addsUp(r);
});

test.each([
  // before, after, traffic, conversion, price
  // a new listing: no sessions before, so conversion and price take the after values and only traffic changed:
  // 500 × [(0.05·30 + 0.05·30)/3 + (0.05·30 + 0.05·30)/6] = 500 × 1.5 = 750
  [{ sessions: 0, units: 0, sales: 0 }, { sessions: 500, units: 25, sales: 750 }, 750, 0, 0],
  // no units after: price keeps 25; traffic −200 × [(0.05·25 + 0)/3 + (0.05·25 + 0)/6] = −200 × 0.625 = −125
  // conversion −0.05 × [(800·25 + 600·25)/3 + (800·25 + 600·25)/6] = −0.05 × 17500 = −875; total −1000
  [{ sessions: 800, units: 40, sales: 1000 }, { sessions: 600, units: 0, sales: 0 }, -125, -875, 0],
  // nothing changes but the price: 100 × 0.1 × (12 − 10) = 20
  [{ sessions: 100, units: 10, sales: 100 }, { sessions: 100, units: 10, sales: 120 }, 0, 0, 20],
  // nothing at all, twice
  [{ sessions: 0, units: 0, sales: 0 }, { sessions: 0, units: 0, sales: 0 }, 0, 0, 0],
])('zeros: %j → %j', (before, after, traffic, conversion, price) => {
  const r = decomposeSalesChange(before, after);
  expect([r.traffic, r.conversion, r.price]).toEqual([traffic, conversion, price]);
  expect(r.problem).toBeNull();
  addsUp(r);
});

test.each([
  [{ sessions: 1234, units: 87, sales: 1999.13 }, { sessions: 1500, units: 91, sales: '2203.47' }, 2],
  [{ sessions: 7, units: 3, sales: 100.01 }, { sessions: 13, units: 11, sales: 77.77 }, 2],
  [{ sessions: 333, units: 17, sales: 54_321 }, { sessions: 290, units: 23, sales: 70_001 }, 0], // yen: whole units
])('awkward numbers still add up exactly in minor units: %j → %j', (before, after, digits) => {
  const r = decomposeSalesChange(before, after, digits);
  addsUp(r, digits);
});

test('missing or inconsistent numbers: no decomposition, a problem that says why, the total still given', () => {
  const missing = decomposeSalesChange({ sessions: null, units: 10, sales: 100 }, { sessions: 100, units: 12, sales: 130 });
  expect(missing).toMatchObject({ total: 30, traffic: null, conversion: null, price: null, problem: { code: 'sales_change_missing' } });
  // units without sessions: conversion would be infinite
  const inconsistent = decomposeSalesChange({ sessions: 0, units: 5, sales: 100 }, { sessions: 100, units: 12, sales: 130 });
  expect(inconsistent).toMatchObject({ total: 30, traffic: null, problem: { code: 'sales_change_inconsistent' } });
  expect(inconsistent.problem?.zh).toBeTruthy();
});
