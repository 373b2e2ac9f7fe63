import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, ownFixture, sharedFixture, sharedFixturesDir, withTempDb } from '../testing.ts';

const ads = (name: string) => ownFixture(`ads/${name}`);
type Db = Parameters<Parameters<typeof withTempDb>[0]>[0];
const totals = async (db: Db) =>
  (await db.all(`SELECT count(*) AS rows, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(spend) AS spend,
                 sum(sales) AS sales, sum(orders) AS orders, string_agg(DISTINCT currency) AS currency FROM ads`))[0];

describe('Ads API v3 JSON, own fixtures', () => {
  test('SD advertised product: promotedAsin says SD; vCPM rows count viewable impressions; budget currency names the marketplace', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('ads-api-sd-advertised-product-daily.json')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'ads_api_sd_advertised_product', marketplace: 'UK', from: '2026-10-05', to: '2026-10-06' });
      // impressions 6,000 (impressionsViews, vcpm) + 2,500 (cpc) = 8,500; clicks 30 + 25 = 55
      // spend 12.60 + 10.05 = 22.65; sales 59.97 + 39.98 = 99.95 (totals, not salesClicks); orders 3 + 2 = 5
      expect(await totals(db)).toEqual({ rows: '2', impressions: '8500', clicks: '55', spend: '22.6500', sales: '99.9500', orders: '5', currency: 'GBP' });
      expect(await db.all('SELECT DISTINCT advertised_asin, advertised_sku, level, attribution_days FROM ads'))
        .toEqual([{ advertised_asin: 'B0DDDDDDD1', advertised_sku: 'MAT-01', level: 'advertised_product', attribution_days: 14 }]);
    }));

  test('a bad value names the entry and the column', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('ads-api-sp-search-term-bad-value.json')], { marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'ads_api_sp_search_term' });
      expect(r?.problems[0]).toMatchObject({ code: 'bad_value', line: 2, column: 'impressions' });
      expect((await db.all('SELECT count(*) AS n FROM ads'))[0]?.n).toBe('0');
    }));

  test('an id beyond 2^53 is refused rather than stored with wrong digits', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('ads-api-sp-search-term-big-id.json')], { marketplace: 'US' })).files;
      expect(r?.problems).toHaveLength(1);
      expect(r?.error).toMatch(/campaignId.*last digits are lost/);
    }));

  test('SB or SD cannot be told apart: refused with what to request', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ads('ads-api-sb-sd-unclear.json')], { marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'ads_api_unclear' });
      expect(r?.error).toMatch(/Sponsored Brands or Sponsored Display.*--ad-type sb/);
    }));

  test('the SB-or-SD report imports as the --ad-type given; SP is refused for it', () =>
    withTempDb(async (db) => {
      const file = ads('ads-api-sb-sd-unclear.json');
      const [sp] = (await importFiles(db, [file], { marketplace: 'US', adType: 'sp' })).files;
      expect(sp?.error).toMatch(/--ad-type sp does not fit this file: its columns make it Sponsored Brands \(SB\) or Sponsored Display \(SD\)/);
      const [r] = (await importFiles(db, [file], { marketplace: 'US', adType: 'sb' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'ads_api_sb_campaign', rows: 1 });
      expect(await db.all('SELECT ad_type, campaign, attribution_days FROM ads')).toEqual([{ ad_type: 'SB', campaign: 'Brand video', attribution_days: 14 }]);
    }));
});

