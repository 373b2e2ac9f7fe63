import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spAdvertisedProductHeader } from '../demo/ads-reports.ts';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.4 on real report files: DE without Brand Analytics, 5 October 2026. The Sponsored Display
 * advertised product report (test/fixtures/ingest/ads/sd-advertised-product-daily-de.csv):
 * B0DDDDDDD1 9,000 impressions of which 6,000 viewable (a vCPM campaign: the importer counts the viewable
 * ones) / 30 clicks, B0DDDDDDD2 2,500 / 25 (CPC); and a Sponsored Products advertised product report:
 * B0DDDDDDD1 6,000 / 6.
 */
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-ads-benchmark-'));
  copyFileSync(resolve('test/fixtures/ingest/ads/sd-advertised-product-daily-de.csv'), join(dir, 'sd.csv'));
  const sp = ['2026-10-05', 'No Portfolio', 'EUR', 'SP auto', 'Auto', 'MAT-01', 'B0DDDDDDD1', '6000', '6', '0.10%', '1.50', '9.00', '39.98', '22.51%', '4.44', '2', '2', '11.11%', '2', '0', '39.98', '0.00'];
  writeFileSync(join(dir, 'sp.csv'), `${spAdvertisedProductHeader.join(',')}\n${sp.join(',')}\n`);
  db = await Database.open(join(dir, 'ads.duckdb'));
  const { files } = await importFiles(db, [join(dir, 'sd.csv'), join(dir, 'sp.csv')], { marketplace: 'DE' });
  expect(files.map((f) => [f.type, f.status, f.error])).toEqual([['sd_advertised_product_report', 'imported', null], ['sp_advertised_product_report', 'imported', null]]);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the funnel (CLI and API) judges each ASIN\'s ad CTR by its own ad types, and says so', async () => {
  const { rows } = await runOperation(db, 'funnel', { from: '2026-10-05', to: '2026-10-05' });
  const click = (asin: string) => rows.find((r) => r.key.asin === asin)?.stages.find((s) => s.stage === 'click');
  // B0DDDDDDD1: (6 + 30) / (6000 + 6000) = 0.003; bounds weighted by impressions (EU rows = the cited ones):
  // low (0.003 × 6000 + 0.0005 × 6000) / 12000 = 21 / 12000 = 0.00175; high (0.007 × 6000 + 0.0015 × 6000) / 12000 = 51 / 12000 = 0.00425
  // → ok (against the search CTR's 0.4% it was low)
  expect(click('B0DDDDDDD1')).toMatchObject({
    metric: 'ad_ctr', rate: 0.003, status: 'ok',
    benchmark: { low: 0.00175, high: 0.00425, from: 'ads mix SP 50% (default:EU:mature:SP) + SD 50% (default:EU:mature:SD)' },
  });
  // B0DDDDDDD2, Sponsored Display only: 25 / 2500 = 0.01, above SD's 0.05–0.15%
  expect(click('B0DDDDDDD2')).toMatchObject({ rate: 0.01, status: 'high', benchmark: { low: 0.0005, high: 0.0015, from: 'default:EU:mature:SD' } });
  expect(rows[0]?.notes.map((n) => n.code)).toEqual(['ads_only', 'ads_benchmark']);
  // the diagnosis finds no weak click stage
  const findings = await runOperation(db, 'diagnose', { from: '2026-10-05', to: '2026-10-05' });
  expect(findings.findings.filter((f) => f.stage === 'click')).toEqual([]);
});
