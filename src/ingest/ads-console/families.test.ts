import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { adsConsoleFamilies } from './families.ts';

const ads = (name: string) => ownFixture(`ads/${name}`);
const family = (type: string) => {
  const f = adsConsoleFamilies.find((x) => x.type === type);
  if (!f) throw new Error(`no family ${type}`);
  return f;
};

familyContract(family('sp_search_term_report'), {
  good: ads('sp-search-term-daily-us.csv'),
  badValue: { file: ads('sp-search-term-bad-number.csv'), line: 3, column: 'Clicks' },
  other: ownFixture('br-child-uk-2025-sku.csv'),
});

type Db = Parameters<Parameters<typeof withTempDb>[0]>[0];
const totals = async (db: Db) =>
  (await db.all(`SELECT count(*) AS rows, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(spend) AS spend,
                 sum(sales) AS sales, sum(orders) AS orders, string_agg(DISTINCT currency) AS currency FROM ads`))[0];

describe('Sponsored Products console reports, own fixtures', () => {
  test('search term CSV: `$` money, `Nov 16, 2019`, 7-day window from the header, USD means US', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('sp-search-term-daily-us.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sp_search_term_report', marketplace: 'US', rows: 3, from: '2019-11-16', to: '2019-11-17' });
      // impressions 120 + 1,050 + (empty) = 1,170; clicks 3 + 12 + 2 = 17; spend 1.49 + 7.32 + 1.00 = 9.81
      // sales 39.99 + 1,079.73 + 0 = 1,119.72; orders 1 + 27 + 0 = 28
      expect(await totals(db)).toEqual({ rows: '3', impressions: '1170', clicks: '17', spend: '9.8100', sales: '1119.7200', orders: '28', currency: 'USD' });
      const rows = await db.all(`SELECT campaign, search_term, impressions, level, ad_type, attribution_days FROM ads ORDER BY date_from, clicks`);
      // the backslash the campaign CSV leaves before doubled quotes is dropped; an empty count stays unknown
      expect(rows[0]).toEqual({ campaign: '31" x 19"-Auto', search_term: 'b07jjc4ntt', impressions: '120', level: 'search_term', ad_type: 'SP', attribution_days: 14 - 7 });
      expect(rows[2]?.impressions).toBeNull();
    }));

  test('Japanese search term CSV: the 7-day window read from `広告がクリックされてから7日間の…`, ￥ money names Japan', () =>
    withTempDb(async (db) => {
      // the JP console's column names as code reading such files has them (aliases.ts), with our own values
      const [r] = (await importFiles(db, [ads('sp-search-term-daily-jp.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sp_search_term_report', marketplace: 'JP', rows: 3, from: '2026-10-01', to: '2026-10-02' });
      // impressions 1,200 + 800 + 950 = 2,950; clicks 15 + 8 + 10 = 33; spend 450 + 200 + 310 = 960
      // sales 5,960 + 0 + 2,980 = 8,940; orders 2 + 0 + 1 = 3
      expect(await totals(db)).toEqual({ rows: '3', impressions: '2950', clicks: '33', spend: '960.0000', sales: '8940.0000', orders: '3', currency: 'JPY' });
      const [first] = await db.all(`SELECT campaign, search_term, match_type, ad_type, level, attribution_days FROM ads ORDER BY date_from, clicks DESC LIMIT 1`);
      expect(first).toEqual({ campaign: '収納ボックス - オート', search_term: '収納ボックス 大', match_type: '-', ad_type: 'SP', level: 'search_term', attribution_days: 7 });
    }));

  test('Japanese advertised product CSV (宣伝SKU, 宣伝 ASIN, クリック数): SP by its 7-day window, ad group and portfolio kept', () =>
    withTempDb(async (db) => {
      // the column names of an upload route for the JP 広告対象商品 report (aliases.ts), with our own values
      const [r] = (await importFiles(db, [ads('sp-advertised-product-jp.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sp_advertised_product_report', marketplace: 'JP', rows: 3, from: '2026-10-01', to: '2026-10-02' });
      // impressions 1,500 + 640 + 900 = 3,040; clicks 12 + 5 + 7 = 24; spend 420 + 140 + 210 = 770
      // sales 5,960 + 0 + 2,980 = 8,940; orders 2 + 0 + 1 = 3
      expect(await totals(db)).toEqual({ rows: '3', impressions: '3040', clicks: '24', spend: '770.0000', sales: '8940.0000', orders: '3', currency: 'JPY' });
      const rows = await db.all(`SELECT portfolio, ad_group, advertised_sku, advertised_asin, units, ad_type, level, attribution_days FROM ads ORDER BY date_from, clicks DESC`);
      expect(rows[0]).toEqual({ portfolio: 'ブランドA', ad_group: '広告グループ 1', advertised_sku: 'BOX-W-L', advertised_asin: 'B0JP000002', units: '3', ad_type: 'SP', level: 'advertised_product', attribution_days: 7 });
      expect(rows[2]?.portfolio).toBeNull();
    }));

  test('Japanese targeting CSV: the search term report\'s names without the search term column, targeting level, SP', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('sp-targeting-jp.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sp_targeting_report', marketplace: 'JP', rows: 2, from: '2026-10-01', to: '2026-10-02' });
      // impressions 2,000 + 700 = 2,700; clicks 18 + 4 = 22; spend 540 + 120 = 660; sales 8,940 + 0; orders 3 + 0
      expect(await totals(db)).toEqual({ rows: '2', impressions: '2700', clicks: '22', spend: '660.0000', sales: '8940.0000', orders: '3', currency: 'JPY' });
      expect(await db.all('SELECT DISTINCT level, ad_type, attribution_days FROM ads')).toEqual([{ level: 'targeting', ad_type: 'SP', attribution_days: 7 }]);
    }));

  test('India campaign CSV: `Rs.` money, `(₹)` header, 14-day window, Date (not the campaign Start Date) dates the row', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('sp-campaign-daily-in.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sp_campaign_report', marketplace: 'IN', from: '2020-02-01', to: '2020-02-02' });
      // impressions 782 + 1,204 = 1,986; clicks 13 + 20 = 33; spend 201.68 + 1,310.40 = 1,512.08; sales 961.62 + 0
      expect(await totals(db)).toEqual({ rows: '2', impressions: '1986', clicks: '33', spend: '1512.0800', sales: '961.6200', orders: '5', currency: 'INR' });
      expect((await db.all('SELECT DISTINCT level, attribution_days, units FROM ads'))).toEqual([{ level: 'campaign', attribution_days: 14, units: null }]);
    }));

  test('a missing required column refuses the file and names it', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('sp-search-term-missing-spend.csv')])).files;
      expect(r).toMatchObject({ status: 'error', type: 'sp_search_term_report' });
      // the English and the Japanese spelling are named
      expect(r?.error).toMatch(/"Spend" or "費用" is missing/);
    }));

  test('text in a number column: an error with line and column', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('sp-search-term-bad-number.csv')])).files;
      expect(r?.problems[0]).toMatchObject({ code: 'bad_value', line: 3, column: 'Clicks' });
      expect(r?.error).toMatch(/line 3, column "Clicks": "seven"/);
    }));
});

