import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Database } from '../store/database.ts';
import { checkOptions, importFiles } from './import-files.ts';
import { importLarge, largeFileBytes, recogniseLarge } from './import-large.ts';
import { ownFixture, withTempDb } from './testing.ts';

const ads = (name: string) => ownFixture(`ads/${name}`);
const sp = ads('sp-search-term-daily-us.csv');
const sb2022 = ads('sb-search-term-2022-daily-us.csv');

/** Spend and rows per ad type, as the metrics read them. */
const byAdType = (db: Database) => db.all(`SELECT ad_type, attribution_days, count(*) AS rows, sum(spend) AS spend, sum(sales) AS sales
  FROM ads GROUP BY ALL ORDER BY ad_type`);

// SP file (sp-search-term-daily-us.csv): spend 1.49 + 7.32 + 1.00 = 9.81, sales 39.99 + 1,079.73 + 0 = 1,119.72, 7-day window
const spOnly = { ad_type: 'SP', attribution_days: 7, rows: '3', spend: '9.8100', sales: '1119.7200' };
// SB 2022 file: spend 16.20 + 1.60 + 6.30 = 24.10, sales 119.96 + 0 + 29.99 = 149.95, 14-day window
const sbFirst = { ad_type: 'SB', attribution_days: 14, rows: '3', spend: '24.1000', sales: '149.9500' };

