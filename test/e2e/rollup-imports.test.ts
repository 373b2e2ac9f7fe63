import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { rollupMetricIds } from '../../src/metrics/rollup.ts';
import { runQuery } from '../../src/metrics/query.ts';
import type { QueryRequest } from '../../src/metrics/request.ts';
import { lastRollupRefresh, setRollupMinRows } from '../../src/metrics/rollup-refresh.ts';
import type { Database } from '../../src/store/database.ts';

/**
 * The ASIN rollup kept up to date by imports (src/metrics/rollup.test.ts checks it on fixed data):
 * real-format files imported one after another, each answer asked from the sources and from the
 * rollup, which must agree; the refresh after an import rewrites only that import's days.
 */
// every metric read only from facts the rollup may hold (metrics of other sources never touch it)
const metrics = rollupMetricIds();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-rollup-imports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sameBothWays(db: Database, request: QueryRequest): Promise<void> {
  setRollupMinRows(db, Infinity);
  const live = await runQuery(db, request);
  setRollupMinRows(db, 0);
  expect(await runQuery(db, request), JSON.stringify(request)).toEqual(live);
}

test('after each import only its days are rewritten, and the answers stay the sources\' (a restated week too)', async () => {
  const api = await LocalAsterism.open(join(dir, 'imports.duckdb'));
  setRollupMinRows(api.db, 0);
  const f = (n: string) => resolve('test/fixtures/funnel', n);
  const week = { from: '2026-10-11', to: '2026-10-17' };
  const restated = join(dir, 'br-week-2026-10-11-restated.csv');
  // the same week downloaded again later, with other numbers: it replaces the first file's rows
  writeFileSync(restated, readFileSync(f('br-week-2026-10-11.csv'), 'utf8').replace('MAT-GRY,500,', 'MAT-GRY,520,'));
  const steps: [string[], Record<string, string>, 'rebuilt' | 'imports'][] = [
    [[f('products.csv'), f('reviews-us.csv'), f('scp-2026-10.json')], { marketplace: 'US' }, 'rebuilt'],
    [[f('br-week-2026-10-04.csv')], { marketplace: 'US', from: '2026-10-04', to: '2026-10-10' }, 'rebuilt'], // a weekly report: sales leave the rollup
    [[f('br-week-2026-10-11.csv')], { marketplace: 'US', ...week }, 'imports'],
    [[f('solo-br-week-2026-10-11.csv'), f('solo-sp-advertised-product.csv')], { store: 'solo', marketplace: 'US', ...week }, 'imports'],
    [[restated], { store: 'default', marketplace: 'US', ...week }, 'imports'], // two stores now: it names its own (issue 27)
  ];
  for (const [files, options, refresh] of steps) {
    const { files: results } = await api.importFiles(files, options);
    expect(results.map((r) => r.status)).toEqual(files.map(() => 'imported'));
    // the import itself brought the rollup up to date (LocalAsterism.importFiles), by its days or whole
    expect(lastRollupRefresh(api.db)).toBe(refresh);
    for (const by of [['marketplace', 'asin'], ['asin', 'date'], ['store', 'week'], []]) {
      for (const period of [{}, week, { from: '2026-10-04', to: '2026-10-31' }]) {
        for (const filter of [{}, { store: 'solo' }]) await sameBothWays(api.db, { metrics, by, ...period, ...filter });
      }
    }
  }
  await api.close();
}, 120_000);
