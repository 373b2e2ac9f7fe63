import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { robustScore } from '../analysis/alert-detectors.ts';
import { addChannel, addRule } from '../store/alerts.ts';
import { runAlerts } from './alert-run.ts';
import { scheduleAlerts } from './alert-schedule.ts';
import { Database } from '../store/database.ts';
import { evaluateAlerts } from './alert-evaluate.ts';

/** The detectors that read facts outside the metric catalog, and the robust score, on rows written here. */
let db: Database;
beforeEach(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'asterism-alert-eval-')), 'a.duckdb'));
  const listing = (day: string, sku: string, status: string) => db.run(
    `INSERT INTO listings (store, marketplace, snapshot_date, sku, asin, status, import_id) VALUES ('default', 'US', $1::DATE, $2, $3, $4, 1)`,
    [day, sku, `B0${sku}`, status]);
  await listing('2026-10-24', 'MAT1', 'Active');
  await listing('2026-10-24', 'MAT2', 'Active');
  await listing('2026-10-24', 'MAT3', 'Inactive');
  await listing('2026-10-31', 'MAT1', 'Inactive');
  await listing('2026-10-31', 'MAT2', 'Active');
  await listing('2026-10-31', 'MAT3', 'Inactive');
  await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, asin, sessions, source, import_id) VALUES ('default', 'US', '2026-10-25', '2026-10-31', 'B0MAT1', 10, 'br', 1)`);
});
afterEach(() => db.close());

it('a listing Active in one All Listings report and Inactive in the next is one alert; one inactive in both is not', async () => {
  const found = (await evaluateAlerts(db, '2026-10-31')).filter((f) => f.detector === 'listing_inactive');
  expect(found.map((f) => f.scope)).toEqual([{ store: 'default', marketplace: 'US', asin: 'B0MAT1', sku: 'MAT1' }]);
  expect(found[0]!.evidence[0]!.en).toBe('SKU MAT1: Active in the All Listings report of 2026-10-24, Inactive in that of 2026-10-31');
  // as of the earlier report there is no earlier one to compare with
  expect((await evaluateAlerts(db, '2026-10-30')).filter((f) => f.detector === 'listing_inactive')).toEqual([]);
});

it('reports are late more than 10 days after their last day, judged against today only', async () => {
  // 2026-10-31 → 2026-11-11 is 11 days; → 2026-11-10 is 10
  const late = (await evaluateAlerts(db, '2026-10-31', { today: '2026-11-11' })).filter((f) => f.detector === 'data_late');
  expect(late.map((f) => f.scope)).toEqual([{ store: 'default', marketplace: 'US' }]);
  expect(late[0]!.evidence[0]!.zh).toBe('业务报告或流量数据的最后一天是 2026-10-31，距 2026-11-11 已 11 天');
  expect((await evaluateAlerts(db, '2026-10-31', { today: '2026-11-10' })).filter((f) => f.detector === 'data_late')).toEqual([]);
  expect((await evaluateAlerts(db, '2026-10-31')).filter((f) => f.detector === 'data_late')).toEqual([]);
  // a detector turned off stays off
  await addRule(db, { detector: 'data_late', enabled: false });
  expect((await evaluateAlerts(db, '2026-10-31', { today: '2026-11-11' })).filter((f) => f.detector === 'data_late')).toEqual([]);
});

it('pre-fulfilment cancel above 2.5% or valid tracking below 95% in the latest window is one alert per marketplace', async () => {
  await db.run(`INSERT INTO account_health VALUES
    ('default', 'US', '2026-07-01', '2026-08-29', 'pre_fulfillment_cancel', 'MFN', 0.010, 1, 100, 'Good', 1),
    ('default', 'US', '2026-08-01', '2026-09-29', 'pre_fulfillment_cancel', 'MFN', 0.031, 3, 97, 'Bad', 1),
    ('default', 'US', '2026-08-01', '2026-09-29', 'valid_tracking', 'MFN', 0.94, NULL, 100, 'Bad', 1),
    ('default', 'DE', '2026-08-01', '2026-09-29', 'valid_tracking', 'MFN', 0.99, NULL, 100, 'Good', 1)`);
  const found = (await evaluateAlerts(db, '2026-10-01')).filter((f) => f.detector === 'fulfilment_limits');
  expect(found.map((f) => f.scope)).toEqual([{ store: 'default', marketplace: 'US' }]);
  // 3 of 97 orders: 3.1% > 2.5%; 94% < 95%
  expect(found[0]!.evidence.map((e) => e.en)).toEqual([
    'Pre-fulfilment cancel rate 3.1% (MFN, window to 2026-09-29), above 2.5%',
    'Valid tracking rate 94.0% (MFN, window to 2026-09-29), below 95.0%',
  ]);
  // as of the earlier window, 1.0% is within the limit
  expect((await evaluateAlerts(db, '2026-09-01')).filter((f) => f.detector === 'fulfilment_limits')).toEqual([]);
});

it('two runs at the same time raise one alert and send it once', async () => {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let b = '';
    req.on('data', (c: Buffer) => (b += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(b);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await addChannel(db, { name: 'ops', type: 'wecom', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, isDefault: true });
    const [a, b] = await Promise.all([runAlerts(db, { asOf: '2026-10-31', backoffMs: 1 }), runAlerts(db, { asOf: '2026-10-31', backoffMs: 1 })]);
    const states = [...a.alerts, ...b.alerts].filter((x) => x.detector === 'listing_inactive').map((x) => x.state).sort();
    expect(states).toEqual(['new', 'open']);
    expect(bodies.filter((x) => x.includes('MAT1'))).toHaveLength(1);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

it('the schedule of serve runs the rules a moment after an import that brought rows', async () => {
  const schedule = scheduleAlerts(db, { afterImportMs: 1, log: () => undefined });
  try {
    schedule.imported();
    // stop() answers once the run under way has ended
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    await schedule.stop();
  }
  const [row] = await db.all("SELECT count(*) AS n FROM alerts WHERE detector = 'listing_inactive' AND state = 'open'");
  expect(Number(row?.n)).toBe(1);
});

it('robust score: median and scaled MAD of the history', () => {
  // history 10, 11, 12, 13, 14: median 12, |deviations| 2,1,0,1,2 → MAD 1 → scale 1.4826; (5 − 12) / 1.4826 = −4.72
  expect(robustScore(5, [10, 11, 12, 13, 14])).toBeCloseTo(-4.7215, 3);
  // fewer than 4 weeks: no score
  expect(robustScore(5, [10, 11, 12])).toBeNull();
  // a flat history keeps a floor of 1% of the median: (9 − 10) / 0.1 = −10
  expect(robustScore(9, [10, 10, 10, 10])).toBeCloseTo(-10, 6);
});