describe('ad type by content, never a guess that can replace (issue 14)', () => {
  test('SB after SP for the same days: refused without --ad-type (SP unchanged), stored as SB with it', () =>
    withTempDb(async (db) => {
      expect((await importFiles(db, [sp])).files[0]).toMatchObject({ status: 'imported', type: 'sp_search_term_report' });
      const [open] = (await importFiles(db, [sb2022])).files;
      expect(open).toMatchObject({ status: 'error', replaced: 0 });
      expect(open?.error).toMatch(/fit Sponsored Products \(SP\) or Sponsored Brands \(SB\) alike.*--ad-type sp\|sb/);
      expect(open?.problems[0]?.message_zh).toMatch(/^文件的列同时符合商品推广 \(SP\) 或 品牌推广 \(SB\).*--ad-type sp\|sb/);
      expect(await byAdType(db)).toEqual([spOnly]);

      const [r] = (await importFiles(db, [sb2022], { adType: 'sb' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sb_search_term_report', replaced: 0, rows: 3, from: '2019-11-16', to: '2019-11-17' });
      expect(await byAdType(db)).toEqual([sbFirst, spOnly]);
      expect(await db.all('SELECT report_type FROM import_log ORDER BY id')).toEqual([{ report_type: 'sp_search_term_report' }, { report_type: 'sb_search_term_report' }]);
    }));

  test('a later file whose campaigns are all known as SB needs no flag; one new campaign makes it ask again', () =>
    withTempDb(async (db) => {
      await importFiles(db, [sp]);
      await importFiles(db, [sb2022], { adType: 'sb' });
      const [next] = (await importFiles(db, [ads('sb-search-term-2022-daily-us-next.csv')])).files;
      expect(next, next?.error ?? '').toMatchObject({ status: 'imported', type: 'sb_search_term_report' });
      // SB: 24.10 + 5.00 + 2.50 = 31.60 over 3 + 2 rows
      expect(await byAdType(db)).toEqual([{ ...sbFirst, rows: '5', spend: '31.6000', sales: '179.9500' }, spOnly]);
      const [mixed] = (await importFiles(db, [ads('sb-search-term-2022-daily-us-new-campaign.csv')])).files;
      expect(mixed).toMatchObject({ status: 'error' });
      expect(mixed?.error).toMatch(/--ad-type sp\|sb/);
    }));

  test('campaigns known under another store do not decide', () =>
    withTempDb(async (db) => {
      await importFiles(db, [sb2022], { adType: 'sb', store: 'other' });
      // named: without a store, the import would go to 'other', the one store holding data (issue 27)
      const [r] = (await importFiles(db, [ads('sb-search-term-2022-daily-us-next.csv')], { store: 'default' })).files;
      expect(r?.error).toMatch(/store "default" \(US\)/);
    }));

  test('an --ad-type the content contradicts is refused and writes nothing', () =>
    withTempDb(async (db) => {
      const [spAsSb] = (await importFiles(db, [sp], { adType: 'sb' })).files;
      expect(spAsSb).toMatchObject({ status: 'error', type: 'sp_search_term_report' });
      expect(spAsSb?.error).toMatch(/^--ad-type sb does not fit this file: its columns make it Sponsored Products \(SP\)/);
      expect(spAsSb?.problems[0]?.message_zh).toMatch(/^--ad-type sb 与文件内容不符/);
      // a search-term report can be SP or SB, never SD
      const [sbAsSd] = (await importFiles(db, [sb2022], { adType: 'sd' })).files;
      expect(sbAsSd?.error).toMatch(/--ad-type sd does not fit this file: its columns make it Sponsored Products \(SP\) or Sponsored Brands \(SB\)/);
      const [sdAsSb] = (await importFiles(db, [ads('sd-advertised-product-2021-daily-us.csv')], { adType: 'sb' })).files;
      expect(sdAsSb?.error).toMatch(/Sponsored Display \(SD\)/);
      expect(await db.all('SELECT count(*) AS n FROM ads')).toEqual([{ n: '0' }]);
    }));

  test('Sponsored Brands with cost type and video columns (2025 layout) and Sponsored Display with Bid Optimization are told by content', () =>
    withTempDb(async (db) => {
      const [sb] = (await importFiles(db, [ads('sb-campaign-2025-daily-us.csv')])).files;
      expect(sb, sb?.error ?? '').toMatchObject({ status: 'imported', type: 'sb_campaign_report', marketplace: 'US' });
      const [sd] = (await importFiles(db, [ads('sd-advertised-product-2021-daily-us.csv')])).files;
      expect(sd, sd?.error ?? '').toMatchObject({ status: 'imported', type: 'sd_advertised_product_report' });
      // SB: the vCPM row counts its 8,000 viewable impressions, the CPC row 4,000 → 12,000; spend 30 + 20; sales 59.98 + 99.95
      // SD: 5,000 + 2,000 impressions (no cost type: not vCPM); spend 9.00 + 2.50; sales 29.99 + 0
      expect(await db.all(`SELECT ad_type, level, attribution_days, sum(impressions) AS impressions, sum(spend) AS spend, sum(sales) AS sales
        FROM ads GROUP BY ALL ORDER BY ad_type`)).toEqual([
        { ad_type: 'SB', level: 'campaign', attribution_days: 14, impressions: '12000', spend: '50.0000', sales: '159.9300' },
        { ad_type: 'SD', level: 'advertised_product', attribution_days: 14, impressions: '7000', spend: '11.5000', sales: '29.9900' },
      ]);
    }));

  test('columns of two ad products (a 7-day window beside Bid Optimization) are refused, whatever --ad-type says', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'mixed.csv');
      writeFileSync(file, 'Date,Currency,Campaign Name,Ad Group Name,Bid Optimization,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales\n' +
        '"Mar 02, 2021",USD,C,G,Optimize for page visits,B0DDDDDDD1,10,1,$1.00,$0.00\n');
      for (const adType of [undefined, 'sp', 'sd'] as const) {
        const [r] = (await importFiles(db, [file], adType ? { adType } : {})).files;
        expect(r?.error).toMatch(/belong to different ad products/);
        expect(r?.problems[0]?.message_zh).toMatch(/分属不同的广告类型/);
      }
    }));

  test('--ad-type is checked with the other options', () => {
    expect(checkOptions({ adType: 'SB' as 'sb' }).adType).toBe('sb');
    expect(() => checkOptions({ adType: 'video' as 'sb' })).toThrow(/--ad-type "video".*sp.*sb.*sd/);
    expect(() => checkOptions({ adType: 'video' as 'sb' })).toThrow(expect.objectContaining({ texts: expect.objectContaining({ zh: expect.stringMatching(/--ad-type“video”无效/) }) }));
  });
});

