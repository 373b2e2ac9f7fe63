import { afterEach, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addDays } from '../../src/domain/calendar.ts';
import { todayIn } from '../../src/domain/local-date.ts';
import { importFiles } from '../../src/ingest/index.ts';
import { Database } from '../../src/store/database.ts';
import { runSync, syncStatus } from '../../src/app/sync/sync-run.ts';
import { syncReports } from '../../src/app/sync/report-types.ts';
import { storeJp, storeUs, connectBoth, syncWorld, type SyncWorld } from '../fakes/sync-setup.ts';
import { unitsOn } from '../fakes/amazon-fake.ts';

/**
 * Issue 18's end-to-end checks against the local SP-API (test/fakes): a 90-day backfill of two stores in two regions,
 * totals identical to importing the same documents by hand, the call rate never above the plans, and a sync killed
 * with SIGKILL in the middle that resumes with no day missing or doubled.
 */
let world: SyncWorld | undefined;
let db: Database | undefined;
afterEach(async () => {
  if (db) {
    await db.settled();
    db.close();
  }
  db = undefined;
  await world?.close();
  world = undefined;
});

const st = 'GET_SALES_AND_TRAFFIC_REPORT';
const orders = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL';
const listings = 'GET_MERCHANT_LISTINGS_ALL_DATA';


/** every kept document under the database's sync folder */
function keptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? keptFiles(path) : [path];
  });
}

