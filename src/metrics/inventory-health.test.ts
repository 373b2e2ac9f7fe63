import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { catalog } from './catalog.ts';
import { runQuery } from './query.ts';

/**
 * Inventory health as catalog metrics (issue 22). One SKU in the US: Manage FBA Inventory on 10-30 (0 available, out of stock)
 * and 10-31 (60 available, 3 unfulfillable); the inventory age report on 10-31 with 30 / 10 / 5 / 3 / 2 units by age
 * (a report of its own: it never replaces the manage-inventory count); 30 units sold on 10-10.
 */
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-inventory-health-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  await db.run(`
INSERT INTO inventory_snapshots (store, marketplace, snapshot_date, source, sku, asin, available, unfulfillable, import_id) VALUES
  ('default', 'US', '2026-10-30', 'fba_manage_inventory', 'S1', 'A1', 0, 2, 1),
  ('default', 'US', '2026-10-31', 'fba_manage_inventory', 'S1', 'A1', 60, 3, 2);
INSERT INTO inventory_snapshots (store, marketplace, snapshot_date, source, sku, asin, available, age_0_90, age_91_180, age_181_270, age_271_365, age_365_plus, import_id) VALUES
  ('default', 'US', '2026-10-31', 'fba_inventory_age', 'S1', 'A1', 999, 30, 10, 5, 3, 2, 3);
INSERT INTO order_items (store, marketplace, channel, order_id, order_date, order_status, fulfillment, sku, asin, quantity, currency, item_price, import_id) VALUES
  ('default', 'US', 'amazon', 'O1', '2026-10-10', 'Shipped', 'FBA', 'S1', 'A1', 30, 'USD', 600.00, 4);
`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('aging buckets, 有效库存比, 存销比, turnover days, in-stock rate, unfulfillable', async () => {
  const answer = await runQuery(db, {
    metrics: ['aged_0_90_units', 'aged_91_180_units', 'aged_181_270_units', 'aged_271_365_units', 'aged_365_plus_units', 'effective_stock_ratio',
      'available_units', 'unfulfillable_units', 'stock_to_sales', 'turnover_days', 'in_stock_rate'],
    from: '2026-10-01', to: '2026-10-31',
  });
  expect(answer.rows).toEqual([{
    aged_0_90_units: 30, aged_91_180_units: 10, aged_181_270_units: 5, aged_271_365_units: 3, aged_365_plus_units: 2,
    // (30 + 10) / (30 + 10 + 5 + 3 + 2) = 40 / 50
    effective_stock_ratio: 0.8,
    // the manage-inventory report counts available and unfulfillable (the age report's 999 is not read for them)
    available_units: 60, unfulfillable_units: 3,
    // 60 available / 30 sold in the trailing 30 days
    stock_to_sales: 2,
    // average available over the 90 days' snapshots (0 + 60) / 2 = 30; 30 / (30 units / 90 days) = 90 days
    turnover_days: 90,
    // 1 of 2 snapshot days with units available
    in_stock_rate: 0.5,
  }]);
});

test('库存周转天数 is declared once, zh and en, lower is better', () => {
  expect(catalog.find((m) => m.id === 'turnover_days')).toMatchObject({ zh: '库存周转天数', en: 'Inventory turnover days', direction: 'lower', unit: 'days' });
  expect(catalog.find((m) => m.id === 'stock_to_sales')).toMatchObject({ zh: '存销比', direction: 'lower' });
  expect(catalog.find((m) => m.id === 'effective_stock_ratio')).toMatchObject({ zh: '有效库存比', direction: 'higher' });
});
