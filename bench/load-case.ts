/**
 * `npm run bench -- --case load`: concurrent clients (20 by default) asking `asterism serve` on the demo for
 * a mix of the dashboard's read routes, from this process while the server runs in its own, on loopback only.
 * Three rounds, each a bounded number of requests: `/api/health` alone (the server's floor), the mix, and the
 * mix while a large Sponsored Products search-term CSV (`--import-rows`, 1,000,000 by default) imports through
 * `POST /api/import`. Prints throughput, p50/p95/p99, errors and the server's CPU per request.
 * Targets (issue 16): p95 < 500 ms and no errors; during the import p95 < 1 s.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TODAY } from '../src/demo/index.ts';
import { addDays } from '../src/domain/calendar.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { writeSearchTermCsv } from './search-term-csv.ts';
import { percentile, startServerChild, type ServerChild } from './server-child.ts';
import { demoDatabase } from './startup-case.ts';

interface Round { label: string; seconds: number; times: number[]; errors: string[]; serverCpu: number }

export async function loadCase(dir: string, clients: number, importRows: number): Promise<void> {
  const demo = demoDatabase(dir);
  // the import writes into a copy: the demo database stays as `asterism demo` made it
  const db = join(dir, 'load-demo.duckdb');
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  copyFileSync(demo, db);
  const csv = join(dir, `search-terms-${importRows}.csv`);
  if (!existsSync(csv)) await writeSearchTermCsv(csv, importRows);
  const server = await startServerChild(db, ['--import-dir', dir]);
  try {
    const routes = dashboardRoutes(addDays(DEFAULT_TODAY, -27), DEFAULT_TODAY).map((r) => r.path);
    console.log(`\nunder load: ${clients} concurrent clients on the demo, loopback (load average ${loadavg()[0]?.toFixed(1)}); each route once first, alone:`);
    for (const path of routes) {
      const cpu = server.cpuSeconds();
      const ms = await ask(server, path);
      console.log(`  ${path.slice(0, 100).padEnd(100)} ${ms.toFixed(0).padStart(6)} ms  server CPU ${((server.cpuSeconds() - cpu) * 1000).toFixed(0).padStart(5)} ms`);
    }
    const perRound = clients * routes.length;
    const rounds: Round[] = [];
    const report = (r: Round) => {
      rounds.push(r);
      const p = (q: number) => `${percentile(r.times, q).toFixed(0)} ms`.padStart(8);
      console.log(`  ${r.label.padEnd(72)} ${String(r.times.length).padStart(5)} requests in ${r.seconds.toFixed(1)} s ${(r.times.length / r.seconds).toFixed(1).padStart(6)}/s  p50 ${p(50)} p95 ${p(95)} p99 ${p(99)}  errors ${r.errors.length}  server CPU ${(r.serverCpu * 1000 / Math.max(1, r.times.length)).toFixed(1)} ms/request`);
      for (const e of r.errors.slice(0, 3)) console.log(`      ${e}`);
    };
    report(await load(server, 'GET /api/health only (the floor)', clients, ['/api/health'], () => perRound));
    report(await load(server, `dashboard mix (${routes.length} routes)`, clients, routes, () => perRound));
    // the import runs through the API as an upload by path would; the mix goes on until it has ended
    let importing = true;
    const started = performance.now();
    const imported = fetch(`${server.url}/api/import`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-asterism-request': '1' },
      body: JSON.stringify({ files: [csv], marketplace: 'US', store: 'load' }),
    }).then(async (r) => {
      const answer = await r.text();
      if (!r.ok) throw new Error(`import: HTTP ${r.status} ${answer.slice(0, 300)}`);
      return (performance.now() - started) / 1000;
    }).finally(() => { importing = false; });
    report(await load(server, `dashboard mix during a ${importRows.toLocaleString('en-US')}-row search-term import`, clients, routes, (done) => (importing ? done + clients : 0)));
    const importSeconds = await imported;
    const [, mix, during] = rounds;
    const verdict = (round: Round | undefined, target: number) => (round && percentile(round.times, 95) < target && round.errors.length === 0 ? 'met' : 'NOT met');
    console.log(`  targets: mix p95 < 500 ms, no errors: ${verdict(mix, 500)}; during the import p95 < 1000 ms: ${verdict(during, 1000)}  (the import took ${importSeconds.toFixed(1)} s)`);
  } finally {
    await server.stop();
  }
}

async function ask(server: ServerChild, path: string): Promise<number> {
  const t = performance.now();
  const response = await fetch(server.url + path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return performance.now() - t;
}

/** A round ends after this long even if its requests are not all asked (a loaded machine): the figures say how many were. */
const roundSeconds = 90;

/** `clients` loops, each asking the routes in turn (starting at its own), until `total(done)` requests were started. */
async function load(server: ServerChild, label: string, clients: number, routes: string[], total: (done: number) => number): Promise<Round> {
  const times: number[] = [];
  const errors: string[] = [];
  let started = 0;
  const cpu = server.cpuSeconds();
  const t = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    for (let i = client; started < total(times.length + errors.length) && performance.now() - t < roundSeconds * 1000; i++) {
      started++;
      const path = routes[i % routes.length] ?? '/api/health';
      try {
        times.push(await ask(server, path));
      } catch (e) {
        // fetch's own message is only "fetch failed": the reason is its cause (a refused connection, a timeout)
        errors.push(e instanceof Error ? `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}` : String(e));
      }
    }
  }));
  return { label, seconds: (performance.now() - t) / 1000, times, errors, serverCpu: server.cpuSeconds() - cpu };
}
