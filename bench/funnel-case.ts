/**
 * Funnel benchmark (issue 4): `asterism funnel --by asin` over ASINs × days of data, query time per
 * call (median of 5, warm), beside a plain DuckDB GROUP BY of the same table in the same process.
 */
import { existsSync } from 'node:fs';
import { funnelRows } from '../src/app/funnel.ts';
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
    let rows = 0;
    const funnel = await time(async () => { rows = (await funnelRows(db, { ...period, by: ['asin'] })).rows.length; });
    console.log(`\nfunnel --by asin, ${period.from}..${period.to}, over ${Number(counts?.traffic).toLocaleString('en-US')} traffic rows, ${Number(counts?.search).toLocaleString('en-US')} search-funnel rows, ${Number(counts?.ads).toLocaleString('en-US')} ads rows (median of 5, warm):`);
    console.log(`  plain GROUP BY of traffic by ASIN : ${baseline.toFixed(0)} ms`);
    console.log(`  asterism funnel (${rows.toLocaleString('en-US')} funnels)  : ${funnel.toFixed(0)} ms  (${(funnel / baseline).toFixed(1)}× the plain GROUP BY; target < 100 ms)`);
  } finally {
    db.close();
  }
}
