import { expect, test } from 'vitest';
import { importFiles } from '../ingest/import-files.ts';
import { ownFixture, withTempDb } from '../ingest/testing.ts';
import { runOperation } from './operations.ts';

test('suppliers: a PO sheet through import, then the scorecard (one late line of two, 95% fulfilled)', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('master-data/restock/purchase-orders.csv')], {})).files;
    expect(r?.status, r?.error ?? '').toBe('imported');
    const { suppliers } = await runOperation(db, 'suppliers', {});
    // PO-1 promised 07-10, received 07-20 (10 days late, 80 days); PO-2 promised 09-15, received 09-08 (on time, 69 days); PO-3 open
    // on time 1 / 2; lead time (80 + 69) / 2 = 74.5, variance (5.5² + 5.5²) / 1 = 60.5; received (600 + 540) / (600 + 600) = 0.95
    expect(suppliers).toEqual([expect.objectContaining({
      store: 'default', supplier: 'SUP-01', lines: 3, received_lines: 2, open_lines: 1, on_time_rate: 0.5, late_lines: 1, mean_days_late: 10,
      lead_time_mean: 74.5, lead_time_variance: 60.5, fulfilment_rate: 0.95,
    })]);
    expect((await runOperation(db, 'batches', {})).batches).toEqual([]);
  }));
