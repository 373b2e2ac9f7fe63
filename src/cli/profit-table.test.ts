import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, profitFxRates, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import { profitRows } from '../app/profit.ts';
import { importFiles } from '../ingest/import-files.ts';
import { Database } from '../store/database.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { renderTable } from './output.ts';
import { profitAdded, profitSubtracted, profitTableColumns, profitTableRows } from './profit-table.ts';

// Issue 15.9: the terminal profit table shows every component that adds up to net profit.
// Dataset: test/scenarios/profit-files.ts; the figures are those of src/app/profit.test.ts (February, order basis).
let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-profit-table-'));
  db = await Database.open(join(dir, 'profit.duckdb'));
  const files = writeProfitFiles(dir);
  await importFiles(db, files.filter((f) => !isSbCampaignFile(f)));
  await importFiles(db, files.filter(isSbCampaignFile), { adType: 'sb' });
  await setFxRates(db, profitFxRates);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sumOfComponents = (row: Record<string, unknown>) =>
  [...profitAdded, ...profitSubtracted].reduce((s, k) => s + Math.round(Number(row[k] ?? 0) * 100), 0) / 100;

test('each row of the terminal table is its own sum: revenue + reimbursements − every cost = net profit', async () => {
  const answer = await profitRows(db, { by: ['sku'], from: '2026-02-01', to: '2026-02-28' });
  const rows = profitTableRows(answer.rows);
  const mat = rows.find((r) => r.sku === 'US-MAT');
  // US-MAT: 25.00 + 8.00 (reimbursement) − 3.75 referral − 5.00 FBA − 2.50 storage − 7.73 ads − 9.72 cogs − 5.56 freight
  //         − 0.97 duties − 15.00 payout = −17.23 (refunds, refund admin, promotions and other fees 0.00)
  expect(mat).toMatchObject({
    revenue: 25, reimbursements: 8, refunds: 0, referral_fees: -3.75, refund_admin_fees: 0, fba_fees: -5, promotions: 0, other_fees: 0,
    storage_fees: -2.5, ad_cost: -7.73, cogs: -9.72, freight: -5.56, duties: -0.97, payout_costs: -15, net_profit: -17.23, net_margin: '-68.9%',
  });
  expect(sumOfComponents(mat!)).toBe(-17.23);
  // US-RUG: net is summed unrounded, 60 − 30 − 4.5 − 0.9 − 12 − 2.5 − 5.27 − 9.722222 − 5.555556 − 0.486111 − 6 = −16.933889 → −16.93;
  // its components rounded first add to 60 − 30 − 4.50 − 0.90 − 12.00 − 2.50 − 5.27 − 9.72 − 5.56 − 0.49 − 6.00 = −16.94:
  // the one-cent difference the note under the table announces (money is never rounded before summing)
  const rug = rows.find((r) => r.sku === 'US-RUG');
  expect(rug).toMatchObject({ refunds: -30, refund_admin_fees: -0.9, net_profit: -16.93 });
  expect(sumOfComponents(rug!)).toBe(-16.94);
  // DE-MAT (EUR): 20 − 20 − 0 − 0.71 − 4 − 8.75 − 0.88 − 0.96 = −15.30 (storage, ads, payout unknown: — and named missing)
  const de = rows.find((r) => r.sku === 'DE-MAT');
  expect(de).toMatchObject({ storage_fees: null, ad_cost: null, payout_costs: null, net_profit: -15.3, missing: 'storage_fees payout_costs ad_cost' });
  expect(sumOfComponents(de!)).toBe(-15.3);
  // every component is a column of the table the terminal prints
  const header = renderTable(['sku', ...profitTableColumns], rows).split('\n')[0];
  for (const c of [...profitAdded, ...profitSubtracted, 'net_profit']) expect(header).toContain(c);
});
