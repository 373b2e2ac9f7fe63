import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adTypeOfDemoFile, generateDemo, type DemoFileInfo } from '../../src/demo/index.ts';
import { importFiles } from '../../src/ingest/index.ts';
import { runQuery } from '../../src/metrics/query.ts';
import { Database } from '../../src/store/database.ts';

/** Importing the same files twice, in any order, gives the same answers (issue 3). */
let dir: string;
let files: DemoFileInfo[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-idem-'));
  const demo = await generateDemo({ outDir: join(dir, 'demo') });
  // one store's October 2026 (and its master data): every family, small enough for a test
  files = demo.files.filter((f) => f.store === 'acme-home' && (!f.marketplace || /2026-10|returns|storage-fees\/.*2026-09/.test(f.path) || (f.from ?? f.date ?? '').startsWith('2026-10')));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importAll(db: Database, list: readonly DemoFileInfo[]) {
  const statuses: string[] = [];
  for (const f of list) {
    const [r] = (await importFiles(db, [f.path], {
      store: f.store, ...(f.marketplace ? { marketplace: f.marketplace } : {}),
      ...(f.from ? { from: f.from, to: f.to } : {}), ...(f.date ? { date: f.date } : {}),
      ...(adTypeOfDemoFile(f.type) ? { adType: adTypeOfDemoFile(f.type) } : {}),
    })).files;
    statuses.push(r?.status ?? 'none');
  }
  return statuses;
}

const questions = [
  { metrics: ['sales', 'units', 'orders', 'sessions', 'buy_box_pct', 'ad_spend', 'acos', 'ctr', 'returned_units', 'available_units', 'reviews_new'], by: ['marketplace', 'asin'] },
  { metrics: ['revenue', 'referral_fees', 'fba_fees', 'storage_fees', 'cogs', 'net_profit'], by: ['marketplace', 'sku'] },
  { metrics: ['sales', 'units'], by: ['owner', 'week'] },
];

describe('idempotent imports', () => {
  test('forward once = backward twice', async () => {
    expect(files.length).toBeGreaterThan(20);
    const forward = await Database.open(join(dir, 'forward.duckdb'));
    const backward = await Database.open(join(dir, 'backward.duckdb'));
    try {
      expect(new Set(await importAll(forward, files))).toEqual(new Set(['imported']));
      const reversed = [...files].reverse();
      expect(new Set(await importAll(backward, reversed))).toEqual(new Set(['imported']));
      expect(new Set(await importAll(backward, reversed))).toEqual(new Set(['unchanged']));
      for (const q of questions) {
        const a = await runQuery(forward, { ...q, from: '2026-10-01', to: '2026-10-31' });
        const b = await runQuery(backward, { ...q, from: '2026-10-01', to: '2026-10-31' });
        expect(a.rows.length).toBeGreaterThan(0);
        expect(b.rows).toEqual(a.rows);
      }
    } finally {
      forward.close();
      backward.close();
    }
  }, 300_000);
});
