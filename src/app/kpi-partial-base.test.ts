import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCoverageScenario } from '../../test/scenarios/coverage-scenario.ts';
import { kpiRowWhy } from '../domain/partial-base.ts';
import { LocalAsterism } from './local.ts';

/**
 * Issue 15.3 on KPI answers: a target is judged against the last comparable period (the history guard) and
 * explained against it; where that period's data covers fewer of its days, it is a partial base, said so and
 * not compared. Coverage scenario (test/scenarios/coverage-scenario.ts): US, B0COVER001; Business Report weeks
 * 2026-10-04 … 10-10 and 10-11 … 10-17 (700 sessions, 35 units, 700.00) and one day a year earlier, 2025-10-18
 * (40.00); SP ads every day of 2025-10-12 … 10-18 and 2026-10-11 … 10-17 (spend 10.00 a day).
 * Special periods "Fall 2026" (2026-10-11 … 10-17) and "Fall 2025" (2025-10-12 … 10-18, its last comparable period).
 */
let dir: string;
let api: LocalAsterism;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-partial-'));
  api = await LocalAsterism.open(join(dir, 'kpi.duckdb'));
  await importCoverageScenario(api, join(dir, 'files'));
  await api.run('kpi_periods_set', { name: 'Fall 2026', from: '2026-10-11', to: '2026-10-17' });
  await api.run('kpi_periods_set', { name: 'Fall 2025', from: '2025-10-12', to: '2025-10-18' });
  await api.run('kpi_targets_set', { kpi: 'sales', period: 'Fall 2026', marketplace: 'US', target: 700 });
  await api.run('kpi_targets_set', { kpi: 'ad_spend', period: 'Fall 2026', marketplace: 'US', target: 200 });
}, 120_000);
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const oneOfSeven = { source: 'business_report', base_days: 1, base_period_days: 7, current_days: 7, current_period_days: 7 };

test('kpi status: a last period with 1 of 7 days of Business Report is no history for the sales target', async () => {
  const answer = await api.run('kpi_status', { period: 'Fall 2026', as_of: '2026-10-17' });
  const sales = answer.rows.find((r) => r.kpi === 'sales');
  // 700.00 against a target of 700: attained; its base week a year earlier holds one Business Report day (2025-10-18)
  expect(sales).toMatchObject({ actual: 700, attainment: 1, partial_base: oneOfSeven });
  // Fall 2025 had 40.00 of sales on its one day: 700 / 40 = 17.5× would have read as a target out of reach
  expect(answer.findings.filter((f) => f.guard === 'target_vs_history' && f.kpis.includes('sales'))).toEqual([]);
  // the "why" column of the CLI, the dashboard and the review's KPI table
  expect(sales && kpiRowWhy(sales, 'en')).toBe('last comparable period: partial base: covers 1 of 7 days (Business Report), not compared with the target');
  expect(sales && kpiRowWhy(sales, 'zh')).toBe('上一可比周期基期数据不全：仅覆盖 7 天中的 1 天（业务报告），不与目标比较');
  // ad spend: 7 of 7 days both years (70.00 then), a whole base: no partial_base, and its guard still speaks
  // (a target of 200 is 200 / 70 = 2.86× last year's, above the 2× bound)
  const spend = answer.rows.find((r) => r.kpi === 'ad_spend');
  expect(spend).toMatchObject({ actual: 70 });
  expect(spend?.partial_base).toBeUndefined();
  expect(answer.findings.filter((f) => f.guard === 'target_vs_history').map((f) => [f.kpis, f.evidence.history])).toEqual([[['ad_spend'], 70]]);
});

test('kpi explain: the comparison with a partial base says so, in zh and en', async () => {
  const answer = await api.run('kpi_explain', { period: 'Fall 2026', as_of: '2026-10-17', kpi: 'sales' });
  const [x] = answer.explanations;
  expect(x?.compared_to).toMatchObject({ from: '2025-10-12', to: '2025-10-18' });
  expect(x?.partial_base).toEqual(oneOfSeven);
  expect(x?.text.en.at(-1)).toBe('compared period 2025-10-12 – 2025-10-18: partial base: covers 1 of 7 days (Business Report)');
  expect(x?.text.zh.at(-1)).toBe('对比期 2025-10-12 – 2025-10-18：基期数据不全：仅覆盖 7 天中的 1 天（业务报告）');
  const spend = await api.run('kpi_explain', { period: 'Fall 2026', as_of: '2026-10-17', kpi: 'ad_spend' });
  expect(spend.explanations[0]?.partial_base).toBeNull();
});
