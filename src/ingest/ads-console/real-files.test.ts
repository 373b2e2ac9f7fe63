import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDelimited } from '../delimited-text.ts';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, sharedFixture, sharedFixturesDir, withTempDb } from '../testing.ts';

/** What each real Sponsored Products file must become: its report type, or the refusal it gets. */
const expected: Record<string, { type: string; marketplace?: string; refused?: RegExp }> = {
  'sp-search-term': { type: 'sp_search_term_report' },
  'sp-targeting': { type: 'sp_targeting_report' },
  'sp-advertised-product': { type: 'sp_advertised_product_report' },
  'sp-purchased-product': { type: 'sp_purchased_product_report' },
  'sp-placement': { type: 'sp_placement_report' },
  'sp-campaign': { type: 'sp_campaign_report' },
  'sp-performance-over-time': { type: 'sp_performance_over_time', refused: /Performance over time.*Campaign report/ },
  'sp-bulksheet': { type: 'ads_bulk_sheet', refused: /bulk sheet.*Sponsored Products reports/ },
};

/**
 * The India 2020 vendor-style targeting and advertised product reports (14 Day, no SKU or halo columns)
 * have nothing a Sponsored Brands keyword or Sponsored Display product report lacks: refused without
 * `--ad-type` (ad-type.ts), imported with `--ad-type sp`.
 */
const openAdType = /^umairnsr87_sp_(targeting|advertised_product)_report/;

interface Sums { impressions: Decimal; clicks: Decimal; spend: Decimal; sales: Decimal }

/** Totals read straight from the file, without the import framework's readers or aliases. */
async function sumsOf(path: string): Promise<Sums> {
  let header: string[];
  let rows: unknown[][];
  if (path.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const values: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    header = (values[0] ?? []).map((h) => String(h ?? '').trim());
    rows = values.slice(1);
  } else {
    const all = parseDelimited(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    header = (all[0]?.cells ?? []).map((h) => String(h).trim());
    rows = all.slice(1).map((r) => r.cells);
  }
  const sum = (match: (h: string) => boolean) => {
    const i = header.findIndex(match);
    return rows.reduce<Decimal>((total, r) => {
      const cell = i < 0 ? null : r[i];
      const text = cell === null || cell === undefined ? '' : String(cell).replace(/^Rs\.|[$,]/g, '');
      return text === '' ? total : total.plus(text);
    }, new Decimal(0));
  };
  return {
    impressions: sum((h) => h === 'Impressions'), clicks: sum((h) => h === 'Clicks'), spend: sum((h) => h === 'Spend'),
    sales: sum((h) => /^\d+ Day (Total|Other SKU) Sales/.test(h)),
  };
}

describe.skipIf(!haveSharedFixtures)(`real Sponsored Products files in ${sharedFixturesDir}`, () => {
  // the list is built while tests are collected, even when the suite is skipped: only read what is there
  const files = !haveSharedFixtures ? [] : Object.keys(expected).flatMap((folder) =>
    readdirSync(sharedFixture(folder, '')).filter((f) => /\.(xlsx|csv)$/.test(f)).map((name) => ({ folder, name })));

  test.each(files)('$folder/$name imports with the totals the file itself adds up to, or is refused with a reason', ({ folder, name }) =>
    withTempDb(async (db) => {
      const want = expected[folder];
      if (openAdType.test(name)) {
        const [open] = (await importFiles(db, [sharedFixture(folder, name)])).files;
        expect(open).toMatchObject({ status: 'error', type: 'ads_console_ad_type_open' });
        expect(open?.error).toMatch(/Sponsored Products \(SP\) or .*--ad-type sp\|s[bd].*nothing was written/);
        expect(open?.problems[0]?.message_zh).toMatch(/--ad-type sp\|s[bd].*未写入任何数据/);
      }
      const [r] = (await importFiles(db, [sharedFixture(folder, name)], openAdType.test(name) ? { adType: 'sp' } : {})).files;
      expect(r?.type).toBe(want?.type);
      if (want?.refused) {
        expect(r?.status).toBe('error');
        expect(r?.error).toMatch(want.refused);
        return;
      }
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: /_IN_/.test(name) ? 'IN' : /_AE_/.test(name) ? 'AE' : 'US' });
      const [got] = await db.all(`SELECT sum(impressions) AS impressions, sum(clicks) AS clicks, sum(spend) AS spend,
        sum(coalesce(sales, sales_other_sku)) AS sales, count(*) FILTER (WHERE date_from IS NULL) AS undated FROM ads`);
      const file = await sumsOf(sharedFixture(folder, name));
      // XLSX holds binary floats (98.52999999999999); the ads table keeps 4 places, so compare to the cent
      const cents = (v: unknown) => (v === null ? '0.00' : new Decimal(String(v)).toFixed(2));
      expect({ impressions: String(got?.impressions ?? 0), clicks: String(got?.clicks ?? 0), spend: cents(got?.spend), sales: cents(got?.sales), undated: got?.undated })
        .toEqual({ impressions: file.impressions.toFixed(), clicks: file.clicks.toFixed(), spend: file.spend.toFixed(2), sales: file.sales.toFixed(2), undated: '0' });
    }), 120_000);
});