describe('the large-file path decides the same way', () => {
  test('refused when open, loaded in bulk as SB with --ad-type sb (the same rows as the rows path), then by known campaigns', async () => {
    const byRows = await withTempDb(async (db) => {
      await importFiles(db, [sb2022], { adType: 'sb' });
      return db.all('SELECT * EXCLUDE (import_id) FROM ads ORDER BY date_from, campaign, search_term');
    });
    await withTempDb(async (db) => {
      await importFiles(db, [sp]);
      const large = await recogniseLarge(sb2022);
      if (!large) throw new Error('no bulk plan');
      const open = await importLarge(db, sb2022, large, { store: 'default' });
      expect(open).toMatchObject({ status: 'error' });
      expect(open.error).toMatch(/--ad-type sp\|sb/);
      expect(await byAdType(db)).toEqual([spOnly]);

      const wrong = await importLarge(db, sb2022, large, { store: 'default', adType: 'sd' });
      expect(wrong.error).toMatch(/--ad-type sd does not fit/);

      const r = await importLarge(db, sb2022, large, { store: 'default', adType: 'sb' });
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'sb_search_term_report', replaced: 0, rows: 3 });
      expect(await byAdType(db)).toEqual([sbFirst, spOnly]);
      expect(await db.all(`SELECT * EXCLUDE (import_id) FROM ads WHERE ad_type = 'SB' ORDER BY date_from, campaign, search_term`)).toEqual(byRows);

      const nextFile = ads('sb-search-term-2022-daily-us-next.csv');
      const next = await recogniseLarge(nextFile);
      if (!next) throw new Error('no bulk plan');
      expect(await importLarge(db, nextFile, next, { store: 'default' })).toMatchObject({ status: 'imported', type: 'sb_search_term_report' });
    });
  });

  test('an SP file with a contradicting --ad-type is refused on the bulk path too', () =>
    withTempDb(async (db) => {
      const large = await recogniseLarge(sp);
      if (!large) throw new Error('no bulk plan');
      expect((await importLarge(db, sp, large, { store: 'default', adType: 'sb' })).error).toMatch(/^--ad-type sb does not fit this file/);
    }));
});

describe('a file over 8 MB goes through the large-file path and is decided the same way', () => {
  test('the 2022 SB layout, 90,000 rows: refused without --ad-type, loaded as SB with it', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'sb-search-terms-large.csv');
      const header = readFileSync(sb2022, 'utf8').split('\n')[0] ?? '';
      // each row: 10 impressions, 1 click, $0.50 spend, $2.00 sales, 1 order → totals are 90,000 × each
      const rows = Array.from({ length: 90_000 }, (_, i) =>
        `"Nov 16, 2019",Not grouped,USD,SB Mats headline,Mats brand,bath mat,BROAD,bath mat ${i},10,1,10.00%,$0.50,$0.50,25.00%,4.00,$2.00,1,1,100.00%`);
      writeFileSync(file, [header, ...rows].join('\n') + '\n');
      expect(statSync(file).size).toBeGreaterThan(largeFileBytes);
      // it streams through DuckDB (a bulk plan exists for every ad type it may be)
      expect((await recogniseLarge(file))?.family.type).toBe('ads_console_ad_type_open');
      await importFiles(db, [sp]);
      const [open] = (await importFiles(db, [file])).files;
      expect(open?.error).toMatch(/--ad-type sp\|sb/);
      const [r] = (await importFiles(db, [file], { adType: 'sb' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'sb_search_term_report', rows: 90_000, replaced: 0 });
      // SB: 90,000 × $0.50 = $45,000.00 spend, 90,000 × $2.00 = $180,000.00 sales; SP unchanged
      expect(await byAdType(db)).toEqual([{ ad_type: 'SB', attribution_days: 14, rows: '90000', spend: '45000.0000', sales: '180000.0000' }, spOnly]);
    }), 120_000);
});
