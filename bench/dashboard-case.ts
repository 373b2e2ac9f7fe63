/**
 * `npm run bench -- --case dashboard`: the dashboard's API routes on the funnel benchmark's data
 * (10,000 ASINs × 400 days by default, `--asins N`), asked of `asterism serve` in its own process, one at a
 * time, warm: p50 and p95 of each route beside `/api/health` (the HTTP round trip alone), with the
 * server's CPU time per request (not inflated by other processes on a loaded machine). Target: p50 < 150 ms.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Database } from '../src/store/database.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { writeFunnelData } from './funnel-data.ts';
import { percentile, startServerChild } from './server-child.ts';

const runs = 11;

export async function dashboardCase(dbPath: string, asins: number, days: number): Promise<void> {
  if (!existsSync(dbPath)) {
    const db = await Database.open(dbPath);
    const t = performance.now();
    await writeFunnelData(db, asins, days);
    db.close();
    console.log(`generated ${asins.toLocaleString('en-US')} ASINs × ${days} days in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const server = await startServerChild(dbPath);
  try {
    const ask = async (path: string) => {
      const t = performance.now();
      const response = await fetch(server.url + path);
      const body = await response.text();
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 300)}`);
      return { ms: performance.now() - t, bytes: body.length };
    };
    // the funnel benchmark's four weeks (its data's last days: 2025-10-20 + 400 days)
    const routes = [{ page: 'baseline', path: '/api/health' }, ...dashboardRoutes('2026-10-04', '2026-10-31')];
    const first = new Map<string, number>();
    // the first ask of each (cold: the rollup built, caches filled), in page order
    for (const r of routes) first.set(r.path, (await ask(r.path)).ms);
    console.log(`\ndashboard API on ${asins.toLocaleString('en-US')} ASINs × ${days} days, one request at a time, ${runs} warm runs each (load average ${loadavg()[0]?.toFixed(1)}):`);
    console.log(`  ${'route'.padEnd(118)} ${'first'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'server CPU'.padStart(11)}  KB`);
    for (const r of routes) {
      const times: number[] = [];
      const cpu = server.cpuSeconds();
      let bytes = 0;
      for (let i = 0; i < runs; i++) ({ ms: times[i] = 0, bytes } = await ask(r.path));
      const cpuMs = ((server.cpuSeconds() - cpu) * 1000) / runs;
      const p50 = percentile(times, 50);
      const target = r.page === 'baseline' ? '' : `  target p50 < 150 ms: ${p50 < 150 ? 'met' : 'NOT met'}`;
      console.log(`  ${`${r.path} (${r.page})`.slice(0, 118).padEnd(118)} ${ms(first.get(r.path) ?? 0)} ${ms(p50)} ${ms(percentile(times, 95))} ${ms(cpuMs).padStart(11)}  ${(bytes / 1024).toFixed(0)}${target}`);
    }
  } finally {
    await server.stop();
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8);
