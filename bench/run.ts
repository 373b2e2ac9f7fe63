/**
 * `npm run bench`: speed measured against a baseline run in the same process tree, never asserted.
 *   import — a generated Sponsored Products search-term CSV (5 million unique rows, ~850 MB by default;
 *            `--rows N` for a quicker run), imported by Asterism and by DuckDB alone with the same cleaning.
 *   funnel — `asterism funnel --by asin` over 10,000 ASINs × 400 days (`--asins N`), beside a plain GROUP BY.
 *   startup — `asterism --help`, `query`, a review and `price suggest` from the shell, beside Node's own start-up
 *            and the former tsx start (bench/startup-case.ts).
 *   streaming — only with `--case streaming`: a ~1 GB file per large family (`--family NAME`, `--mb N`) imported
 *            in bounded memory, beside DuckDB's read_csv of the same file (bench/streaming-case.ts; `--no-baseline`: ours only).
 *   dashboard — the dashboard's API routes over the funnel case's 10,000 ASINs × 400 days, served by `asterism serve`
 *            in its own process: p50/p95 per route, warm, and the server's CPU per request (bench/dashboard-case.ts).
 *   load — 20 concurrent clients (`--clients N`) on the demo, a mix of the dashboard's read routes, then the same
 *            while a large search-term CSV imports: throughput and p50/p95/p99 (bench/load-case.ts).
 * `--case import|funnel|startup|streaming|dashboard|load` runs one of them.
 * Figures on this machine's anchors are in ../shared/STACK.md (DuckDB import into a table: 8.2 s for 733 MB).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dashboardCase } from './dashboard-case.ts';
import { funnelCase } from './funnel-case.ts';
import { loadCase } from './load-case.ts';
import { startupCase } from './startup-case.ts';
import { streamingCase } from './streaming-case.ts';
import { writeSearchTermCsv } from './search-term-csv.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--case');
const rows = Number(option('--rows')) || 5_000_000;
const dir = resolve('.bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `search-terms-${rows}.csv`);

if (only === undefined || only === 'startup') await startupCase(dir);
if (only === 'streaming') await streamingCase(dir, option('--family'), Number(option('--mb')) || 1024, !args.includes('--no-baseline'));
if (only === undefined || only === 'import') await importCase();
if (only === undefined || only === 'funnel') {
  const asins = Number(option('--asins')) || 10_000;
  await funnelCase(join(dir, `funnel-${asins}.duckdb`), asins, 400);
}
if (only === undefined || only === 'dashboard') {
  const asins = Number(option('--asins')) || 10_000;
  await dashboardCase(join(dir, `funnel-${asins}.duckdb`), asins, 400);
}
if (only === undefined || only === 'load') await loadCase(dir, Number(option('--clients')) || 20, Number(option('--import-rows')) || 1_000_000);

async function importCase(): Promise<void> {
  if (!existsSync(file)) {
    const t = performance.now();
    const { bytes } = await writeSearchTermCsv(file, rows);
    console.log(`generated ${file}: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const mb = statSync(file).size / 1e6;

  interface CaseResult { case: string; seconds: number; rows: number; maxRssMb: number }
  function runCase(which: 'baseline' | 'asterism'): CaseResult {
    const out = execFileSync(process.execPath, ['--import', 'tsx', resolve('bench/import-case.ts'), which, file, join(dir, `${which}.duckdb`)], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as CaseResult;
  }

  // median of three runs each, alternating, so neither side gets the warmer cache
  const runs: Record<string, CaseResult[]> = { baseline: [], asterism: [] };
  for (let i = 0; i < 3; i++) for (const which of ['baseline', 'asterism'] as const) runs[which]?.push(runCase(which));
  const median = (xs: CaseResult[]) => [...xs].sort((a, b) => a.seconds - b.seconds)[1] ?? xs[0];
  const base = median(runs.baseline ?? []);
  const ours = median(runs.asterism ?? []);
  if (!base || !ours) throw new Error('no results');
  console.log(`\nimport of a ${mb.toFixed(0)} MB search-term CSV (${ours.rows.toLocaleString('en-US')} rows), median of 3:`);
  console.log(`  DuckDB read_csv + cleaning into a table : ${base.seconds.toFixed(2)} s  ${(mb / base.seconds).toFixed(0)} MB/s  peak RSS ${base.maxRssMb} MB`);
  console.log(`  asterism import                         : ${ours.seconds.toFixed(2)} s  ${(mb / ours.seconds).toFixed(0)} MB/s  peak RSS ${ours.maxRssMb} MB`);
  console.log(`  ratio asterism / baseline               : ${(ours.seconds / base.seconds).toFixed(2)}×  (target ≤ 1.5×, peak RSS < 1024 MB)`);
}
