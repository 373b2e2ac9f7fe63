import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 27 on issue 4's funnel files (test/fixtures/funnel, the week of 2026-10-11, store "default", US): the
 * diagnosis ranks its findings by the sales each leak costs, in USD and, with `currency`, in CNY.
 */
const week = { from: '2026-10-11', to: '2026-10-17' };
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-at-stake-'));
  db = await Database.open(join(dir, 'stake.duckdb'));
  const f = (n: string) => resolve('test/fixtures/funnel', n);
  const imports: [string[], Record<string, string>][] = [
    [['products.csv', 'events.csv', 'reviews-us.csv', 'scp-2026-10.json'], { marketplace: 'US' }],
    [['br-week-2026-06-07.csv'], { marketplace: 'US', from: '2026-06-07', to: '2026-06-13' }],
    [['br-week-2026-10-04.csv'], { marketplace: 'US', from: '2026-10-04', to: '2026-10-10' }],
    [['br-week-2026-10-11.csv'], { marketplace: 'US', ...week }],
  ];
  for (const [files, options] of imports) {
    const { files: results } = await importFiles(db, files.map(f), options);
    expect(results.map((r) => r.status)).toEqual(files.map(() => 'imported'));
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('each finding carries the money at stake, and the findings are ranked by it, largest first', async () => {
  const { findings } = await runOperation(db, 'diagnose', week);
  // B0FUNNEL02, click: 30000 impressions, 90 clicks (0.3% < 0.8%, the first-month CTR); SCP purchases 9;
  //   average selling price 224.91 USD ÷ 9 units = 24.99 (Business Report);
  //   shortfall 30000 × 0.008 − 90 = 240 − 90 = 150 clicks; × 9 ÷ 90 = 15 purchases; × 24.99 = 374.85 USD
  // B0FUNNEL01, order: 160 clicks, 12 purchases (7.5% < 8%); price 349.86 ÷ 14 = 24.99;
  //   shortfall 160 × 0.08 − 12 = 12.8 − 12 = 0.8 purchases; × 24.99 = 19.992 → 19.99 USD
  expect(findings.map((f) => [f.scope.asin, f.stage, f.at_stake.amount, f.at_stake.currency, f.at_stake.lost_purchases])).toEqual([
    ['B0FUNNEL02', 'click', 374.85, 'USD', 15],
    ['B0FUNNEL01', 'order', 19.99, 'USD', 0.8],
  ]);
  expect(findings[0]?.at_stake).toMatchObject({ reason: null, reporting: null });
  expect(findings[1]?.at_stake.formula.zh).toBe('点击数 × (下单率下限 − 下单率) × 平均售价');
}, 60_000);

test('with a reporting currency: the converted amount at the rate in force on the period\'s last day, or null with the reason', async () => {
  const noRate = await runOperation(db, 'diagnose', { ...week, currency: 'cny' });
  expect(noRate.findings[0]?.at_stake.reporting).toMatchObject({ amount: null, currency: 'CNY', reason: { code: 'no_rate' } });
  expect(noRate.findings[0]?.at_stake.reporting?.reason?.zh).toMatch(/汇率/);
  // a rate after the period does not count; the one of 10-01 does
  await setFxRates(db, [{ date: '2026-10-01', base: 'USD', quote: 'CNY', rate: '7.1' }, { date: '2026-10-20', base: 'USD', quote: 'CNY', rate: '9' }]);
  const { findings } = await runOperation(db, 'diagnose', { ...week, currency: 'CNY' });
  // 374.85 × 7.1 = 2661.435 → 2661.44 CNY; 19.99 × 7.1 = 141.929 → 141.93 CNY
  expect(findings.map((f) => [f.scope.asin, f.at_stake.amount, f.at_stake.reporting?.amount, f.at_stake.reporting?.rate_date])).toEqual([
    ['B0FUNNEL02', 374.85, 2661.44, '2026-10-01'],
    ['B0FUNNEL01', 19.99, 141.93, '2026-10-01'],
  ]);
  await expect(runOperation(db, 'diagnose', { ...week, currency: 'dollars' })).rejects.toMatchObject({ code: 'bad_currency' });
}, 60_000);
