import { describe, expect, test } from 'vitest';
import { clicksToJudge, skuAdEconomics } from './ads-economics.ts';
import { bidTargets, budgetPacing, harvestTerms, negativeTerms, placementMultipliers, type AdRow, type SuggestionContext } from './ads-suggestions.ts';

// One SKU, MAT-1 (USD): break-even ACoS 40 % (profit before ads ÷ revenue), target ACoS 25 % set for the SKU;
// its advertised product report: 200 clicks, 20 orders, 600.00 sales.
const mat = skuAdEconomics({ sku: 'MAT-1', currency: 'USD', breakEvenAcos: '0.4', target: { acos: '0.25', source: 'sku' }, adSales: '600', adOrders: 20, adClicks: 200 });

const context: SuggestionContext = {
  store: 'demo', marketplace: 'US', ad_type: 'SP', attribution_days: 7, currency: 'USD', from: '2026-10-01', to: '2026-10-31',
  skusOf: () => ['MAT-1'], economics: new Map([['MAT-1', mat]]), storeTarget: null, accountConversionRate: null,
};
const row = (o: Partial<AdRow> & Pick<AdRow, 'campaign'>): AdRow => ({
  portfolio: null, ad_group: null, targeting: null, match_type: null, search_term: null, placement: null, impressions: null, clicks: 0, spend: '0', sales: '0', orders: 0, ...o,
});
const auto = { campaign: 'Mats - Auto', ad_group: 'Auto', targeting: 'close-match', match_type: '-' };
const searchTerms = [
  row({ ...auto, search_term: 'bath mat non slip', clicks: 20, spend: '16.00', sales: '120.00', orders: 4 }),
  row({ ...auto, search_term: 'bath mat', clicks: 15, spend: '9.00', sales: '90.00', orders: 3 }),
  row({ ...auto, targeting: 'substitutes', search_term: 'b0abcdef12', clicks: 8, spend: '5.00', sales: '60.00', orders: 2 }),
  row({ ...auto, search_term: 'door mat', clicks: 30, spend: '24.00' }),
  row({ ...auto, search_term: 'rug', clicks: 12, spend: '9.60' }),
  row({ campaign: 'Mats - Broad', ad_group: 'Broad', targeting: 'bath mat', match_type: 'BROAD', search_term: 'shower curtain', clicks: 10, spend: '18.00', sales: '20.00', orders: 1 }),
];
const targets = [
  row({ campaign: 'Mats - Exact', ad_group: 'Exact', targeting: 'bath mat', match_type: 'EXACT', clicks: 40, spend: '30.00', sales: '150.00', orders: 5 }),
  row({ ...auto, clicks: 10, spend: '8.00', sales: '30.00', orders: 1 }),
];

describe('ads economics', () => {
  test('break-even CPC = break-even ACoS × average order value × conversion rate', () => {
    // AOV 600 ÷ 20 = 30.00; CVR 20 ÷ 200 = 10 %; break-even CPC 0.40 × 30.00 × 0.10 = 1.20
    expect(mat).toMatchObject({ break_even_acos: 0.4, target_acos: 0.25, target_source: 'sku', average_order_value: '30.00', conversion_rate: 0.1, break_even_cpc: '1.20', reasons: [] });
  });
  test('unknown parts are null with a reason; the target falls back to break-even', () => {
    const e = skuAdEconomics({ sku: 'X', currency: 'JPY', breakEvenAcos: null, target: null, adSales: null, adOrders: 0, adClicks: 0 });
    expect(e).toMatchObject({ break_even_acos: null, target_acos: null, average_order_value: null, conversion_rate: null, break_even_cpc: null });
    expect(e.reasons.map((r) => r.en)).toEqual([expect.stringMatching(/no break-even/), expect.stringMatching(/no ad orders/), expect.stringMatching(/no ad clicks/), expect.stringMatching(/no target/)]);
    expect(skuAdEconomics({ sku: 'Y', currency: 'USD', breakEvenAcos: '0.3', target: null, adSales: '10', adOrders: 1, adClicks: 4 })).toMatchObject({ target_acos: 0.3, target_source: 'break_even', break_even_cpc: '0.75' });
  });
  test('clicks that make "no order yet" meaningful', () => {
    // ⌈ln 0.05 ÷ ln 0.9⌉ = ⌈2.9957 ÷ 0.10536⌉ = ⌈28.43⌉ = 29; at 2 %: ⌈2.9957 ÷ 0.020203⌉ = ⌈148.28⌉ = 149
    expect(clicksToJudge(0.1, 0.05)).toBe(29);
    expect(clicksToJudge(0.02, 0.05)).toBe(149);
    expect(clicksToJudge(null, 0.05)).toBeNull();
  });
});

