import { expect, test } from 'vitest';
import { adsVsOrganic, adsVsOrganicChange } from './ads-organic.ts';

test.each([
  // sales, advertised-SKU ad sales, organic, organic share, problem
  [1000, 350.2, 649.8, 0.6498, null], // 1000 − 350.20 = 649.80; 649.8 / 1000
  ['0.30', '0.10', 0.2, 0.6667, null], // decimal: 0.3 − 0.1 is exactly 0.2; 0.2 / 0.3 = 0.66667
  [500, null, 500, 1, 'ad_sales_missing'], // no ad data: counted 0, and said so
  [null, 20, null, null, null],
  [0, 0, 0, null, null], // 0 / 0: no share
] as const)('sales %s, ad sales %s: organic %s, share %s', (sales, adSalesSameSku, organic, share, problem) => {
  const r = adsVsOrganic({ sales, adSalesSameSku });
  expect([r.organic, r.organic_share, r.problem?.code ?? null]).toEqual([organic, share, problem]);
});

test('the change in sales is the change in ad sales plus the change in organic sales, exactly', () => {
  // total 1200.10 − 1000 = 200.10; ads 420.05 − 300 = 120.05; organic 200.10 − 120.05 = 80.05
  expect(adsVsOrganicChange({ sales: 1000, adSalesSameSku: 300 }, { sales: 1200.1, adSalesSameSku: 420.05 }))
    .toEqual({ total: 200.1, ads: 120.05, organic: 80.05, problem: null });
  expect(adsVsOrganicChange({ sales: null, adSalesSameSku: 1 }, { sales: 5, adSalesSameSku: 1 })).toMatchObject({ total: null, ads: null, organic: null });
});
