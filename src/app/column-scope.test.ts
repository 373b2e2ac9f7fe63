import { describe, expect, test } from 'vitest';
import type { Principal } from '../domain/rights.ts';
import type { ReportData } from '../report/report-data.ts';
import { blankReview, blankSensitive } from './column-scope.ts';

const as = (role: Principal['role'], seeCosts: boolean | null = null): Principal => ({ name: role, role, stores: [], marketplaces: [], ownerScope: null, seeCosts });

/** A review's parts that carry cost and profit: the headline, ads vs organic, KPI rows (shaped as review-data.ts makes them). */
const review = {
  headline: [{
    marketplace: 'US', currency: 'USD', partial_base: [],
    values: { sales: { value: 1200, previous: [1000] }, net_profit: { value: 180.5, previous: [150] }, ad_spend: { value: 90, previous: [80] } },
    missing: { net_profit: ['cogs'] },
  }],
  ads_organic: [{ marketplace: 'US', currency: 'USD', ad_spend: 90, sales: 1200, ad_sales_same_sku: 300, organic: 900, organic_share: 0.75, problem: null }],
  kpi: {
    period: '2026-09', as_of: '2026-09-30', locked: false, restated: false, findings: [], explanations: [], scorecards: { people: [], roles: [] },
    rows: [{ kpi: 'sales', target: 1000, actual: 1200, attainment: 1.2, owner: null }, { kpi: 'net_profit', target: 200, actual: 180.5, attainment: 0.9025, owner: null }],
  },
  problems: [],
} as unknown as ReportData;

describe('cost and profit blank for a role without the cost right', () => {
  test('a review: net profit and ad spend null, sales kept, the reason among its problems', () => {
    const seen = blankReview(review, as('viewer'));
    expect(seen.headline[0]?.values).toEqual({ sales: { value: 1200, previous: [1000] }, net_profit: { value: null, previous: [null] }, ad_spend: { value: null, previous: [null] } });
    expect(seen.headline[0]?.missing).toEqual({});
    expect(seen.ads_organic[0]).toMatchObject({ ad_spend: null, sales: 1200, organic: 900 });
    expect(seen.kpi?.rows.map((r) => [r.kpi, r.target, r.actual, r.attainment])).toEqual([['sales', 1000, 1200, 1.2], ['net_profit', null, null, null]]);
    expect(seen.problems).toEqual([{
      en: 'net_profit, ad_spend: null, because the role Viewer does not see costs and profit (ask the owner for the cost right)',
      zh: 'net_profit, ad_spend：为空，因为角色“只读”无权查看成本与利润（可请老板开通成本权限）',
    }]);
  });

  test('the owner, and a viewer given the cost right, get the review as it is', () => {
    expect(blankReview(review, as('owner'))).toBe(review);
    expect(blankReview(review, as('viewer', true))).toBe(review);
  });

  test('price suggestions: break-even, target-margin price, cost, fees and the profit at the suggested price null; the price stands', () => {
    const answer = { suggestions: [{ sku: 'MAT-1', suggested_price: 24.99, break_even_price: 15.2, target_margin_price: 22.8, floor_price: 16, cost: { unit_cost: '3.1' }, fees: { referral: 3.75 }, at_suggested_price: { profit: 5.1 } }] };
    const seen = blankSensitive('price_list', answer, as('operator')) as { suggestions: Record<string, unknown>[]; problems: { code: string }[] };
    expect(seen.suggestions[0]).toEqual({ sku: 'MAT-1', suggested_price: 24.99, break_even_price: null, target_margin_price: null, floor_price: null, cost: null, fees: null, at_suggested_price: null });
    expect(seen.problems.map((p) => p.code)).toEqual(['hidden_by_role']);
    expect(blankSensitive('price_list', answer, as('manager'))).toBe(answer);
  });
});