describe('Sponsored Brands and Display console reports (documented layouts, FORMATS §4)', () => {
  test('SB search term summary: new-to-brand columns say SB, window 14, one row per range', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('sb-search-term-summary-uk.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sb_search_term_report', marketplace: 'UK', from: '2026-10-01', to: '2026-10-31' });
      // impressions 5,000 + 1,200 = 6,200; clicks 40 + 8 = 48; spend 22 + 4 = 26; sales 90 + 0
      expect(await totals(db)).toEqual({ rows: '2', impressions: '6200', clicks: '48', spend: '26.0000', sales: '90.0000', orders: '6', currency: 'GBP' });
      expect(await db.all('SELECT DISTINCT ad_type, level, attribution_days FROM ads')).toEqual([{ ad_type: 'SB', level: 'search_term', attribution_days: 14 }]);
    }));

  test('SD advertised product: vCPM rows count viewable impressions; sales are the totals, not the `- (Click)` copies', () =>
    withTempDb(async (db) => {
      const file = ads('sd-advertised-product-daily-de.csv');
      const [refused] = (await importFiles(db, [file])).files;
      expect(refused?.error).toMatch(/EUR.*--marketplace/);
      const [r] = (await importFiles(db, [file], { marketplace: 'DE' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sd_advertised_product_report', marketplace: 'DE' });
      // impressions 6,000 (viewable, vCPM) + 2,500 = 8,500; spend 12,60 € + 10,00 € = 22.60; sales 59,97 € + 39,98 € = 99.95 (click-only: 59.97)
      expect(await totals(db)).toEqual({ rows: '2', impressions: '8500', clicks: '55', spend: '22.6000', sales: '99.9500', orders: '5', currency: 'EUR' });
      expect(await db.all('SELECT advertised_sku, advertised_asin, ad_type, attribution_days FROM ads ORDER BY 1')).toEqual([
        { advertised_sku: 'MAT-01', advertised_asin: 'B0DDDDDDD1', ad_type: 'SD', attribution_days: 14 },
        { advertised_sku: 'MAT-02', advertised_asin: 'B0DDDDDDD2', ad_type: 'SD', attribution_days: 14 },
      ]);
    }));
});
