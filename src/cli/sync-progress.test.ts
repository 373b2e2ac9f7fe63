import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { SyncBars } from './sync-progress.ts';

test('one bar per store × marketplace × report type, chunks done of those planned, and how each ended', async () => {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d: Buffer) => (out += d.toString()));
  const bars = new SyncBars(stream, { noTTYOutput: true });
  bars.update([{ store: 'acme-us', marketplace: 'US', report_type: 'GET_SALES_AND_TRAFFIC_REPORT', done: 1, total: 3, rows: 2, state: 'running' }]);
  bars.update([
    { store: 'acme-us', marketplace: 'US', report_type: 'GET_SALES_AND_TRAFFIC_REPORT', done: 3, total: 3, rows: 6, state: 'done' },
    { store: 'acme-jp', marketplace: 'JP', report_type: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', done: 0, total: 2, rows: 0, state: 'error' },
  ]);
  bars.stop();
  await new Promise((r) => setImmediate(r));
  expect(out).toMatch(/acme-us US GET_SALES_AND_TRAFFIC_REPORT\s+\S+ 3\/3 done \/ 完成/);
  expect(out).toMatch(/acme-jp JP GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL\s+\S+ 0\/2 error \/ 失败/);
});
