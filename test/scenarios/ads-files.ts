import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spAdvertisedProductHeader, spSearchTermHeader } from '../../src/demo/ads-reports.ts';

/**
 * The ads workbench's week (issue 21) in the real console layouts: SP search term, targeting, placement, advertised
 * product (headers as the ../shared sp-* fixtures have them) and the Budget report (test/fixtures/ingest/sp-budget).
 * One SKU, MAT-1, US, Oct 2026; 7-day attribution. Every suggestion of src/app/ads.test.ts is worked out from these.
 *
 * Advertised product (MAT-1): Auto 95 clicks 10 orders 300.00 · Exact 70 clicks 7 orders 210.00 · Broad 35 clicks 3
 * orders 90.00 → 200 clicks, 20 orders, 600.00: AOV 30.00, conversion rate 10 %.
 * Search terms (Mats - Auto / Auto, close-match unless said): bath mat non slip 20 clicks 16.00 spend 120.00 sales
 * 4 orders · bath mat 15 9.00 90.00 3 · b0abcdef12 (substitutes) 8 5.00 60.00 2 · door mat 30 24.00 0 0 · rug 12 9.60 0 0;
 * Mats - Broad / Broad, bath mat BROAD: shower curtain 10 18.00 20.00 1.
 * Targeting: Mats - Exact / Exact bath mat EXACT 40 clicks 30.00 150.00 5 · Mats - Auto / Auto close-match 10 8.00 30.00 1.
 * Placement (Mats - Exact): rest of search 50 clicks 35.00 150.00 5 · top of search 40 40.00 200.00 7 · product pages 25 15.00 50.00 2.
 * Budget (Oct 1–31): Mats - Auto 20.00, recommended 35.00, 62.50 % in budget, 590.00 spend, 800.00 sales ·
 * Mats - Exact 15.00, none recommended, 75.00 % in budget, 90.00 spend, 450.00 sales.
 */
const targetingHeader = ['Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Ad Group Name', 'Targeting', 'Match Type', 'Impressions', 'Clicks',
  'Click-Thru Rate (CTR)', 'Cost Per Click (CPC)', 'Spend', 'Total Advertising Cost of Sales (ACoS) ', 'Total Return on Advertising Spend (RoAS)',
  '7 Day Total Sales ', '7 Day Total Orders (#)', '7 Day Total Units (#)', '7 Day Conversion Rate', '7 Day Advertised SKU Units (#)',
  '7 Day Other SKU Units (#)', '7 Day Advertised SKU Sales ', '7 Day Other SKU Sales '];
const placementHeader = ['Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Bidding strategy', 'Placement', 'Impressions', 'Clicks',
  'Cost Per Click (CPC)', 'Spend', '7 Day Total Sales ', 'Total Advertising Cost of Sales (ACoS) ', 'Total Return on Advertising Spend (RoAS)',
  '7 Day Total Orders (#)', '7 Day Total Units (#)'];
const budgetHeader = ['Start Date', 'End Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Status', 'Targeting Type', 'Bidding strategy', 'Budget',
  'Recommended Budget', 'Average Time in Budget', 'Impressions', 'Estimated Missed Impressions Range Min', 'Estimated Missed Impressions Range Max',
  'Clicks', 'Estimated Missed Clicks Range Min', 'Estimated Missed Clicks Range Max', 'Click-Thru Rate (CTR)', 'Spend', 'Cost Per Click (CPC)',
  '7 Day Total Orders (#)', '7 Day Total Sales', 'Total Advertising Cost of Sales (ACOS)', 'Total Return on Advertising Spend (ROAS)',
  'Estimated Missed Sales Range Min', 'Estimated Missed Sales Range Max'];

