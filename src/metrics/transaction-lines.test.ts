import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { runQuery } from './query.ts';

// Account-level lines by their type (the one table, src/domain/transaction-types.ts); numbers by hand.
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-lines-'));
  db = await Database.open(join(dir, 'lines.duckdb'));
  await db.run(`INSERT INTO transactions (store, marketplace, posted_date, type, description, total, currency, source, import_id) VALUES
    ('default', 'US', '2026-03-02', NULL, 'Coupon Redemption Fee: SAVE10', -0.60, 'USD', 'payments_date_range', 1),
    ('default', 'US', '2026-03-03', NULL, 'Coupon Redemption Fee: SAVE10', -55.80, 'USD', 'payments_date_range', 1),
    ('default', 'US', '2026-03-04', 'Adjustment', 'FBA Inventory Reimbursement - Lost:Warehouse', 12.00, 'USD', 'payments_date_range', 1),
    ('default', 'US', '2026-03-05', 'Debt', 'Debt', 80.00, 'USD', 'payments_date_range', 1),
    ('default', 'US', '2026-03-06', 'Service Fee', 'Subscription Fee', -39.99, 'USD', 'payments_date_range', 1)`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a line with an empty type counts in other fees instead of vanishing; a debt is money moved, not a fee', async () => {
  const r = await runQuery(db, { metrics: ['other_fees', 'reimbursements'], by: ['marketplace'], from: '2026-03-01', to: '2026-03-31' });
  // other fees: coupon fees 0.60 + 55.80 = 56.40 (type empty: `type <> 'Adjustment'` was NULL for them) + subscription 39.99 = 96.39;
  // the debt's +80.00 (a negative balance charged to the card) is no fee; reimbursements: the adjustment 12.00
  expect(r.rows[0]).toMatchObject({ marketplace: 'US', other_fees: 96.39, reimbursements: 12 });
});
