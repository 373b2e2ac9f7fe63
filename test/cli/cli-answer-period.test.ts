import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCoverageScenario } from '../scenarios/coverage-scenario.ts';
import { runCli } from './run-cli.ts';

/**
 * Issue 15: the terminal says which dates an answer without --from/--to covers, and why a diagnosis found
 * nothing (coverage scenario, test/scenarios/coverage-scenario.ts: Business Reports for 2025-10-18 and the
 * Amazon weeks 2026-10-04 … 10-10 and 10-11 … 10-17; SP ads every day of 2025-10-12 … 10-18 and 2026-10-11 … 10-17).
 */
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-period-'));
  db = join(dir, 'p.duckdb');
  for (const [paths, options] of writeCoverageScenario(join(dir, 'files'))) {
    const r = await runCli(['--db', db, 'import', ...paths, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v])]);
    expect(r.code).toBe(0);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('query without dates: all dates, the first and last day of the reports its metric reads (en, zh, JSON)', async () => {
  const sales = await runCli(['--db', db, 'query', '--metric', 'sales', '--csv', '--lang', 'en']);
  expect(sales.code).toBe(0);
  // 700.00 + 560.00 + 40.00 = 1300.00, from the Business Reports of 2025-10-18 … 2026-10-17
  expect(sales.stdout).toContain('1300');
  expect(sales.stderr).toContain('period: all dates: 2025-10-18 – 2026-10-17 (no --from/--to given)');
  // ad spend reads the ads reports: 2025-10-12 … 2026-10-17
  const spend = await runCli(['--db', db, 'query', '--metric', 'ad_spend', '--csv', '--lang', 'zh']);
  expect(spend.stderr).toContain('period: 全部日期：2025-10-12 – 2026-10-17（未指定 --from/--to）');
  const json = JSON.parse((await runCli(['--db', db, 'query', '--metric', 'ad_spend', '--json'])).stdout) as { rows: { ad_spend: number }[]; period: unknown };
  // 14 days × 10.00
  expect(json.rows[0]?.ad_spend).toBe(140);
  expect(json.period).toMatchObject({ from: '2025-10-12', to: '2026-10-17', basis: 'all_dates' });
}, 60_000);

test('diagnose with nothing to find says why, in both languages (piped: JSON)', async () => {
  const r = await runCli(['--db', db, 'diagnose', '--from', '2027-01-03', '--to', '2027-01-09']);
  expect(r.code).toBe(0);
  const answer = JSON.parse(r.stdout) as { findings: unknown[]; no_findings: { reason: string; en: string; zh: string }; period: unknown };
  expect(answer.findings).toEqual([]);
  expect(answer.no_findings).toMatchObject({
    reason: 'no_funnels',
    en: 'no findings: no data in 2027-01-03 – 2027-01-09: the nearest data ends 2026-10-17 (the data covers 2025-10-18 – 2026-10-17)',
    zh: '没有诊断结果：2027-01-03 – 2027-01-09 没有数据：最近的数据截至 2026-10-17（数据范围 2025-10-18 – 2026-10-17）',
  });
  expect(answer.period).toEqual({ from: '2027-01-03', to: '2027-01-09', basis: 'given', note: null });
}, 60_000);
