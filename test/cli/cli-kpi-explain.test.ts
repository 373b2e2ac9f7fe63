import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/index.ts';
import { Database } from '../../src/store/database.ts';
import { kpiExplainDir, kpiExplainImports } from '../scenarios/kpi-explain-scenario.ts';
import { runCli } from './run-cli.ts';

/** `kpi explain`, `kpi status --explain`, the ISO-week reason, `kpi unlock` and `kpi history` through the binary. */
let dir: string;
let db: string;
const cli = async (args: string[], env: Record<string, string> = {}) => {
  const r = await runCli([...args, '--db', db], env);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-kpi-explain-'));
  db = join(dir, 'kpi.duckdb');
  const opened = await Database.open(db);
  for (const [files, options] of kpiExplainImports) await importFiles(opened, files.map((f) => join(kpiExplainDir, f)), options);
  opened.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('kpi explain --json: the sales gap in parts that add up, stock-outs, ads vs organic', async () => {
  const answer = JSON.parse(await cli(['kpi', 'explain', '--period', '2026-10', '--kpi', 'sales', '--json']));
  expect(answer.explanations.map((x: { kpi: string }) => x.kpi)).toEqual(['sales']);
  const [sales] = answer.explanations;
  expect(sales.text.en[0]).toBe('Sales (ordered product sales) 1,472.00 USD against 2,000.00 USD: −528.00 (attainment 73.6%)');
  // 1472.00 − 1750.00 = −278.00 = 104.28 − 359.06 − 23.22 (src/app/kpi-explain.test.ts has the arithmetic)
  expect(sales.sales.vs_previous).toMatchObject({ total: -278, traffic: 104.28, conversion: -359.06, price: -23.22 });
  expect(sales.gap).toEqual({ vs_target: -528, vs_previous: -278 });
  // 320.00 × 4 / 27 = 47.41
  expect(sales.stockouts).toMatchObject({ days: 4, lost_sales: 47.41, estimate: true });
  expect(sales.ads_vs_organic.change).toMatchObject({ ads: 100, organic: -378 });
});

test('kpi status --explain adds an explanation to rows behind; an ISO week says why CTR has no actual', async () => {
  const status = JSON.parse(await cli(['kpi', 'status', '--period', '2026-10', '--explain', '--json']));
  expect(status.rows.map((r: { kpi: string; explanation: { gap: { vs_target: number } } | null }) => [r.kpi, r.explanation?.gap.vs_target])).toEqual([['ctr', -0.001333], ['sales', -528]]);
  const week = JSON.parse(await cli(['kpi', 'status', '--period', '2026-W42', '--json']));
  expect(week.rows[0]).toMatchObject({ kpi: 'ctr', actual: null, status: 'no_data', no_data_reason: { code: 'amazon_weeks' } });
});

test('lock, unlock with a reason, re-import, re-lock: the history shows both versions and what changed', async () => {
  await cli(['kpi', 'lock', '--period', '2026-10', '--json'], { ASTERISM_USER: 'manager-zhang' });
  const refused = await runCli(['kpi', 'unlock', '--period', '2026-10', '--reason', '', '--db', db]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^asterism: .*reason/);
  // Amazon restates October: the blue mat sold 340.00, not 320.00
  const restated = join(dir, 'br-2026-10-restated.csv');
  writeFileSync(restated, readFileSync(join(kpiExplainDir, 'br-2026-10.csv'), 'utf8').replace('"$320.00"', '"$340.00"'));
  await cli(['import', restated, '--marketplace', 'US', '--from', '2026-10-01', '--to', '2026-10-31', '--json']);
  const locked = JSON.parse(await cli(['kpi', 'status', '--period', '2026-10', '--json']));
  expect(locked).toMatchObject({ locked: true, version: 1, locked_by: 'manager-zhang', restated: true });
  const unlocked = JSON.parse(await cli(['kpi', 'unlock', '--period', '2026-10', '--reason', 'Amazon restated October', '--user', 'boss-li', '--json']));
  expect(unlocked).toMatchObject({ version: 1, unlocked_by: 'boss-li', reason: 'Amazon restated October' });
  expect(unlocked.restated_by.map((i: { file: string }) => i.file)).toEqual(['br-2026-10-restated.csv']);
  await cli(['kpi', 'lock', '--period', '2026-10', '--user', 'boss-li', '--json']);
  const history = JSON.parse(await cli(['kpi', 'history', '--period', '2026-10', '--json']));
  expect(history.events.map((e: { action: string; version: number; user: string; reason: string | null }) => [e.action, e.version, e.user, e.reason])).toEqual([
    ['lock', 1, 'manager-zhang', null], ['unlock', 1, 'boss-li', 'Amazon restated October'], ['lock', 2, 'boss-li', null],
  ]);
  // sales 1152.00 + 340.00 = 1492.00 / 2000 = 0.746 (was 1472.00, 0.736); still behind. CTR comes from SCP: unchanged
  expect(history.changes).toEqual([{ from_version: 1, to_version: 2, rows: [{
    kpi: 'sales', scope: { marketplace: 'US' }, owner: 'li', role: 'operator', change: 'changed', fields: ['actual', 'attainment'],
    before: { target: 2000, actual: 1472, attainment: 0.736, status: 'behind' }, after: { target: 2000, actual: 1492, attainment: 0.746, status: 'behind' },
  }] }]);
  expect(history).toMatchObject({ locked: true, version: 2, restated: false });
});
