import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { importCoverageScenario, thisWeek } from '../scenarios/coverage-scenario.ts';

/** Comparisons against partial periods (issue 15, point 3) on the coverage scenario (test/scenarios/coverage-scenario.ts). */
let dir: string;
let api: LocalAsterism;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-coverage-'));
  api = await LocalAsterism.open(join(dir, 'coverage.duckdb'));
  await importCoverageScenario(api, join(dir, 'files'));
}, 120_000);
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('query --compare: a base covering fewer days is partial_base', () => {
  test('year over year: the same dates a year earlier hold no Business Report and 6 of 7 days of ads', async () => {
    const r = await api.query({ metrics: ['sales', 'sessions', 'ad_spend'], ...thisWeek, compare: 'yoy', by: ['marketplace'] });
    expect(r.compare).toMatchObject({ from: '2025-10-11', to: '2025-10-17' });
    const [us] = r.rows;
    // ad spend 7 × 10.00 = 70.00 against 6 × 10.00 = 60.00 (2025-10-12 … 10-17): +16.7%, one day short, not a change of the business
    expect(us).toMatchObject({ marketplace: 'US', sales: 700, ad_spend: 70, previous: { sales: null, ad_spend: 60 } });
    const noBusinessReport = { source: 'business_report', base_days: 0, base_period_days: 7, current_days: 7, current_period_days: 7 };
    const sixOfSeven = { source: 'ads', base_days: 6, base_period_days: 7, current_days: 7, current_period_days: 7 };
    expect(us?.partial_base).toEqual({ sales: noBusinessReport, sessions: noBusinessReport, ad_spend: sixOfSeven });
    expect(r.compare?.partial_base).toEqual({ sales: noBusinessReport, sessions: noBusinessReport, ad_spend: sixOfSeven });
    expect(r.compare?.coverage).toContainEqual(sixOfSeven);
  });

  test('a current period covering fewer days than its base is not flagged; nor are two whole weeks', async () => {
    // 2025-10-19 … 10-25 holds no data; its base 2025-10-12 … 10-18 holds 1 BR day and 7 ad days: the base is not the short side
    const r = await api.query({ metrics: ['sales'], from: '2025-10-19', to: '2025-10-25', compare: 'wow' });
    expect(r.compare?.partial_base).toEqual({});
    const w = await api.query({ metrics: ['sales'], ...thisWeek, compare: 'previous', marketplace: 'US' });
    expect(w.compare).toMatchObject({ from: '2026-10-04', to: '2026-10-10' });
    expect(w.compare?.partial_base).toEqual({});
  });

  test('week over week: both weeks are whole Business Report weeks, nothing is partial', async () => {
    const r = await api.query({ metrics: ['sales', 'sessions'], ...thisWeek, compare: 'wow' });
    // 700.00 against 560.00: +25%
    expect(r.rows[0]).toMatchObject({ sales: 700, previous: { sales: 560 }, change: { sales: 0.25 } });
    expect(r.rows[0]?.partial_base).toBeUndefined();
    expect(r.compare?.partial_base).toEqual({});
  });
});
