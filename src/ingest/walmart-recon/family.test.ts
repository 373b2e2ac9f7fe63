import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { walmartRecon } from './family.ts';

const file = ownFixture('walmart-recon-us.csv');

familyContract(walmartRecon, {
  good: file,
  badValue: { file: ownFixture('walmart-recon-bad-amount.csv'), line: 4, column: 'Amount' },
  other: ownFixture('unknown-courier-export.csv'),
});

describe('Walmart reconciliation report', () => {
  test('each money event a transaction line of channel walmart: sales, commission, the shipping label fee, a refund', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [file])).files;
      // 8 lines: the payout summary is the transfer, not written; USD names the US
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'walmart_recon', marketplace: 'US', rows: 8, from: '2026-11-08', to: '2026-11-12' });
      const [sums] = await db.all(`SELECT count(*) AS lines, sum(product_sales) AS sales, sum(selling_fees) AS commission,
        sum(other_transaction_fees) AS fees, sum(total) AS total, sum(quantity) AS units, min(channel) AS channel, max(channel) AS channel2 FROM transactions`);
      // sales 24.00 + 36.00 − 12.00 = 48.00; commission −3.60 − 5.40 + 1.80 = −7.20; the label charge −6.25;
      // 48.00 − 7.20 − 6.25 = 34.55, the period's Total Payable; units 1 + 3 sold, 1 refunded (quantity on the price lines only)
      expect(sums).toEqual({ lines: '7', sales: '48.0000', commission: '-7.2000', fees: '-6.2500', total: '34.5500', units: '5', channel: 'walmart', channel2: 'walmart' });
      const label = await db.all(`SELECT type, order_id, description, other_transaction_fees FROM transactions WHERE other_transaction_fees IS NOT NULL`);
      expect(label).toEqual([{ type: 'Walmart Adjustment', order_id: '108000000000001', description: 'Walmart Shipping Label Service Charge', other_transaction_fees: '-6.2500' }]);
      const refund = await db.all(`SELECT type, sku, product_sales, selling_fees FROM transactions WHERE type = 'Refund' ORDER BY product_sales`);
      expect(refund).toEqual([
        { type: 'Refund', sku: 'CUP-02', product_sales: '-12.0000', selling_fees: null },
        { type: 'Refund', sku: 'CUP-02', product_sales: null, selling_fees: '1.8000' },
      ]);
      // no ship-to city or zip code is kept
      expect(await db.all(`SELECT count(*) AS n FROM transactions WHERE description LIKE '%Bend%' OR description LIKE '%97701%'`)).toEqual([{ n: '0' }]);
    }));
});
