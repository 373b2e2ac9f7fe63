import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { runQuery } from './query.ts';

// One order line per marketplace; the credits and the rebate are VAT-inclusive where the prices are (DE 19 %, UK 20 %).
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-vat-'));
  db = await Database.open(join(dir, 'vat.duckdb'));
  await db.run(`INSERT INTO transactions (store, marketplace, posted_date, type, order_id, sku, quantity, product_sales, shipping_credits,
      gift_wrap_credits, promotional_rebates, selling_fees, fba_fees, other_transaction_fees, other, total, currency, source, import_id) VALUES
    ('default', 'DE', '2026-03-02', 'Order', 'D1', 'S1', 1, 23.80, 6.00, 2.38, -1.19, -3.57, -4.00, 0, 0, 23.42, 'EUR', 'payments_date_range', 1),
    ('default', 'UK', '2026-03-02', 'Order', 'U1', 'S2', 1, 12.00, 6.00, 0, -1.20, -1.80, -2.50, 0, 0, 12.50, 'GBP', 'payments_date_range', 1),
    ('default', 'US', '2026-03-02', 'Order', 'A1', 'S3', 1, 12.00, 6.00, 0, -1.20, -1.80, -2.50, 0, 0, 12.50, 'USD', 'payments_date_range', 1)`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('VAT is taken out of revenue, shipping credits, gift wrap credits and promotions each on its own', async () => {
  const r = await runQuery(db, { metrics: ['revenue', 'promotions', 'other_fees'], by: ['marketplace'], from: '2026-03-01', to: '2026-03-31' });
  const by = Object.fromEntries(r.rows.map((row) => [String(row.marketplace), row]));
  // DE: revenue 23.80 / 1.19 = 20.00; promotions 1.19 / 1.19 = 1.00;
  // other fees −(6.00 / 1.19) − (2.38 / 1.19) = −5.0420… − 2.00 = −7.0420… → −7.04
  // (the unbracketed sum read −(6.00 + 2.38 / 1.19) = −8.00)
  expect(by.DE).toMatchObject({ currency: 'EUR', revenue: 20, promotions: 1, other_fees: -7.04 });
  // UK: revenue 12.00 / 1.20 = 10.00; promotions 1.20 / 1.20 = 1.00; other fees −(6.00 / 1.20) − 0 = −5.00 (was −6.00)
  expect(by.UK).toMatchObject({ currency: 'GBP', revenue: 10, promotions: 1, other_fees: -5 });
  // US prices exclude sales tax: nothing is divided. revenue 12.00; promotions 1.20; other fees −6.00
  expect(by.US).toMatchObject({ currency: 'USD', revenue: 12, promotions: 1.2, other_fees: -6 });
});
