import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSearchTermCsv } from '../../bench/search-term-csv.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { Database } from '../../src/store/database.ts';

/**
 * One writer at a time through the real server: hundreds of mixed writes at concurrency 8 while a large
 * import runs. Every 2xx is saved, every refusal saved nothing, the import succeeds, and questions asked
 * during the import answer before it ends, from the last committed state.
 */
let dir: string;
let server: RunningServer;
let file: string;
const rows = 1_000_000; // ~170 MB (~10 s to import here): above the large-file threshold, so DuckDB reads it (off the event loop) for seconds, longer than the reads take on a busy machine
const rollupEnv = process.env.ASTERISM_ROLLUP_MIN_ROWS;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-writes-'));
  file = join(dir, 'sp-search-term.csv');
  await writeSearchTermCsv(file, rows);
  const dbPath = join(dir, 'writes.duckdb');
  const db = await Database.open(dbPath);
  await db.run("INSERT INTO stores (name) VALUES ('default') ON CONFLICT DO NOTHING");
  db.close();
  // every question goes through the ASIN rollup, so its freshness check and rebuild meet the import too
  process.env.ASTERISM_ROLLUP_MIN_ROWS = '0';
  server = await startServer({ dbPath, port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (rollupEnv === undefined) delete process.env.ASTERISM_ROLLUP_MIN_ROWS;
  else process.env.ASTERISM_ROLLUP_MIN_ROWS = rollupEnv;
  rmSync(dir, { recursive: true, force: true });
});

const headers = { 'X-Asterism-Request': '1' };

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method, headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface ImportJob { state: string; files: { bytesRead: number; result: { status: string; rows: number } | null }[] }
const job = async (id: string) => (await call('GET', `/api/import/jobs/${id}`)).body as unknown as ImportJob;

/** A write, what it must leave behind, and whether it is valid (a 2xx then) or refused (a 4xx, nothing saved). */
interface Write { method: string; path: string; body: unknown; valid: boolean; mark: string }

function writes(): Write[] {
  const list: Write[] = [];
  for (let i = 0; i < 50; i++) {
    const day = `2026-0${1 + (i % 9)}-${String(1 + Math.floor(i / 9)).padStart(2, '0')}`;
    list.push({ method: 'PUT', path: '/api/fx', body: { rates: [{ date: day, base: 'EUR', quote: 'USD', rate: `1.${String(1000 + i)}` }] }, valid: true, mark: day });
    list.push({ method: 'POST', path: '/api/events', body: { date: '2026-03-01', type: 'coupon', note: `note ${i}` }, valid: true, mark: `note ${i}` });
    const asin = `B0WRITE${String(i).padStart(3, '0')}`;
    list.push({ method: 'PUT', path: '/api/kpi/targets', body: { kpi: 'sessions', period: '2026-01', asin, target: 1000 + i }, valid: true, mark: asin });
    list.push({ method: 'PUT', path: '/api/benchmarks', body: { metric: 'sessions', category: `cat ${i}`, low: i, high: i + 10 }, valid: true, mark: `cat ${i}` });
  }
  for (let i = 0; i < 10; i++) {
    // refused by the store's checks after the request was accepted: a rate of 0, an unknown event type, bounds the wrong way round
    list.push({ method: 'PUT', path: '/api/fx', body: { rates: [{ date: '2027-01-01', base: 'EUR', quote: 'USD', rate: '0' }] }, valid: false, mark: '2027-01-01' });
    list.push({ method: 'POST', path: '/api/events', body: { date: '2026-03-01', type: 'no-such-type', note: `refused ${i}` }, valid: false, mark: `refused ${i}` });
    list.push({ method: 'PUT', path: '/api/benchmarks', body: { metric: 'sessions', category: `refused ${i}`, low: 10, high: 1 }, valid: false, mark: `refused ${i}` });
  }
  // mixed, as a busy dashboard would send them
  return list.map((w, i) => ({ w, k: (i * 7919) % list.length })).sort((a, b) => a.k - b.k).map(({ w }) => w);
}

/** Runs the tasks with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  }));
  return results;
}

test('writes during an import take turns, each 2xx saved and each refusal saving nothing; reads answer meanwhile', async () => {
  const form = new FormData();
  form.append('files', new Blob([readFileSync(file)]), 'sp-search-term.csv');
  form.append('marketplace', 'US');
  const started = await fetch(`${server.url}/api/upload?async=true`, { method: 'POST', headers, body: form });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  // wait until the import runs (DuckDB's progress may report no bytes until its read ends), then a moment: its transaction is open
  for (let j = await job(id); j.state !== 'importing' && j.state !== 'done'; j = await job(id)) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  expect((await job(id)).state).toBe('importing');

  const list = writes();
  const answers = pool(list, 8, (w) => call(w.method, w.path, w.body));
  answers.catch(() => undefined); // awaited below; a failed assertion before then must not leave it unhandled
  // questions during the import: every one answers while the import is still running, from the committed state (no half of the file)
  const reads = await pool([...Array(2).keys()].flatMap(() => ['/api/sources', '/api/fx', '/api/query?metric=ad_spend&by=marketplace', '/api/benchmarks', '/api/events']), 4, (path) => call('GET', path));
  expect((await job(id)).state).toBe('importing');
  expect(reads.map((r) => r.status)).toEqual(reads.map(() => 200));
  for (const r of reads.filter((_, i) => i % 5 === 0)) expect(r.body.sources).toEqual([]);

  const answered = await answers;
  let done = await job(id);
  while (done.state !== 'done' && done.state !== 'failed') {
    await new Promise((r) => setTimeout(r, 100));
    done = await job(id);
  }
  expect(done.files[0]?.result).toMatchObject({ status: 'imported', rows });
  // every valid write answered 2xx, every refused one a 4xx: no 500s
  expect(answered.map((a, i) => (list[i]?.valid ? a.status === 200 : a.status >= 400 && a.status < 500))).toEqual(list.map(() => true));

  const fx = (await call('GET', '/api/fx')).body.rates as { date: string; rate: string }[];
  const events = (await call('GET', '/api/events?origin=entered')).body.events as { note: string }[];
  const targets = (await call('GET', '/api/kpi/targets?period=2026-01')).body.targets as { asin: string; target: number }[];
  const overrides = (await call('GET', '/api/benchmarks')).body.overrides as { category: string; low: number }[];
  const saved = new Set([...fx.map((r) => r.date), ...events.map((e) => e.note), ...targets.map((t) => t.asin), ...overrides.map((o) => o.category)]);
  expect(list.filter((w) => w.valid && !saved.has(w.mark)).map((w) => w.mark)).toEqual([]);
  expect(list.filter((w) => !w.valid && saved.has(w.mark)).map((w) => w.mark)).toEqual([]);
  // 50 of each, with the values sent: rate 1.1000 + i/10000 on its day, target 1000 + i, low i
  expect([fx.length, events.length, targets.length, overrides.length]).toEqual([50, 50, 50, 50]);
  expect(fx.find((r) => r.date === '2026-01-01')?.rate).toBe('1.1'); // i = 0: "1.1000", trailing zeros dropped
  expect(targets.find((t) => t.asin === 'B0WRITE049')?.target).toBe(1049);
  expect(overrides.find((o) => o.category === 'cat 7')?.low).toBe(7);
  // the import is whole after the writes: its rows and its ad spend are read from the rollup, brought up to date as a write
  const after = await call('GET', '/api/query?metric=ad_spend&by=marketplace');
  expect(after.status).toBe(200);
  expect((await call('GET', '/api/sources')).body.sources).toHaveLength(1);
}, 300_000);
