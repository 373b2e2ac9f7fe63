import { expect, test } from 'vitest';
import { combine, isAdditive, partsOf } from './kpi-combine.ts';

// two ASINs of one product line
const a1 = { sales: 100, units: 5, units_br: 5, sessions: 100, ad_spend: 10, ad_sales: 40, buy_box_pct: 0.9, page_views: 150, customers: 50 };
const a2 = { sales: 300, units: 10, units_br: 10, sessions: 300, ad_spend: 20, ad_sales: 40, buy_box_pct: 0.5, page_views: 50, customers: 30 };

test('sums add; ratios are ratios of the summed parts', () => {
  expect(combine('sales', [a1, a2])).toBe(400);
  // ACoS (10 + 20) / (40 + 40) = 0.375, not the mean of 0.25 and 0.5
  expect(combine('acos', [a1, a2])).toBe(0.375);
  // unit session % (5 + 10) / (100 + 300) = 0.0375
  expect(combine('unit_session_pct', [a1, a2])).toBe(0.0375);
  // Buy Box by page views: (0.9 × 150 + 0.5 × 50) / 200 = 160 / 200 = 0.8
  expect(combine('buy_box_pct', [a1, a2])).toBeCloseTo(0.8, 10);
});

test('distinct counts do not add; unknown stays unknown', () => {
  expect(combine('customers', [a1, a2])).toBeNull();
  expect(combine('customers', [a1, { customers: null }])).toBe(50);
  expect(combine('sales', [{ sales: null }, { sales: null }])).toBeNull();
  expect(combine('acos', [{ ad_spend: 10, ad_sales: 0 }, { ad_spend: 5, ad_sales: null }])).toBeNull(); // 15 / 0
});

test('the parts a combined KPI needs, and which KPIs build up over a period', () => {
  expect(partsOf('acos')).toEqual(['acos', 'ad_spend', 'ad_sales']);
  expect(partsOf('buy_box_pct')).toEqual(['buy_box_pct', 'page_views']);
  expect(['sales', 'net_profit', 'acos', 'available_units'].map(isAdditive)).toEqual([true, true, false, false]);
});

test('a KPI over a product line\'s ASINs combines BSR from its parts: the average rank, never a sum of ranks', () => {
  expect(partsOf('bsr')).toEqual(['bsr', 'bsr_sum', 'bsr_asins']);
  // (4000 + 20000) / (1 + 1) = 12000; days lost add up: 2 + 0
  expect(combine('bsr', [{ bsr: 4000, bsr_sum: 4000, bsr_asins: 1 }, { bsr: 20000, bsr_sum: 20000, bsr_asins: 1 }])).toBe(12000);
  expect(combine('buy_box_lost_days', [{ buy_box_lost_days: 2 }, { buy_box_lost_days: 0 }])).toBe(2);
  expect([isAdditive('bsr'), isAdditive('buy_box_lost_days')]).toEqual([false, true]);
});