describe('search terms', () => {
  test('harvested: converting terms below target, not yet exact, into the SKU\'s exact ad group with a bid toward target', () => {
    const h = harvestTerms(context, searchTerms, targets);
    expect(h.suggestions.map((s) => [s.kind, s.scope.search_term, s.change])).toEqual([
      // 4 orders ≥ 2; ACoS 16 ÷ 120 = 13.3 % < 25 %; bid 0.25 × 120 ÷ 20 = 1.50, in Mats - Exact / Exact (MAT-1's exact ad group)
      ['harvest_keyword', 'bath mat non slip', { entity: 'Keyword', operation: 'Create', campaign: 'Mats - Exact', ad_group: 'Exact', keyword_text: 'bath mat non slip', match_type: 'exact', bid: '1.50' }],
      // an ASIN that converted in auto targeting: 2 orders, ACoS 5 ÷ 60 = 8.3 %; bid 0.25 × 60 ÷ 8 = 1.875 → 1.87 (rounded down)
      ['harvest_product', 'b0abcdef12', { entity: 'Product Targeting', operation: 'Create', campaign: 'Mats - Exact', ad_group: 'Exact', expression: 'asin="B0ABCDEF12"', bid: '1.87' }],
    ]);
    expect(h.suggestions[0]?.evidence).toMatchObject({ clicks: 20, orders: 4, spend: '16.00', sales: '120.00', acos: 0.1333, target_acos: 0.25, sales_per_click: '6.00' });
    // 'bath mat' is already exact in Mats - Exact; 'shower curtain' has 1 order
    expect(h.left_alone.map((l) => [l.scope.search_term, l.reason.en])).toEqual([
      ['bath mat', 'already an exact keyword in a manual campaign'],
      ['shower curtain', '1 orders, fewer than the 2 harvesting needs'],
    ]);
  });

  test('negated: no order after enough clicks, or ACoS far above break-even; left alone: too few clicks', () => {
    const n = negativeTerms(context, searchTerms);
    expect(n.suggestions.map((s) => [s.scope.search_term, s.evidence.wasted_spend, s.change])).toEqual([
      // 30 clicks ≥ 29 needed at 10 %, spend 24.00 ≥ 10.00: all 24.00 wasted
      ['door mat', '24.00', { entity: 'Negative Keyword', operation: 'Create', campaign: 'Mats - Auto', ad_group: 'Auto', keyword_text: 'door mat', match_type: 'negativeExact' }],
      // ACoS 18 ÷ 20 = 90 % ≥ 2 × 40 %: wasted 18.00 − 20.00 × 0.40 = 10.00
      ['shower curtain', '10.00', { entity: 'Negative Keyword', operation: 'Create', campaign: 'Mats - Broad', ad_group: 'Broad', keyword_text: 'shower curtain', match_type: 'negativeExact' }],
    ]);
    expect(n.suggestions[0]?.evidence).toMatchObject({ clicks_needed: 29, conversion_rate_used: 0.1, conversion_rate_source: 'sku' });
    // 'rug': 12 clicks, no order, but 29 are needed at 10 % (0.9^12 = 28 % chance of no order anyway)
    expect(n.left_alone.map((l) => [l.scope.search_term, l.reason.en])).toEqual([['rug', '12 clicks without an order are too few to judge: at a conversion rate of 10% it takes 29']]);
  });
});

