import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, sharedFixturesDir, withTempDb } from '../testing.ts';
import { campaignManagerCampaigns } from './family.ts';

const october = { from: '2026-10-01', to: '2026-10-31' };
const own = ownFixture('ads/campaign-manager-campaigns-us.csv');

familyContract(campaignManagerCampaigns, { good: own, options: october, other: ownFixture('ads/sp-search-term-daily-us.csv') });

describe('Campaign Manager exports', () => {
  test('campaigns grid: no dates inside, so --from/--to are required; `Spend(USD)` names the marketplace', () =>
    withTempDb(async (db) => {
      const [refused] = (await importFiles(db, [own])).files;
      expect(refused?.error).toMatch(/--from and --to/);
      const [r] = (await importFiles(db, [own], october)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', rows: 2, from: '2026-10-01', to: '2026-10-31' });
      // impressions 10,000 + 400 = 10,400; clicks 50 + 2 = 52; spend 25.50 + 1.10 = 26.60; sales 119.97 + 0
      const [t] = await db.all('SELECT sum(impressions) AS i, sum(clicks) AS c, sum(spend) AS s, sum(sales) AS sales, any_value(currency) AS cur FROM ads');
      expect(t).toEqual({ i: '10400', c: '52', s: '26.6000', sales: '119.9700', cur: 'USD' });
      expect(await db.all('SELECT DISTINCT ad_type, level, attribution_days FROM ads')).toEqual([{ ad_type: 'SP', level: 'campaign', attribution_days: null }]);
    }));
});

describe('the ad type of each campaign is the Type column\'s, never a default', () => {
  test('an --ad-type that a row\'s Type contradicts refuses the file', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own], { ...october, adType: 'sb' })).files;
      expect(r?.error).toMatch(/line 2, column "Type": --ad-type sb does not fit this file: its columns make it Sponsored Products \(SP\)/);
      expect(await db.all('SELECT count(*) AS n FROM ads')).toEqual([{ n: '0' }]);
    }));

  test('without the Type column the file asks for --ad-type, and imports with it', () =>
    withTempDb(async (db, dir) => {
      // the same grid with the Type column (4th) taken out
      const file = join(dir, 'campaigns-no-type.csv');
      writeFileSync(file, readFileSync(own, 'utf8').split('\n').map((l) => l.replace(/^((?:[^,]*,){3})[^,]*,/, '$1')).join('\n'));
      const [open] = (await importFiles(db, [file], october)).files;
      expect(open?.error).toMatch(/--ad-type sp\|sb\|sd/);
      const [r] = (await importFiles(db, [file], { ...october, adType: 'sb' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 2 });
      expect(await db.all('SELECT DISTINCT ad_type FROM ads')).toEqual([{ ad_type: 'SB' }]);
    }));
});

describe.skipIf(!haveSharedFixtures)(`real exports in ${sharedFixturesDir}`, () => {
  const folder = 'ads-campaign-manager-ui-export';
  // the Japanese account-wide products grid has its own test below
  const files = haveSharedFixtures ? readdirSync(sharedFixture(folder, '')).filter((f) => f.endsWith('.csv') && !f.includes('products_export')) : [];
  test.each(files)('%s imports (campaigns, with --from/--to) or is refused naming what to download', (name) =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [sharedFixture(folder, name)], { from: '2019-11-01', to: '2019-11-21' })).files;
      if (!name.includes('campaigns_export')) {
        expect(r).toMatchObject({ status: 'error', type: 'campaign_manager_ad_group_grid' });
        expect(r?.error).toMatch(/without naming the ad group.*search term/);
        return;
      }
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'campaign_manager_campaigns', marketplace: 'US', rows: 38 });
      const [t] = await db.all('SELECT sum(impressions) AS i, sum(clicks) AS c, sum(spend) AS s, sum(sales) AS sales FROM ads');
      expect(t).toEqual(CAMPAIGNS_TOTALS);
    }));
});

// Python's csv module over the file: 38 rows, 4,061,207 impressions, 15,054 clicks, $9,300.95 spend, $12,249.65 sales
const CAMPAIGNS_TOTALS = { i: '4061207', c: '15054', s: '9300.9500', sales: '12249.6500' };

describe.skipIf(!haveSharedFixtures)('the Japanese ads console "Products" grid export (../shared)', () => {
  test('recognised and refused with its reason, even with --from/--to and --ad-type: nothing is written', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('ads-campaign-manager-ui-export', 'brussliu_ads_products_export_JP_2023-11-30.csv');
      const [r] = (await importFiles(db, [file], { ...october, adType: 'sp', marketplace: 'JP' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'campaign_manager_products_grid' });
      expect(r?.error).toMatch(/all campaigns and ad types .* without dates, campaigns or ad type/);
      expect(await db.all('SELECT count(*) AS n FROM import_log')).toEqual([{ n: '0' }]);
    }));
});
