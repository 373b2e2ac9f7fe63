import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { evaluateAlerts } from './alert-evaluate.ts';
import { LocalAsterism } from './local.ts';

/** Stranded stock (units at Amazon, listing Inactive) and a failing import or sync, on rows written here. */
let dir: string;
let asterism: LocalAsterism;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-alert-stranded-'));
  asterism = await LocalAsterism.open(join(dir, 'a.duckdb'));
});
afterEach(() => asterism.db.close());

const of = async (detector: string, asOf: string, o: { today?: string; now?: Date } = {}) =>
  (await evaluateAlerts(asterism.db, asOf, o)).filter((f) => f.detector === detector);

it('units available at Amazon whose listing is Inactive are stranded, valued at the price exactly; units without an inactive listing are not', async () => {
  const db = asterism.db;
  const stock = (day: string, source: string, sku: string, available: number, price: string | null) => db.run(
    `INSERT INTO inventory_snapshots (store, marketplace, snapshot_date, source, sku, asin, available, your_price, currency, import_id)
     VALUES ('default', 'US', $1::DATE, $2, $3, $4, $5, $6::DECIMAL(18,4), 'USD', 1)`, [day, source, sku, `B0${sku}`, available, price]);
  const listing = (day: string, sku: string, status: string) => db.run(
    `INSERT INTO listings (store, marketplace, snapshot_date, sku, asin, status, import_id) VALUES ('default', 'US', $1::DATE, $2, $3, $4, 1)`, [day, sku, `B0${sku}`, status]);
  await stock('2026-10-31', 'fba_manage_inventory', 'RUG1', 120, '29.99');
  await stock('2026-10-31', 'fba_manage_inventory', 'RUG2', 40, null);
  await stock('2026-10-31', 'fba_manage_inventory', 'RUG3', 0, '9.99');
  await stock('2026-10-31', 'fba_manage_inventory', 'RUG4', 15, '5.00');
  // a second report the same day: Manage FBA Inventory is read first, this one not at all
  await stock('2026-10-31', 'fba_restock', 'RUG4', 999, '5.00');
  await listing('2026-10-30', 'RUG1', 'Inactive');
  await listing('2026-10-30', 'RUG2', 'Inactive');
  await listing('2026-10-30', 'RUG3', 'Inactive');
  await listing('2026-10-30', 'RUG4', 'Active');

  const found = await of('stranded', '2026-10-31');
  expect(found.map((f) => f.scope)).toEqual([
    { store: 'default', marketplace: 'US', asin: 'B0RUG1', sku: 'RUG1' },
    { store: 'default', marketplace: 'US', asin: 'B0RUG2', sku: 'RUG2' },
  ]);
  // 120 × 29.99 = 3598.80
  expect(found[0]!.evidence[0]!.en).toBe('SKU RUG1: 120 units available at Amazon (inventory report of 2026-10-31), 3598.80 USD at your price, its listing Inactive in the All Listings report of 2026-10-30');
  expect(found[1]!.evidence[0]!.zh).toBe('SKU RUG2：亚马逊仓内可售 40 件（2026-10-31 的库存报告），而 2026-10-30 的全部商品报告中该 Listing 为 Inactive');
  expect(found[0]!.role).toBe('supply');
  // before the listings report there is nothing to say the listing is inactive
  expect(await of('stranded', '2026-10-29')).toEqual([]);
});

it('a file that failed to import is an alert until a later import of the store succeeds; only when judged against now', async () => {
  const bad = join(dir, 'not-a-report.csv');
  writeFileSync(bad, 'hello,world\n1,2\n');
  const { files: [result] } = await asterism.importFiles([bad], { store: 'default' });
  expect(result?.status).toBe('error');
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const [failing, ...more] = await of('data_failing', '2026-10-31', { today, now });
  expect(more).toEqual([]);
  expect(failing!.scope).toEqual({ store: 'default', source: 'import' });
  expect(failing!.evidence[0]!.en).toContain('import of not-a-report.csv failed: not a report Asterism knows');
  expect(failing!.evidence[0]!.zh).toContain('导入 not-a-report.csv 失败：不是联星认识的报表');
  // `--as-of` another day: not judged
  expect(await of('data_failing', '2026-10-31')).toEqual([]);
  // a week and a day later it is old news
  expect(await of('data_failing', '2026-10-31', { today, now: new Date(now.getTime() + 8 * 86_400_000) })).toEqual([]);
  // a later import of the store that succeeded answers it (the failed file was not recognised: any report does)
  await asterism.db.run(`INSERT INTO import_log (file, file_hash, report_type, store, rows, imported_at)
    VALUES ('good.csv', 'h', 'listings', 'default', 1, CAST(current_timestamp AS TIMESTAMP) + to_seconds(1))`);
  expect(await of('data_failing', '2026-10-31', { today, now })).toEqual([]);
});

it('a sync whose last run of a report ended in an error is an alert per store and marketplace until the next success clears it', async () => {
  const db = asterism.db;
  await db.run(`INSERT INTO sync_state (store, marketplace, report_type, last_error, last_error_at) VALUES
    ('default', 'US', 'GET_SALES_AND_TRAFFIC_REPORT', 'Amazon could not make report GET_SALES_AND_TRAFFIC_REPORT for 2026-10-01 to 2026-10-07 (FATAL): quota', '2026-11-02 03:00:00'),
    ('default', 'DE', 'GET_MERCHANT_LISTINGS_ALL_DATA', NULL, NULL)`);
  const now = new Date('2026-11-02T04:00:00Z');
  const found = await of('data_failing', '2026-10-31', { today: '2026-11-02', now });
  expect(found.map((f) => f.scope)).toEqual([{ store: 'default', marketplace: 'US', source: 'sync' }]);
  expect(found[0]!.evidence[0]!.en).toBe('Sync of GET_SALES_AND_TRAFFIC_REPORT failed at 2026-11-02 03:00: Amazon could not make report GET_SALES_AND_TRAFFIC_REPORT for 2026-10-01 to 2026-10-07 (FATAL): quota');
  await db.run(`UPDATE sync_state SET last_error = NULL, last_error_at = NULL, last_success = '2026-11-02 05:00:00'`);
  expect(await of('data_failing', '2026-10-31', { today: '2026-11-02', now })).toEqual([]);
});
