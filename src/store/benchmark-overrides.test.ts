import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBenchmarkOverrides, removeBenchmarkOverride, setBenchmarkOverride } from './benchmark-overrides.ts';
import { Database } from './database.ts';

let dir: string;
let db: Database;
const vocabulary = { metrics: new Set(['ctr', 'order_rate', 'acos']), tiers: ['new', 'mature', 'clearance'] };
const keys = async () => (await listBenchmarkOverrides(db)).map((o) => [o.metric, o.marketplace, o.tier, o.category, o.price_band, o.low, o.high]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-benchmarks-'));
  db = await Database.open(join(dir, 'test.duckdb'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an override is set, then replaced in place by one with the same key', async () => {
  const first = await setBenchmarkOverride(db, { metric: 'ctr', marketplace: 'us', tier: 'Mature', category: 'Kitchen', price_band: '10-20', low: 0.003, high: 0.01, note: 'mats' }, vocabulary);
  expect(first).toMatchObject({ metric: 'ctr', marketplace: 'US', tier: 'mature', category: 'Kitchen', price_band: '10-20', variant: null, low: 0.003, high: 0.01, note: 'mats' });
  expect(first.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  // the same key (category compared without case) replaces it; another price band is another row
  await setBenchmarkOverride(db, { metric: 'ctr', marketplace: 'US', tier: 'mature', category: 'kitchen', price_band: '10-20', low: 0.004, high: 0.012 }, vocabulary);
  await setBenchmarkOverride(db, { metric: 'ctr', marketplace: 'US', tier: 'mature', category: 'Kitchen', price_band: '20-50', low: 0.005, high: null }, vocabulary);
  // only metric and the EU group: any tier, category and price band in Europe
  await setBenchmarkOverride(db, { metric: 'acos', marketplace: 'eu', high: 0.3 }, vocabulary);
  expect(await keys()).toEqual([
    ['acos', 'EU', null, null, null, null, 0.3],
    ['ctr', 'US', 'mature', 'kitchen', '10-20', 0.004, 0.012],
    ['ctr', 'US', 'mature', 'Kitchen', '20-50', 0.005, null],
  ]);
});

test('remove takes exactly one key', async () => {
  const removed = await removeBenchmarkOverride(db, { metric: 'acos', marketplace: 'EU' });
  expect(removed).toMatchObject({ metric: 'acos', high: 0.3 });
  await expect(removeBenchmarkOverride(db, { metric: 'acos', marketplace: 'EU' })).rejects.toThrow('no benchmark override for metric acos, marketplace EU');
  expect(await keys()).toHaveLength(2);
});

test.each([
  [{ metric: 'ctrr', low: 0.1 }, 'unknown metric "ctrr"'],
  [{ metric: 'ctr', low: 0.02, high: 0.01 }, 'low bound 0.02 is above high bound 0.01'],
  [{ metric: 'ctr' }, 'give a low bound, a high bound, or both'],
  [{ metric: 'ctr', low: 0.01, tier: 'old' }, 'unknown lifecycle tier "old": expected one of new, mature, clearance'],
  [{ metric: 'ctr', low: 0.01, marketplace: 'XX' }, 'unknown marketplace "XX"'],
  [{ metric: 'ctr', low: Number.NaN }, 'low bound is not a number'],
])('%o is refused', async (input, message) => {
  await expect(setBenchmarkOverride(db, input, vocabulary)).rejects.toThrow(message);
});

test('the list is read again only after a write (every funnel asks for it), and is frozen as it is shared', async () => {
  const first = await listBenchmarkOverrides(db);
  expect(await listBenchmarkOverrides(db)).toBe(first);
  expect(Object.isFrozen(first) && first.every((o) => Object.isFrozen(o))).toBe(true);
  await setBenchmarkOverride(db, { metric: 'order_rate', marketplace: 'JP', low: 0.05, high: null }, vocabulary);
  const after = await listBenchmarkOverrides(db);
  expect(after).not.toBe(first);
  expect(after.map((o) => o.metric)).toContain('order_rate');
});
