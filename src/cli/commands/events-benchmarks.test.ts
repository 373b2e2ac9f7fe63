import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../store/database.ts';
import { runBenchmarksList, runBenchmarksRemove, runBenchmarksSet } from './benchmarks.ts';
import { runEventsAdd, runEventsDetect, runEventsList } from './events.ts';

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-events-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  // ASP 20.00 on 10-01, 22.00 on 10-02 (+10.0%)
  await db.run(`INSERT INTO br_sales (store, marketplace, date_from, date_to, asin, sku, units, order_items, sales, currency, source, import_id) VALUES
    ('default', 'US', '2026-10-01', '2026-10-01', 'B0EXAMPLE1', 'S1', 5, 5, 100.00, 'USD', 'business_report', 1),
    ('default', 'US', '2026-10-02', '2026-10-02', 'B0EXAMPLE1', 'S1', 5, 5, 110.00, 'USD', 'business_report', 1)`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('events add, detect and list answer {event} and {events} with table rows', async () => {
  const added = await runEventsAdd(db, { date: '2026-10-05', endDate: '2026-10-07', type: 'coupon', asin: 'B0EXAMPLE1', marketplace: 'US', note: '20% coupon' });
  expect(added.json.event).toMatchObject({ date: '2026-10-05', end_date: '2026-10-07', type: 'coupon', origin: 'entered' });
  expect(added.rows).toEqual([expect.objectContaining({ type: 'coupon', note: '20% coupon' })]);

  const detected = await runEventsDetect(db, { from: '2026-10-01', to: '2026-10-31', lang: 'zh' });
  expect(detected.json).toMatchObject({ added: 1, removed: 0 });
  expect(detected.rows.map((r) => r.note)).toEqual(['均价 20.00 → 22.00（+10.0%）']);

  const listed = await runEventsList(db, { origin: 'entered,detected', asin: 'B0EXAMPLE1' });
  expect(listed.json.events.map((e) => [e.type, e.origin])).toEqual([['price_change', 'detected'], ['coupon', 'entered']]);
  expect(listed.columns).toEqual(['id', 'date', 'end_date', 'type', 'asin', 'marketplace', 'store', 'origin', 'note']);
  await expect(runEventsList(db, { origin: ['entered', 'guessed'] })).rejects.toThrow('unknown event origin "guessed"');
});

test('benchmarks set (percent or fraction), list and remove', async () => {
  const set = await runBenchmarksSet(db, { metric: 'order_rate', marketplace: 'DE', category: 'Kitchen', low: '6%', high: '0.11' });
  expect(set.json.override).toMatchObject({ metric: 'order_rate', marketplace: 'DE', low: 0.06, high: 0.11 });
  // a metric of the default table outside the catalog may be overridden too
  await runBenchmarksSet(db, { metric: 'ipi', low: '450' });
  expect((await runBenchmarksList(db)).json.overrides.map((o) => o.metric)).toEqual(['ipi', 'order_rate']);
  await expect(runBenchmarksSet(db, { metric: 'order_rate', low: 'six' })).rejects.toThrow('--low "six" is not a number: e.g. 0.25 or 25%');
  expect((await runBenchmarksRemove(db, { metric: 'ipi' })).json.removed).toMatchObject({ metric: 'ipi', low: 450 });
  expect((await runBenchmarksList(db)).rows).toHaveLength(1);
});
