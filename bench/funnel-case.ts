/**
 * Funnel benchmark (issue 4): `asterism funnel --by asin` over ASINs × days of data, query time per
 * call (median of 5, warm), beside a plain DuckDB GROUP BY of the same table in the same process.
 */
import { existsSync } from 'node:fs';
import { funnelRows } from '../src/app/funnel.ts';
import { defaultRollupMinRows, freshRollup, setRollupMinRows } from '../src/metrics/rollup-refresh.ts';
import { Database } from '../src/store/database.ts';
import { writeFunnelData } from './funnel-data.ts';

export async function funnelCase(dbPath: string, asins: number, days: number): Promise<void> {
  const fresh = !existsSync(dbPath);
  const db = await Database.open(dbPath);
  try {
    if (fresh) {
      const t = performance.now();
      await writeFunnelData(db, asins, days);
      console.log(`generated ${asins.toLocaleString('en-US')} ASINs × ${days} days in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const [counts] = await db.all('SELECT (SELECT count(*) FROM traffic) AS traffic, (SELECT count(*) FROM search_funnel) AS search, (SELECT count(*) FROM ads) AS ads');
    const period = { from: '2026-10-04', to: '2026-10-31' };
    const time = async (work: () => Promise<unknown>) => {
      const runs: number[] = [];
      await work();
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await work();
        runs.push(performance.now() - t);
      }
      return runs.sort((a, b) => a - b)[2] ?? 0;
    };
    const baseline = await time(() => db.all(`SELECT asin, sum(sessions), sum(page_views) FROM traffic WHERE date_from BETWEEN $1::DATE AND $2::DATE GROUP BY asin`, [period.from, period.to]));

    // the ASIN rollup: written whole once (after a first import, or here), then per import for the days it loaded
    await db.run('DELETE FROM rollup_state');
    const build = performance.now();
    await freshRollup(db);
    const built = performance.now() - build;
    const { refresh: refreshed } = await oneDayImport(db, asins, '2026-11-24');

    // wall time during which a query of the call was running (its queries overlap), beside the whole call
    let inDatabase = 0;
    let running = 0;
    let since = 0;
    for (const method of ['all', 'columnValues'] as const) {
      const original = db[method].bind(db) as (...args: unknown[]) => Promise<unknown>;
      (db as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        if (running++ === 0) since = performance.now();
        try { return await original(...args); } finally { if (--running === 0) inDatabase += performance.now() - since; }
      };
    }
    let rows = 0;
    const call = async () => { rows = (await funnelRows(db, { ...period, by: ['asin'] })).rows.length; };
    // each call's whole time and its time in the database, median of 5 warm calls each
    const measured = async () => {
      await call();
      const totals: number[] = [];
      const inside: number[] = [];
      for (let i = 0; i < 5; i++) {
        inDatabase = 0;
        const t = performance.now();
        await call();
        totals.push(performance.now() - t);
        inside.push(inDatabase);
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[2] ?? 0;
      return { total: median(totals), database: median(inside) };
    };
    const rolled = await measured();
    // the weeks an import rewrites are appended whole, outside the week level's stripes, until the next rebuild
    const { after: afterImport } = await oneDayImport(db, asins, '2026-10-20', measured);
    setRollupMinRows(db, Infinity);
    const sourcesOnly = await measured();
    setRollupMinRows(db, defaultRollupMinRows);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`\nfunnel --by asin, ${period.from}..${period.to}, over ${Number(counts?.traffic).toLocaleString('en-US')} traffic rows, ${Number(counts?.search).toLocaleString('en-US')} search-funnel rows, ${Number(counts?.ads).toLocaleString('en-US')} ads rows (median of 5, warm):`);
    console.log(`  plain GROUP BY of traffic by ASIN          : ${ms(baseline)}`);
    console.log(`  ASIN rollup written whole                  : ${(built / 1000).toFixed(1)} s (once; then per import)`);
    console.log(`  ASIN rollup after a one-day import         : ${ms(refreshed)}`);
    console.log(`  funnel from the sources only (${rows.toLocaleString('en-US')} funnels): ${ms(sourcesOnly.total)}, of which in the database ${ms(sourcesOnly.database)}`);
    console.log(`  funnel with the ASIN rollup                : ${ms(rolled.total)}, of which in the database ${ms(rolled.database)}  (${(rolled.total / baseline).toFixed(1)}× the plain GROUP BY; target < 100 ms in the database)`);
    console.log(`  … after a one-day import into the period   : ${ms(afterImport.total)}, of which in the database ${ms(afterImport.database)}`);
  } finally {
    db.close();
  }
}

/** One more day of Business Report traffic as an import would load it, the rollup brought up to date (and
 * `after` run on it), then all of it rolled back: the benchmark's database stays as generated. */
async function oneDayImport<T>(db: Database, asins: number, day: string, after?: () => Promise<T>): Promise<{ refresh: number; after: T }> {
  let measured: { refresh: number; after: T } | undefined;
  const rolledBack = new Error('the benchmark leaves its database as generated');
  // one write, thrown away at the end: the rollup's refresh and `after` run inside it, and see its rows
  await db.transaction(async () => {
    const [logged] = await db.all(`INSERT INTO import_log (file, file_hash, report_type, store, marketplace, date_from, date_to, rows)
      VALUES ('bench-day.csv', 'bench-${day}', 'business_report_child', 'default', 'US', DATE '${day}', DATE '${day}', ${asins}) RETURNING id`);
    await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, parent_asin, asin, sessions, page_views, buy_box_pct, source, import_id)
      SELECT 'default', 'US', DATE '${day}', DATE '${day}', 'P' || (i // 4), 'B0' || lpad(CAST(i AS VARCHAR), 8, '0'), 50, 60, 0.95, 'business_report', ${Number(logged?.id)}
      FROM range(${asins}) r(i)`);
    const t = performance.now();
    await freshRollup(db);
    const refresh = performance.now() - t;
    measured = { refresh, after: (await after?.()) as T };
    throw rolledBack;
  }).catch((e: unknown) => {
    if (e !== rolledBack) throw e;
  });
  if (!measured) throw new Error('the one-day import measured nothing');
  return measured;
}
