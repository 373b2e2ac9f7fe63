import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { addDays } from '../domain/calendar.ts';
import { todayIn } from '../domain/local-date.ts';
import { LocalAsterism } from '../app/local.ts';
import { storeUs, syncWorld, type SyncWorld } from '../../test/fakes/sync-setup.ts';
import { createApi } from './app.ts';

/** `sync run` as a job over HTTP (issue 18): started at once, its progress per store × report type read while it runs. */
let world: SyncWorld;
let asterism: LocalAsterism;
let request: (path: string, init?: RequestInit) => Promise<Response>;
const st = 'GET_SALES_AND_TRAFFIC_REPORT';
beforeAll(async () => {
  world = await syncWorld();
  for (const key of ['ASTERISM_SPAPI_ENDPOINT', 'ASTERISM_LWA_ENDPOINT', 'ASTERISM_ADS_ENDPOINT', 'ASTERISM_SYNC_WAIT_MS']) vi.stubEnv(key, world.env[key] ?? '');
  asterism = await LocalAsterism.open(world.db);
  const app = createApi(asterism, {});
  request = async (path, init = {}) => app.request(path, { ...init, headers: { 'content-type': 'application/json', 'x-asterism-request': '1', ...init.headers } });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await asterism.close();
  await world.close();
});

test('POST /api/sync/jobs answers at once; GET /api/sync/jobs?id={id} shows chunks done of those planned until it is done; one sync at a time', async () => {
  const connect = await request('/api/connections/amazon', { method: 'POST', body: JSON.stringify({ store: storeUs.store, region: 'na', marketplace: ['US'], client_id: storeUs.clientId, client_secret: storeUs.clientSecret, refresh_token: storeUs.refreshToken }) });
  expect(connect.status, await connect.clone().text()).toBe(200);
  // a store with no connection: refused before any job
  const none = await request('/api/sync/jobs', { method: 'POST', body: JSON.stringify({ store: 'nobody' }) });
  expect(none.status).toBe(404);

  const to = addDays(todayIn('America/Los_Angeles'), -1);
  const from = addDays(to, -2);
  const started = await request('/api/sync/jobs', { method: 'POST', body: JSON.stringify({ store: storeUs.store, report: [st], from, to }) });
  expect(started.status).toBe(200);
  const { job } = (await started.json()) as { job: { id: string; state: string } };
  expect(job.state).toBe('running');
  // a second sync while the first runs: 409, naming the running job
  const second = await request('/api/sync/jobs', { method: 'POST', body: JSON.stringify({ store: storeUs.store, report: [st], from, to }) });
  expect(second.status).toBe(409);
  expect(JSON.stringify(await second.json())).toContain(job.id);

  type Job = { state: string; progress: { store: string; marketplace: string; report_type: string; done: number; total: number; rows: number; state: string }[]; runs: { status: string }[] };
  let seen: Job;
  const totals = new Set<string>();
  do {
    await new Promise((r) => setTimeout(r, 20));
    const res = await request(`/api/sync/jobs?id=${job.id}`);
    expect(res.status).toBe(200);
    ({ job: seen } = (await res.json()) as { job: Job });
    for (const p of seen.progress) totals.add(`${p.done}/${p.total}`);
  } while (seen.state === 'running');
  expect(seen.state).toBe('done');
  // three days, one request each; the fixture's two child ASINs a day: 6 rows
  expect(seen.progress).toEqual([{ store: storeUs.store, marketplace: 'US', report_type: st, done: 3, total: 3, rows: 6, state: 'done' }]);
  expect(seen.runs.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  expect(totals.has('3/3')).toBe(true);
  expect((await request('/api/sync/jobs?id=no-such-job')).status).toBe(404);
});
