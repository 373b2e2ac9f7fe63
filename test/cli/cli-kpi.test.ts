import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/store/database.ts';
import { loadMetricScenario } from '../scenarios/metric-scenario.ts';
import { runCli } from './run-cli.ts';

/** `asterism kpi targets import`, `kpi status`, `kpi lock` as the CLI contract says, on the metric scenario. */
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-'));
  db = join(dir, 'kpi.duckdb');
  const opened = await Database.open(db);
  await loadMetricScenario(opened);
  opened.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('targets import, status with attainment and a guard, then lock', async () => {
  const targets = join(dir, 'targets.csv');
  writeFileSync(targets, 'kpi,period,target,marketplace,role\r\nsales,2026-10,500,US,operator\r\n');
  const imported = await runCli(['kpi', 'targets', 'import', targets, '--json', '--db', db]);
  expect(JSON.parse(imported.stdout).files[0]).toMatchObject({ type: 'master_targets', status: 'imported', rows: 1 });
  const status = await runCli(['kpi', 'status', '--period', '2026-10', '--json', '--db', db]);
  const answer = JSON.parse(status.stdout);
  // US sales in October: 485.09 (test/scenarios/metric-scenario.ts); 485.09 / 500 = 0.9702; the month is over: expected 1
  expect(answer.rows).toMatchObject([{ kpi: 'sales', period: '2026-10', scope: { marketplace: 'US' }, role: 'operator', target: 500, actual: 485.09, attainment: 0.9702, expected_to_date: 1, status: 'on_track', locked: false }]);
  // a result KPI without a process KPI for the same scope
  expect(answer.findings.map((f: { guard: string }) => f.guard)).toContain('result_without_process');
  const locked = await runCli(['kpi', 'lock', '--period', '2026-10', '--json', '--db', db]);
  expect(JSON.parse(locked.stdout)).toMatchObject({ locked: true });
  const after = JSON.parse((await runCli(['kpi', 'status', '--period', '2026-10', '--json', '--db', db])).stdout);
  expect(after.rows[0]).toMatchObject({ actual: 485.09, locked: true });
  const wrong = await runCli(['kpi', 'status', '--period', '2026-13', '--db', db]);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/^asterism: .*2026-13/);
});

test('targets set from the CLI, answered with the guards; listed, and removed', async () => {
  const set = await runCli(['kpi', 'targets', 'set', '--kpi', 'ctr', '--period', '2026-11', '--target', '0.008', '--marketplace', 'US', '--role', '运营', '--lang', 'en', '--db', db]);
  expect(set.stderr).toBe('');
  // piped: JSON. A process KPI alone raises no "result without process" guard
  const ctr = JSON.parse(set.stdout);
  expect(ctr.target).toMatchObject({ kpi: 'ctr', period: '2026-11', target: 0.008, role: 'operator' });
  expect(ctr.findings.map((f: { guard: string }) => f.guard)).not.toContain('result_without_process');
  const sales = JSON.parse((await runCli(['kpi', 'targets', 'set', '--kpi', 'sales', '--period', '2026-11', '--target', '600', '--marketplace', 'DE', '--json', '--db', db])).stdout);
  // DE has a result KPI and no process KPI (the CTR target is for US): the guard fires where the target is set
  expect(sales.target).toMatchObject({ kpi: 'sales', period: '2026-11', target: 600, marketplace: 'DE', import_id: null });
  expect(sales.findings.map((f: { guard: string }) => f.guard)).toContain('result_without_process');
  const listed = JSON.parse((await runCli(['kpi', 'targets', 'list', '--period', '2026-11', '--json', '--db', db])).stdout);
  expect(listed.targets.map((t: { kpi: string; role: string | null }) => [t.kpi, t.role])).toEqual([['ctr', 'operator'], ['sales', null]]);
  const removed = await runCli(['kpi', 'targets', 'remove', '--kpi', 'sales', '--period', '2026-11', '--marketplace', 'DE', '--db', db]);
  expect(JSON.parse(removed.stdout)).toEqual({ removed: 1 });
});