describe('sync, end to end, against the local SP-API', () => {
  test('a 90-day backfill of all 13 report types, two stores in two regions: every day once, totals as worked out by hand, never above the usage plans', async () => {
    world = await syncWorld({ settlements: { [storeUs.store]: [{ reportId: '9001', start: '2023-01-01', end: '2023-01-15' }, { reportId: '9002', start: '2023-01-15', end: '2023-01-29' }] }, pageSize: 1 });
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const from = addDays(to, -89);
    world.fake.failNext = 3; // a burst of 503s on the way: tried again, nothing lost
    world.fake.expireNextUrls = 1; // the first document link has expired: asked for again
    // the fake's documents of the other report types are real US files (the listings one a real Japanese one): the US
    // store (NA) takes every type but the listings, the JP store (FE) sales and traffic, orders and the listings
    const reportTypes = syncReports.filter((r) => r.kind !== 'market').map((r) => r.reportType);
    expect(reportTypes).toHaveLength(13);
    const usRun = await runSync(db, { store: storeUs.store, reports: reportTypes.filter((t) => t !== listings), from, to }, { env: world.env });
    const jpRun = await runSync(db, { store: storeJp.store, reports: [st, orders, listings], from, to }, { env: world.env });
    const runs = [...usRun.runs, ...jpRun.runs];
    const errors = runs.filter((r) => r.status === 'error');
    expect(errors, JSON.stringify(errors)).toEqual([]);
    expect(new Set(runs.map((r) => r.report_type))).toEqual(new Set(reportTypes));
    // sales and traffic: one request per day per store (90 × 2); orders: 30-day chunks (3 × 2); the other ranged types
    // 3 chunks of at most 30 (31) days; Brand Analytics one request per closed Sunday–Saturday week in the range
    expect(runs.filter((r) => r.report_type === st)).toHaveLength(180);
    expect(runs.filter((r) => r.report_type === orders)).toHaveLength(6);
    for (const t of ['GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA', 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', 'GET_FBA_STORAGE_FEE_CHARGES_DATA']) {
      expect(runs.filter((r) => r.report_type === t), t).toHaveLength(3);
    }
    for (const t of reportTypes.filter((x) => x.startsWith('GET_BRAND_ANALYTICS_'))) {
      const weeks = runs.filter((r) => r.report_type === t);
      expect(weeks.length, t).toBeGreaterThanOrEqual(11);
      for (const w of weeks) expect([new Date(`${w.from}T00:00:00Z`).getUTCDay(), new Date(`${w.to}T00:00:00Z`).getUTCDay(), addDays(w.from ?? '', 6)]).toEqual([0, 6, w.to]);
    }
    // the settlements were listed over two pages (nextToken) and both imported; the same fixture twice is unchanged the second time
    expect(world.fake.callCount(storeUs.store, 'getReports')).toBe(2);

    // every day of the 90 once per ASIN: units of a day are 1 + (day of month mod 3) for the first ASIN, one more for the second
    const byDay = await db.all(`SELECT store, CAST(date_from AS VARCHAR) AS day, count(*) AS n, sum(units) AS units FROM br_sales GROUP BY ALL ORDER BY store, day`);
    for (const store of [storeUs.store, storeJp.store]) {
      const days = byDay.filter((r) => r.store === store);
      expect(days).toHaveLength(90);
      for (const d of days) {
        expect(Number(d.n)).toBe(2);
        expect(Number(d.units)).toBe(unitsOn(String(d.day), 0) + unitsOn(String(d.day), 1));
      }
    }
    // the JP store's yen: 1,680 a unit; the US store's dollars: 16.79 a unit (e.g. 3 units on the 2nd: 3 × 16.79 = 50.37)
    const [jp] = await db.all(`SELECT sum(sales) AS sales, sum(units) AS units, min(currency) AS c FROM br_sales WHERE store = $1`, [storeJp.store]);
    expect(jp).toMatchObject({ c: 'JPY' });
    expect(Number(jp?.sales)).toBe(1680 * Number(jp?.units));
    const orderDays = await db.all(`SELECT store, count(DISTINCT order_date) AS days, count(*) AS n FROM order_items GROUP BY store ORDER BY store`);
    expect(orderDays.map((r) => [r.store, Number(r.days), Number(r.n)])).toEqual([[storeJp.store, 90, 90], [storeUs.store, 90, 90]]);

    // no call above the plan: the fake counted none (it would have answered 429)
    expect(world.fake.totalOverLimit()).toBe(0);

    const status = await syncStatus(db);
    const usSt = status.reports.find((r) => r.store === storeUs.store && r.report_type === st);
    expect(usSt).toMatchObject({ covered_from: from, covered_to: to, last_error: null });
    expect(usSt?.next_run).toMatch(/^\d{4}-\d{2}-\d{2}T06:30:00Z$/);

    // the same documents imported by hand into another database give the same totals
    const byHand = await Database.open(join(world.dir, 'by-hand.duckdb'));
    try {
      for (const file of keptFiles(`${world.db}.sync`)) {
        const [store, marketplace, reportType] = file.slice(`${world.db}.sync/`.length).split('/');
        // the snapshots are dated the day they were pulled, which a file imported by hand is not told
        if (syncReports.find((r) => r.reportType === reportType)?.kind === 'snapshot') continue;
        const { files } = await importFiles(byHand, [file], { store, marketplace });
        expect(files[0]?.status, files[0]?.error ?? '').not.toBe('error');
      }
      const totals = 'SELECT store, sum(units) AS units, sum(sales) AS sales, count(*) AS n FROM br_sales GROUP BY store ORDER BY store';
      expect(await byHand.all(totals)).toEqual(await db.all(totals));
      const orderTotals = 'SELECT store, sum(quantity) AS q, sum(item_price) AS p FROM order_items GROUP BY store ORDER BY store';
      expect(await byHand.all(orderTotals)).toEqual(await db.all(orderTotals));
      // every other table the ranged and weekly reports fill: the same rows, none doubled by the repeated documents
      for (const table of ['transactions', 'returns', 'storage_fees', 'search_funnel', 'repeat_purchase']) {
        const count = `SELECT store, count(*) AS n FROM ${table} GROUP BY store ORDER BY store`;
        const synced = await db.all(count);
        expect(synced.length, table).toBeGreaterThan(0);
        expect(await byHand.all(count), table).toEqual(synced);
      }
    } finally {
      byHand.close();
    }
    // documents are kept as they came, decompressed (a gzip document starts 1f 8b)
    const first = keptFiles(`${world.db}.sync`).find((f) => f.includes(st));
    expect(readFileSync(first ?? '').subarray(0, 1).toString()).toBe('{');
  }, 300_000);

  test('kill -9 in the middle of a sync, then resume: no day missing or doubled', async () => {
    world = await syncWorld();
    const w = world;
    const setup = await Database.open(w.db);
    await connectBoth(w, setup);
    await setup.settled();
    setup.close();
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const from = addDays(to, -29);
    const bin = resolve('bin/asterism.js');
    const args = ['--db', w.db, 'sync', 'run', '--store', storeUs.store, '--report', st];
    const killed = await new Promise<NodeJS.Signals | null>((done) => {
      const child = spawn(process.execPath, [bin, ...args, '--from', from, '--to', to, '--json'], { env: w.env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', () => { if (err) console.error(err); });
      // killed while the 12th document is being imported (or its state written): the worst moment
      w.fake.onDownload = (n) => {
        if (n === 12) child.kill('SIGKILL');
      };
      child.on('exit', (_code, signal) => done(signal));
    });
    expect(killed).toBe('SIGKILL');
    w.fake.onDownload = undefined;
    // resumed with no range: from the covered end (less the restatement window) to yesterday
    const again = await new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = spawn(process.execPath, [bin, ...args, '--json'], { env: w.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => done({ code, out, err }));
    });
    expect(again.code, again.err).toBe(0);
    const answer = JSON.parse(again.out) as { runs: { status: string; from: string }[] };
    expect(answer.runs.length).toBeGreaterThan(2);
    expect(answer.runs.every((r) => r.status === 'imported' || r.status === 'unchanged')).toBe(true);
    db = await Database.open(w.db);
    const days = await db.all(`SELECT CAST(date_from AS VARCHAR) AS day, count(*) AS n, sum(units) AS units FROM br_sales WHERE store = $1 GROUP BY ALL ORDER BY day`, [storeUs.store]);
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => addDays(from, i)));
    for (const d of days) {
      expect(Number(d.n)).toBe(2);
      expect(Number(d.units)).toBe(unitsOn(String(d.day), 0) + unitsOn(String(d.day), 1));
    }
    expect((await syncStatus(db)).reports.find((r) => r.report_type === st)).toMatchObject({ covered_from: from, covered_to: to, last_error: null });
  }, 300_000);
});