describe('Ads API v3 purchased-product reports (documented columns: reporting/v3/report-types/purchased-product)', () => {
  test('spPurchasedProduct and sbPurchasedProduct: no impressions, clicks or cost, still read as what they are', () =>
    withTempDb(async (db, dir) => {
      const sp = join(dir, 'sp-purchased.json');
      writeFileSync(sp, JSON.stringify([
        { date: '2026-11-02', campaignName: 'Mats', campaignId: 1, adGroupName: 'Bath', adGroupId: 2, keywordId: 3, keyword: 'bath mat', keywordType: 'BROAD',
          advertisedAsin: 'B0MAT00001', advertisedSku: 'MAT-1', purchasedAsin: 'b0rug00002', salesOtherSku7d: 24.99, unitsSoldOtherSku7d: 1, purchasesOtherSku7d: 1 },
        { date: '2026-11-02', campaignName: 'Mats', campaignId: 1, adGroupName: 'Bath', adGroupId: 2, keywordId: 3, keyword: 'bath mat', keywordType: 'BROAD',
          advertisedAsin: 'B0MAT00001', advertisedSku: 'MAT-1', purchasedAsin: 'B0TOWEL003', salesOtherSku7d: 31.5, unitsSoldOtherSku7d: 2, purchasesOtherSku7d: 1 },
      ]));
      const sb = join(dir, 'sb-purchased.json');
      writeFileSync(sb, JSON.stringify([
        { date: '2026-11-02', campaignName: 'Brand', campaignId: 9, adGroupName: 'All', adGroupId: 8, attributionType: 'Brand Halo', purchasedAsin: 'B0RUG00002',
          productName: 'Rug', sales14d: 59.98, orders14d: 2, unitsSold14d: 2, newToBrandPurchases14d: 1 },
      ]));
      const [a, b] = (await importFiles(db, [sp, sb], { marketplace: 'US' })).files;
      expect(a, a?.error ?? '').toMatchObject({ status: 'imported', type: 'ads_api_sp_purchased_product', rows: 2 });
      expect(b, b?.error ?? '').toMatchObject({ status: 'imported', type: 'ads_api_sb_purchased_product', rows: 1 });
      // SP: other-SKU sales 24.99 + 31.50 = 56.49, units 1 + 2 = 3, orders (other-SKU purchases) 1 + 1 = 2; SB: sales14d 59.98, orders14d 2
      expect(await db.all(`SELECT ad_type, sum(sales_other_sku) AS other, sum(units_other_sku) AS units, sum(sales) AS sales, sum(orders) AS orders,
          string_agg(purchased_asin ORDER BY purchased_asin) AS bought, min(attribution_days) AS days, sum(impressions) AS impressions
        FROM ads WHERE level = 'purchased_product' GROUP BY ad_type ORDER BY ad_type`)).toEqual([
        { ad_type: 'SB', other: null, units: null, sales: '59.9800', orders: '2', bought: 'B0RUG00002', days: 14, impressions: null },
        { ad_type: 'SP', other: '56.4900', units: '3', sales: null, orders: '2', bought: 'B0RUG00002,B0TOWEL003', days: 7, impressions: null },
      ]);
    }));
});

describe.skipIf(!haveSharedFixtures)(`the official v3 example in ${sharedFixturesDir}`, () => {
  test('spCampaigns grouped by ad group: ad_group level, ids kept as text, no sales column means unknown sales', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('ads-api-v3-json', 'official_doc_spCampaigns_adGroup_summary_example.json');
      const [r] = (await importFiles(db, [file], { marketplace: 'US' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'ads_api_sp_ad_group', rows: 2, from: '2022-07-05', to: '2022-07-10' });
      // impressions 2,216 + 3,721 = 5,937; clicks 13 + 10 = 23; cost 14.5 + 9.45 = 23.95; purchases7d 2 + 2 = 4
      expect(await totals(db)).toEqual({ rows: '2', impressions: '5937', clicks: '23', spend: '23.9500', sales: null, orders: '4', currency: 'USD' });
      expect(await db.all('SELECT campaign, ad_group, attribution_days FROM ads ORDER BY ad_group')).toEqual([
        { campaign: '158410630682987', ad_group: '55720282058882', attribution_days: 7 },
        { campaign: '158410630682987', ad_group: '72320882861500', attribution_days: 7 },
      ]);
    }));
});