const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
const csv = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) => [header, ...rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
const day = 'Oct 01, 2026';
const money = (v: string) => `$${v}`;

/** [campaign, ad group, targeting, match, term, impressions, clicks, spend, sales, orders] */
type TermRow = [string, string, string, string, string, number, number, string, string, number];
const terms: TermRow[] = [
  ['Mats - Auto', 'Auto', 'close-match', '-', 'bath mat non slip', 900, 20, '16.00', '120.00', 4],
  ['Mats - Auto', 'Auto', 'close-match', '-', 'bath mat', 700, 15, '9.00', '90.00', 3],
  ['Mats - Auto', 'Auto', 'substitutes', '-', 'b0abcdef12', 300, 8, '5.00', '60.00', 2],
  ['Mats - Auto', 'Auto', 'close-match', '-', 'door mat', 1500, 30, '24.00', '0.00', 0],
  ['Mats - Auto', 'Auto', 'close-match', '-', 'rug', 800, 12, '9.60', '0.00', 0],
  ['Mats - Broad', 'Broad', 'bath mat', 'BROAD', 'shower curtain', 400, 10, '18.00', '20.00', 1],
];
const searchTermRows = terms.map(([c, g, t, m, s, i, k, sp, sa, o]) => [day, 'Mats', 'USD', c, g, t, m, s, i, k, '', '', money(sp), money(sa), '', '', o, o, '', o, 0, money(sa), money('0.00')]);
const targetingRows = ([
  ['Mats - Exact', 'Exact', 'bath mat', 'EXACT', 2000, 40, '30.00', '150.00', 5],
  ['Mats - Auto', 'Auto', 'close-match', '-', 600, 10, '8.00', '30.00', 1],
] as const).map(([c, g, t, m, i, k, sp, sa, o]) => [day, 'Mats', 'USD', c, g, t, m, i, k, '', '', money(sp), '', '', money(sa), o, o, '', o, 0, money(sa), money('0.00')]);
const placementRows = ([
  ['Rest of search on Amazon', 3000, 50, '35.00', '150.00', 5],
  ['First page Top of Search on Amazon', 1000, 40, '40.00', '200.00', 7],
  ['Product pages on Amazon', 2500, 25, '15.00', '50.00', 2],
] as const).map(([p, i, k, sp, sa, o]) => [day, 'Mats', 'USD', 'Mats - Exact', 'Dynamic bids - down only', p, i, k, '', money(sp), money(sa), '', '', o, o]);
const productRows = ([
  ['Mats - Auto', 'Auto', 5000, 95, '60.00', '300.00', 10],
  ['Mats - Exact', 'Exact', 2000, 70, '45.00', '210.00', 7],
  ['Mats - Broad', 'Broad', 1000, 35, '30.00', '90.00', 3],
] as const).map(([c, g, i, k, sp, sa, o]) => [day, 'Mats', 'USD', c, g, 'MAT-1', 'B0MAT00001', i, k, '', '', money(sp), money(sa), '', '', o, o, '', o, 0, money(sa), money('0.00')]);
const budgetRows = [
  ['Oct 01, 2026', 'Oct 31, 2026', 'Mats', 'USD', 'Mats - Auto', 'ENABLED', 'Automatic targeting', 'Dynamic bids - down only', '20.00', '35.00', '62.50%', 12000, 3000, 5000, 150, 40, 70, '1.25%', '590.00', '3.93', 20, '800.00', '73.75%', '1.36', '210.00', '370.00'],
  ['Oct 01, 2026', 'Oct 31, 2026', 'Mats', 'USD', 'Mats - Exact', 'ENABLED', 'Manual targeting', 'Fixed bid', '15.00', '', '75.00%', 5400, 100, 300, 60, 5, 10, '1.11%', '90.00', '1.50', 9, '450.00', '20.00%', '5.00', '40.00', '80.00'],
];

export function writeAdsFiles(dir: string): string[] {
  const files: [string, string][] = [
    ['sp-search-term.csv', csv(spSearchTermHeader, searchTermRows)],
    ['sp-targeting.csv', csv(targetingHeader, targetingRows)],
    ['sp-placement.csv', csv(placementHeader, placementRows)],
    ['sp-advertised-product.csv', csv(spAdvertisedProductHeader, productRows)],
    ['sp-budget.csv', csv(budgetHeader, budgetRows)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
