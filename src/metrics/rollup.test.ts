import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFunnelData } from '../../bench/funnel-data.ts';
import { loadMetricScenario } from '../../test/scenarios/metric-scenario.ts';
import { Database } from '../store/database.ts';
import { rollupMetricIds } from './rollup.ts';
import { runQuery, type QueryResult } from './query.ts';
import type { QueryRequest } from './request.ts';
import { freshRollup, lastRollupRefresh, setRollupMinRows } from './rollup-refresh.ts';

/**
 * The ASIN rollup must answer exactly what the sources answer. Every catalog metric is asked both
 * ways — sources only, and with the rollup — by every grain the rollup keeps and some it does not,
 * over periods that cut Business Report ranges and Brand Analytics weeks, with filters; the answers
 * (rows, sources, missing parts, problems) must be identical.
 */
let dir: string;
// every metric read only from facts the rollup may hold (metrics of other sources never touch it)
const metrics = rollupMetricIds();
// the rollup's own grains, and two it does not keep (answered from the sources beside it)
const grains = [[], ['asin'], ['marketplace', 'asin'], ['marketplace'], ['asin', 'date'], ['store', 'asin', 'week'], ['marketplace', 'month'], ['sku']];
type Period = { from?: string; to?: string };
const scenarioPeriods: Period[] = [{}, { from: '2026-10-01', to: '2026-10-31' }, { from: '2026-10-02', to: '2026-10-02' }, { from: '2026-09-27', to: '2026-10-03' }, { from: '2026-09-01', to: '2026-10-31' }];
// the generator starts on Monday 2025-10-20; SCP weeks run Sunday to Saturday from 2025-10-19
const dailyPeriods: Period[] = [{}, { from: '2025-11-01', to: '2025-11-30' }, { from: '2025-11-04', to: '2025-11-04' }, { from: '2025-11-02', to: '2025-11-15' }, { from: '2025-10-25', to: '2025-11-10' }];

async function bothWays(db: Database, request: QueryRequest): Promise<[QueryResult, QueryResult]> {
  setRollupMinRows(db, Infinity);
  const live = await runQuery(db, request);
  setRollupMinRows(db, 0);
  const rolled = await runQuery(db, request);
  return [live, rolled];
}

