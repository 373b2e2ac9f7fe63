import { expect, test } from 'vitest';
import { withTempDb } from '../ingest/testing.ts';
import { runOperation } from './operations.ts';

test('catalogue: 动销率 4 of 5, ABC by sales and by units, the A + B pair\'s lift', () =>
  withTempDb(async (db) => {
    await db.run(`
INSERT INTO order_items (store, marketplace, channel, order_id, order_date, order_status, sku, quantity, currency, item_price, import_id) VALUES
  ('default', 'US', 'amazon', 'O1', '2026-10-01', 'Shipped', 'A', 1, 'USD', 100, 1), ('default', 'US', 'amazon', 'O1', '2026-10-01', 'Shipped', 'B', 1, 'USD', 50, 1),
  ('default', 'US', 'amazon', 'O2', '2026-10-02', 'Shipped', 'A', 1, 'USD', 100, 1), ('default', 'US', 'amazon', 'O2', '2026-10-02', 'Shipped', 'B', 1, 'USD', 50, 1),
  ('default', 'US', 'amazon', 'O3', '2026-10-03', 'Shipped', 'A', 1, 'USD', 100, 1),
  ('default', 'US', 'amazon', 'O4', '2026-10-04', 'Shipped', 'C', 1, 'USD', 60, 1),
  ('default', 'US', 'amazon', 'O5', '2026-10-05', 'Shipped', 'D', 1, 'USD', 40, 1),
  ('default', 'US', 'amazon', 'O6', '2026-10-06', 'Cancelled', 'E', 1, 'USD', 90, 1);
INSERT INTO inventory_snapshots (store, marketplace, snapshot_date, source, sku, available, import_id) VALUES ('default', 'US', '2026-10-31', 'fba_manage_inventory', 'E', 12, 2);
`);
    const answer = await runOperation(db, 'catalogue', { from: '2026-10-01', to: '2026-10-31' });
    // listed: A–D sold, E in stock (its one order cancelled): 4 / 5
    expect(answer.sell_through_share).toEqual([{ store: 'default', marketplace: 'US', listed: 5, sold: 4, share: 0.8 }]);
    // sales 300, 100, 60, 40 of 500: share before A 0 → A, B 0.6 → A, C 0.8 → B, D 0.92 → B
    // units 3, 2, 1, 1 of 7: before A 0 → A, B 3/7 → A, C 5/7 = 0.71 → A, D 6/7 = 0.86 → B
    expect(answer.skus.map((s) => `${s.sku}:${s.abc_sales}${s.abc_units}`)).toEqual(['A:AA', 'B:AA', 'C:BA', 'D:BB']);
    // 5 orders (the cancelled one left out); A in 3, B in 2, both in 2: support 2/5 = 0.4, confidence A → B 2/3, lift (2/3) / (2/5) = 1.667
    const ab = answer.pairs.find((p) => p.a === 'A' && p.b === 'B');
    expect(ab).toMatchObject({ orders: 2, support: 0.4 });
    expect(ab?.confidence).toBeCloseTo(2 / 3, 12);
    expect(ab?.lift).toBeCloseTo(5 / 3, 12);
  }));
