import { afterEach, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addDays } from '../../src/domain/calendar.ts';
import { todayIn } from '../../src/domain/local-date.ts';
import { importFiles } from '../../src/ingest/index.ts';
import { Database } from '../../src/store/database.ts';
import { runSync, syncStatus } from '../../src/app/sync/sync-run.ts';
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
const inventory = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA';
const settlement = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';


/** every kept document under the database's sync folder */
function keptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? keptFiles(path) : [path];
  });
}

describe('sync, end to end, against the local SP-API', () => {
  test('a 90-day backfill of two stores in two regions: every day once, totals as worked out by hand, never above the usage plans', async () => {
    world = await syncWorld({ settlements: { [storeUs.store]: [{ reportId: '9001', start: '2023-01-01', end: '2023-01-15' }, { reportId: '9002', start: '2023-01-15', end: '2023-01-29' }] }, pageSize: 1 });
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const from = addDays(to, -89);
    world.fake.failNext = 3; // a burst of 503s on the way: tried again, nothing lost
    world.fake.expireNextUrls = 1; // the first document link has expired: asked for again
    const { runs } = await runSync(db, { reports: [st, orders, inventory, settlement], from, to }, { env: world.env });
    const errors = runs.filter((r) => r.status === 'error');
    expect(errors, JSON.stringify(errors)).toEqual([]);
    // sales and traffic: one request per day per store (90 × 2); orders: 30-day chunks (3 × 2)
    expect(runs.filter((r) => r.report_type === st)).toHaveLength(180);
    expect(runs.filter((r) => r.report_type === orders)).toHaveLength(6);
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
        if (reportType !== st && reportType !== orders) continue;
        const { files } = await importFiles(byHand, [file], { store, marketplace });
        expect(files[0]?.status, files[0]?.error ?? '').not.toBe('error');
      }
      const totals = 'SELECT store, sum(units) AS units, sum(sales) AS sales, count(*) AS n FROM br_sales GROUP BY store ORDER BY store';
      expect(await byHand.all(totals)).toEqual(await db.all(totals));
      const orderTotals = 'SELECT store, sum(quantity) AS q, sum(item_price) AS p FROM order_items GROUP BY store ORDER BY store';
      expect(await byHand.all(orderTotals)).toEqual(await db.all(orderTotals));
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