test('negative phrase: "door mat" in two terms that spent without an order, in no converting term', () => {
  const n = negativeTerms(context, [
    ...searchTerms,
    // 31 clicks ≥ 29, 12.40 ≥ 10.00: negated exact too
    row({ ...auto, search_term: 'door mat outdoor', clicks: 31, spend: '12.40' }),
  ]);
  const phrase = n.suggestions.filter((s) => s.change.match_type === 'negativePhrase');
  // wasted 24.00 + 12.40 = 36.40; "mat outdoor" is in one term only, "bath mat" is in converting terms
  expect(phrase.map((s) => [s.change.keyword_text, s.change.ad_group, s.evidence.wasted_spend, s.evidence.terms])).toEqual([['door mat', 'Auto', '36.40', 'door mat | door mat outdoor']]);
});

describe('bids, placements, budgets', () => {
  test('a target with enough data is bid toward target ACoS', () => {
    // bath mat EXACT: 40 clicks, 5 orders; CPC 30 ÷ 40 = 0.75; bid 0.25 × 150 ÷ 40 = 0.9375 → 0.93 (within 0.75 ± 50 %)
    // close-match: 10 clicks < 20, not judged
    const b = bidTargets(context, targets);
    expect(b.suggestions.map((s) => [s.scope.targeting, s.evidence.cpc, s.change.bid, s.change.operation])).toEqual([['bath mat', '0.75', '0.93', 'Update']]);
  });

  test('placement multipliers from sales per click against rest of search', () => {
    const p = placementMultipliers(context, [
      row({ campaign: 'Mats - Exact', placement: 'Rest of search on Amazon', clicks: 50, spend: '35.00', sales: '150.00', orders: 5 }),
      row({ campaign: 'Mats - Exact', placement: 'First page Top of Search on Amazon', clicks: 40, spend: '40.00', sales: '200.00', orders: 7 }),
      row({ campaign: 'Mats - Exact', placement: 'Product pages on Amazon', clicks: 25, spend: '15.00', sales: '50.00', orders: 2 }),
    ]);
    // rest 150 ÷ 50 = 3.00 a click; top 200 ÷ 40 = 5.00 → (5 ÷ 3 − 1) × 100 = 66.7 → 66 %; product pages 50 ÷ 25 = 2.00 → −33 % → 0 %
    expect(p.suggestions.map((s) => [s.change.placement, s.change.percentage])).toEqual([['top_of_search', 66], ['product_pages', 0]]);
  });

  test('budget pacing: more budget only where ACoS is at or below target', () => {
    const budgets = budgetPacing(context, [
      { portfolio: null, campaign: 'Mats - Auto', budget: '20', recommended_budget: '35', avg_time_in_budget: 0.625, spend: '590', sales: '800', missed_sales_min: '210', missed_sales_max: '370', days: 31 },
      { portfolio: null, campaign: 'Mats - Exact', budget: '15', recommended_budget: null, avg_time_in_budget: 0.75, spend: '90', sales: '450', missed_sales_min: '40', missed_sales_max: '80', days: 31 },
    ], () => ['MAT-1']);
    // Exact: ACoS 90 ÷ 450 = 20 % ≤ 25 %; no recommendation: 15 ÷ 0.75 = 20.00; run-rate 90 ÷ 31 = 2.90 a day
    expect(budgets.suggestions.map((s) => [s.scope.campaign, s.change.daily_budget, s.evidence.spend_per_day])).toEqual([['Mats - Exact', '20.00', '2.90']]);
    // Auto: ACoS 590 ÷ 800 = 73.8 % > 25 %, out of budget 37.5 % of the time
    expect(budgets.left_alone.map((l) => l.reason.en)).toEqual(['out of budget 37.5% of the time, but its ACoS 73.8% is above the target 25%: fix the bids before adding budget']);
  });
});
