import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importFiles } from '../../src/ingest/index.ts';
import { Database } from '../../src/store/database.ts';

/**
 * Every real sample under ../shared/fixtures/data imports, or is refused with its reason (issue 3).
 * Totals per family are checked against a second path in each family's own tests.
 */
const root = resolve('../shared/fixtures/data');
const present = existsSync(root);

/** Files Asterism refuses on purpose, by folder or file, and the reason the seller reads. */
const refusals: [RegExp, RegExp][] = [
  [/^_header-only-fixtures\//, /has a header but no rows/],
  [/^ads-campaign-manager-ui-export\/.*adgroup/, /without naming the ad group/],
  [/^ads-campaign-manager-ui-export\/.*products_export/, /without dates, campaigns or ad type/],
  [/^brand-analytics-search-terms\//, /JSON document Asterism does not know/],
  [/^business-report-by-date\//, /account totals without ASINs/],
  [/^business-report-sales-dashboard\//, /not a report Asterism knows/],
  [/^fba-excess-inventory\//, /recognised but not imported/],
  [/^fba-recommended-removal\//, /recognised but not imported/],
  [/^fba-removals\//, /recognised but not imported/],
  [/transaction_summary/, /recognised but not imported.*Transaction/],
  [/^public-dataset-kaggle-amazon-sale-report\//, /not an Amazon download/],
  [/^sp-bulksheet\//, /bulk sheet is a file for editing campaigns/],
  [/^sp-performance-over-time\//, /Performance over time/],
];

function sampleFiles(): string[] {
  if (!present) return [];
  return readdirSync(root).sort().flatMap((folder) => {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) return [];
    return readdirSync(dir).sort().filter((name) => name !== 'SOURCES.md').map((name) => `${folder}/${name}`);
  });
}

/** What a seller would type: the marketplace the file name says (files that do not say need it), the
 * period of dateless reports, the day of dateless snapshots. */
function optionsFor(file: string) {
  const marketplace = /_(US|UK|IN|AE|DE|JP)[_.]/.exec(file)?.[1] ?? (/ads-api-v3|reviews-third-party/.test(file) ? 'US' : undefined);
  // the India vendor-style SP targeting and advertised product reports have no column that tells SP from SB/SD:
  // the seller who downloaded them from the Sponsored Products reports says so (src/ingest/ads-console/ad-type.ts)
  const adType = /umairnsr87_sp_(targeting|advertised_product)_report/.test(file) ? { adType: 'sp' as const } : {};
  return { ...(marketplace ? { marketplace } : {}), from: '2019-11-01', to: '2019-11-30', date: '2019-12-01', ...adType };
}

describe.skipIf(!present)('every shared sample file imports or is refused with its reason', () => {
  test.each(sampleFiles())('%s', async (file) => {
    const db = await Database.open(':memory:');
    try {
      const [result] = (await importFiles(db, [join(root, file)], optionsFor(file))).files;
      const refusal = refusals.find(([where]) => where.test(file));
      if (refusal) {
        expect(result?.status).toBe('error');
        expect(result?.error).toMatch(refusal[1]);
        expect(await db.all('SELECT count(*) AS n FROM import_log')).toEqual([{ n: '0' }]);
      } else {
        expect(result?.error ?? null).toBeNull();
        expect(result).toMatchObject({ status: 'imported' });
        expect(result?.rows).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });
});

test.runIf(!present)('shared sample files are absent: skipped', () => {
  console.log(`skipping the shared sample files: ${root} is not there (it sits beside the repository on the project's machines)`);
});