async function sameAnswers(db: Database, periods: Period[], filters: Record<string, string>[], byGrains: string[][] = grains): Promise<number> {
  let asked = 0;
  for (const by of byGrains) {
    for (const period of periods) {
      for (const filter of filters) {
        const request = { metrics, by, ...period, ...filter };
        const [live, rolled] = await bothWays(db, request);
        expect(rolled, JSON.stringify({ by, period, filter })).toEqual(live);
        asked++;
      }
    }
  }
  return asked;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-rollup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the rollup answers as the sources do', () => {
  test('on the metric scenario (month-long Business Report rows, order items, SCP and SQP, several ad levels)', async () => {
    const db = await Database.open(join(dir, 'scenario.duckdb'));
    await loadMetricScenario(db);
    setRollupMinRows(db, 0);
    // a Business Report row spans a month here: sales stay with the sources, the rest is rolled up
    expect([...await freshRollup(db)].sort()).toEqual(['ads', 'br_sales', 'inventory', 'orders', 'repeat_purchase', 'reviews', 'search_funnel', 'traffic']);
    expect(await sameAnswers(db, scenarioPeriods, [{}, { marketplace: 'US', asin: 'A1' }])).toBe(grains.length * scenarioPeriods.length * 2);
    db.close();
  }, 120_000);

  test('on daily data (the benchmark generator, 12 ASINs × 60 days, with order items beside): sales rolled up too', async () => {
    const db = await Database.open(join(dir, 'daily.duckdb'));
    await writeFunnelData(db, 12, 60);
    await db.run(`INSERT INTO order_items (store, marketplace, channel, order_id, order_date, order_status, fulfillment, sku, asin, quantity, currency, item_price, import_id)
      SELECT 'default', 'US', 'amazon', 'O-' || i, DATE '2025-11-01' + INTERVAL (i % 9) DAY, CASE WHEN i % 5 = 0 THEN 'Cancelled' ELSE 'Shipped' END,
             'FBA', 'SKU-B000000003', 'B000000003', 1 + i % 2, 'USD', 19.99 * (1 + i % 2), 7 FROM range(20) r(i)`);
    setRollupMinRows(db, 0);
    expect(await freshRollup(db)).toContain('sales');
    expect(await sameAnswers(db, dailyPeriods, [{}, { asin: 'B000000003', store: 'default' }])).toBe(grains.length * dailyPeriods.length * 2);
    db.close();
  }, 120_000);

  test('after an import restating days inside a week, the week level is rewritten by those days and still answers as the sources', async () => {
    const db = await Database.open(join(dir, 'week-level.duckdb'));
    await writeFunnelData(db, 12, 60);
    setRollupMinRows(db, 0);
    const week = { from: '2025-11-02', to: '2025-11-08' };
    const before = await runQuery(db, { metrics: ['sessions'], ...week });
    // a Business Report for Tue 2025-11-04 and Wed 2025-11-05 downloaded again: 5 more sessions per ASIN and day
    const [logged] = await db.all(`INSERT INTO import_log (file, file_hash, report_type, store, marketplace, date_from, date_to, rows)
      VALUES ('restated.csv', 'restated', 'business_report_child', 'default', 'US', DATE '2025-11-04', DATE '2025-11-05', 24) RETURNING id`);
    await db.run(`UPDATE traffic SET sessions = sessions + 5, import_id = ${Number(logged?.id)} WHERE date_from BETWEEN DATE '2025-11-04' AND DATE '2025-11-05'`);
    await freshRollup(db);
    expect(lastRollupRefresh(db)).toBe('imports');
    // the week's sessions grew by 12 ASINs × 2 days × 5 = 120, read from the week level
    const after = await runQuery(db, { metrics: ['sessions'], ...week });
    expect(Number(after.rows[0]?.sessions) - Number(before.rows[0]?.sessions)).toBe(120);
    const periods = [week, { from: '2025-11-01', to: '2025-11-30' }, { from: '2025-11-05', to: '2025-11-12' }];
    expect(await sameAnswers(db, periods, [{}], [[], ['asin'], ['store', 'asin', 'week']])).toBe(9);
    db.close();
  }, 120_000);

  test('a write to a source table rebuilds it before the next answer', async () => {
    const db = await Database.open(join(dir, 'fresh.duckdb'));
    await loadMetricScenario(db);
    setRollupMinRows(db, 0);
    const oct1 = { metrics: ['sessions'], by: ['asin'], from: '2026-10-01', to: '2026-10-01', asin: 'A2' };
    expect((await runQuery(db, oct1)).rows[0]?.sessions).toBe(200);
    await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, parent_asin, asin, sessions, source, import_id)
      VALUES ('default', 'US', '2026-10-01', '2026-10-01', 'P1', 'A2', 7, 'business_report', 9)`);
    expect((await runQuery(db, oct1)).rows[0]?.sessions).toBe(207); // 200 + 7
    db.close();
  });

  test('a question in a read snapshot answers from the state it began in, even when the rollup is brought up to date meanwhile', async () => {
    const db = await Database.open(join(dir, 'snapshot.duckdb'));
    await writeFunnelData(db, 2, 7);
    setRollupMinRows(db, 0);
    // two facts (traffic and ads): the rollup answers them together (one fact alone is read from its own table)
    const week = { metrics: ['sessions', 'ad_spend'], by: ['asin'], asin: 'B000000001' };
    const sessions = async () => (await runQuery(db, week)).rows[0]?.sessions;
    // the generator's 20 + (1 × 7 + day × 3) % 80 sessions over 7 days: 27 + 30 + 33 + 36 + 39 + 42 + 45 = 252
    expect(await sessions()).toBe(252);
    // a write committed: the rollup is behind the sources (252 + 7 sessions there, 252 in the rollup)
    await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, parent_asin, asin, sessions, source, import_id)
      VALUES ('default', 'US', '2025-10-20', '2025-10-20', 'P0', 'B000000001', 7, 'business_report', 1)`);
    const answers = await db.snapshot(async () => {
      const first = await sessions();
      // the rollup is brought up to date and committed while the snapshot is open: the snapshot still sees the old
      // rollup beside the new sources, so it must keep answering from the sources (259), never the old rollup (252)
      await db.transaction(() => freshRollup(db));
      return [first, await sessions()];
    });
    expect(answers).toEqual([259, 259]);
    expect(await sessions()).toBe(259);
    db.close();
  });
});
