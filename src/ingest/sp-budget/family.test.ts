import { expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { spBudgetReport } from './family.ts';

// Our own small files in the layout the sources show (src/ingest/README.md "SP budget report"), our own values.
familyContract(spBudgetReport, {
  good: ownFixture('sp-budget/summary.csv'),
  badValue: { file: ownFixture('sp-budget/bad-date.csv'), line: 3, column: 'Start Date' },
  other: ownFixture('fba-storage-fees/monthly.csv'),
});

const sums = `SELECT CAST(sum(budget) AS VARCHAR) AS budget, CAST(sum(recommended_budget) AS VARCHAR) AS recommended,
  CAST(sum(spend) AS VARCHAR) AS spend, CAST(sum(missed_sales_min) AS VARCHAR) AS sales_min, CAST(sum(missed_sales_max) AS VARCHAR) AS sales_max,
  CAST(sum(missed_impressions_min) AS VARCHAR) AS impressions_min, CAST(sum(missed_impressions_max) AS VARCHAR) AS impressions_max,
  CAST(sum(missed_clicks_min) AS VARCHAR) AS clicks_min, CAST(sum(missed_clicks_max) AS VARCHAR) AS clicks_max FROM ad_budgets`;

test('summary CSV: recognised as the budget report (not the campaign report whose columns it repeats), stored in ad_budgets only', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('sp-budget/summary.csv')])).files;
    expect(r, r?.error ?? '').toMatchObject({ type: 'sp_budget_report', status: 'imported', marketplace: 'US', rows: 3, from: '2026-10-01', to: '2026-10-31' });
    // budget 20.00 + 15.00 + 50.00 = 85.00; recommended 35.00 + (none) + 75.00 = 110.00; spend 590.00 + 88.20 + 1240.50 = 1918.70;
    // missed sales 210 + 0 + 600 = 810 to 370 + 0 + 1000 = 1370; impressions 3000 + 0 + 9000 = 12000 to 5000 + 0 + 15000 = 20000;
    // clicks 40 + 0 + 120 = 160 to 70 + 0 + 200 = 270
    expect((await db.all(sums))[0]).toEqual({
      budget: '85.0000', recommended: '110.0000', spend: '1918.7000', sales_min: '810.0000', sales_max: '1370.0000',
      impressions_min: '12000', impressions_max: '20000', clicks_min: '160', clicks_max: '270',
    });
    const rows = await db.all(`SELECT campaign, CAST(avg_time_in_budget AS VARCHAR) AS in_budget, CAST(recommended_budget AS VARCHAR) AS recommended,
      portfolio, currency, attribution_days FROM ad_budgets ORDER BY campaign`);
    expect(rows).toEqual([
      { campaign: 'Cups - Broad', in_budget: '0.482000', recommended: '75.0000', portfolio: 'Kitchen', currency: 'USD', attribution_days: 7 }, // 48.20 %
      { campaign: 'Mats - Auto', in_budget: '0.625000', recommended: '35.0000', portfolio: 'Not grouped', currency: 'USD', attribution_days: 7 }, // 62.50 %
      { campaign: 'Rugs - Exact', in_budget: '1.000000', recommended: null, portfolio: 'Not grouped', currency: 'USD', attribution_days: 7 }, // no recommendation: unknown, not 0
    ]);
    // its spend is the campaign report's again: nothing reaches the ads table
    expect((await db.all('SELECT count(*)::INTEGER AS n FROM ads'))[0]).toEqual({ n: 0 });
  }));

test('an empty End Date is refused naming that column (not "Start Date", which is filled in), writing nothing', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('sp-budget/no-end-date.csv')])).files;
    expect(r).toMatchObject({ type: 'sp_budget_report', status: 'error' });
    expect(r?.problems[0]).toMatchObject({ line: 2, column: 'End Date', message: 'line 2, column "End Date": the row has no date' });
    expect((await db.all('SELECT count(*)::INTEGER AS n FROM ad_budgets'))[0]).toEqual({ n: 0 });
  }));

test('Chinese headers (full-width brackets), marketplace given: the same values', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('sp-budget/summary-zh.csv')], { marketplace: 'US' })).files;
    expect(r, r?.error ?? '').toMatchObject({ type: 'sp_budget_report', status: 'imported', rows: 1, from: '2026-10-01', to: '2026-10-31' });
    const [row] = await db.all(`SELECT CAST(budget AS VARCHAR) AS budget, CAST(recommended_budget AS VARCHAR) AS recommended,
      CAST(avg_time_in_budget AS VARCHAR) AS in_budget, missed_impressions_max::INTEGER AS imp, missed_clicks_max::INTEGER AS clicks,
      CAST(missed_sales_max AS VARCHAR) AS sales, currency FROM ad_budgets`);
    expect(row).toEqual({ budget: '20.0000', recommended: '35.0000', in_budget: '0.625000', imp: 5000, clicks: 70, sales: '370.0000', currency: 'USD' });
  }));

test('daily CSV (a `Date` column), EUR with decimal commas: one row per day, the period from the first to the last day', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('sp-budget/daily.csv')], { marketplace: 'FR' })).files;
    expect(r, r?.error ?? '').toMatchObject({ type: 'sp_budget_report', status: 'imported', marketplace: 'FR', rows: 2, from: '2026-10-01', to: '2026-10-02' });
    const rows = await db.all(`SELECT CAST(date_from AS VARCHAR) AS day, CAST(date_to AS VARCHAR) AS until, CAST(budget AS VARCHAR) AS budget,
      CAST(avg_time_in_budget AS VARCHAR) AS in_budget, CAST(missed_sales_max AS VARCHAR) AS sales_max, currency FROM ad_budgets ORDER BY date_from`);
    expect(rows).toEqual([
      { day: '2026-10-01', until: '2026-10-01', budget: '10.0000', in_budget: '0.550000', sales_max: '30.0000', currency: 'EUR' }, // "55,00%"
      { day: '2026-10-02', until: '2026-10-02', budget: '10.0000', in_budget: '1.000000', sales_max: '0.0000', currency: 'EUR' },
    ]);
    // spend 10.00 + 6.30 = 16.30
    expect((await db.all('SELECT CAST(sum(spend) AS VARCHAR) AS spend FROM ad_budgets'))[0]).toEqual({ spend: '16.3000' });
  }));
