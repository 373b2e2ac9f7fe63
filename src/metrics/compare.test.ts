import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMetricScenario } from '../../test/scenarios/metric-scenario.ts';
import { Database } from '../store/database.ts';
import { changeOf } from './compare.ts';
import { runQuery } from './query.ts';

// The scenario is test/scenarios/metric-scenario.ts; every expected number is worked out by hand from it.
let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-compare-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  await loadMetricScenario(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the change against a compared period', () => {
  test.each([
    ['relative', 60.03, 100.10, -0.40029970], // (60.03 − 100.10) / 100.10
    ['difference', 0.06, 0.05, 0.01], // a ratio moves by points: 6% − 5%
    ['relative', 5, 0, null], // no base: unknown, not infinite
    ['relative', -50, -100, 0.5], // a loss halving is +50 %: (−50 − −100) / |−100|
    ['relative', -150, -100, -0.5], // a loss growing by half is −50 %: (−150 − −100) / |−100|
    ['relative', null, 5, null],
    ['difference', 0.05, null, null],
  ] as const)('%s %s vs %s → %s', (basis, current, previous, expected) => {
    expect(changeOf(current, previous, basis)).toBe(expected);
  });
});

describe('query --compare', () => {
  test('previous: 10-02 against 10-01, ratios from each day\'s own sums', async () => {
    const r = await runQuery(db, { metrics: ['sales', 'sessions', 'unit_session_pct'], asin: 'A1', from: '2026-10-02', to: '2026-10-02', compare: 'previous' });
    // both days have Business Report rows (and orders), so each covers its one day: nothing is partial
    const whole = { base_days: 1, base_period_days: 1, current_days: 1, current_period_days: 1 };
    expect(r.compare).toEqual({
      kind: 'previous', from: '2026-10-01', to: '2026-10-01', basis: { sales: 'relative', sessions: 'relative', unit_session_pct: 'difference' },
      coverage: [{ source: 'business_report+orders', ...whole }, { source: 'business_report', ...whole }], partial_base: {},
    });
    // A1 on 10-02: sales 60.03, sessions 50, units 3 → 3/50 = 0.06; on 10-01: 100.10, 100, 5/100 = 0.05
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      currency: 'USD', sales: 60.03, sessions: 50, unit_session_pct: 0.06,
      previous: { sales: 100.10, sessions: 100, unit_session_pct: 0.05 },
      // (60.03 − 100.10) / 100.10 = −0.4002997…; (50 − 100) / 100 = −0.5; 0.06 − 0.05 = +0.01
      change: { sales: -0.4002997, sessions: -0.5, unit_session_pct: 0.01 },
    });
  });

  test('by ASIN: each row meets its own ASIN in the compared period; a newcomer has no previous value', async () => {
    const r = await runQuery(db, { metrics: ['sessions'], by: ['asin'], marketplace: 'US', from: '2026-10-02', to: '2026-10-02', compare: 'previous' });
    const byAsin = Object.fromEntries(r.rows.map((row) => [String(row.asin), row]));
    // only A1 has traffic on 10-02 (50); its 10-01 value is 100 → −50%
    expect(byAsin.A1).toMatchObject({ sessions: 50, previous: { sessions: 100 }, change: { sessions: -0.5 } });
  });

  test('mom: October against September (the monthly Business Report fits the whole month)', async () => {
    const r = await runQuery(db, { metrics: ['sessions'], asin: 'A1', from: '2026-10-01', to: '2026-10-31', compare: 'mom' });
    // October 100 + 50 = 150; September 3,000 → (150 − 3000) / 3000 = −0.95
    expect(r.compare).toMatchObject({ from: '2026-09-01', to: '2026-09-30' });
    expect(r.rows[0]).toMatchObject({ sessions: 150, previous: { sessions: 3000 }, change: { sessions: -0.95 } });
  });

  test('refused by a time dimension, without dates, or with an unknown kind', async () => {
    await expect(runQuery(db, { metrics: ['sales'], by: ['week'], from: '2026-10-01', to: '2026-10-31', compare: 'wow' })).rejects.toThrow(/cannot be asked --by week/);
    await expect(runQuery(db, { metrics: ['sales'], compare: 'wow' })).rejects.toThrow(/needs --from and --to/);
    await expect(runQuery(db, { metrics: ['sales'], from: '2026-10-01', to: '2026-10-31', compare: 'qoq' })).rejects.toThrow(/expected one of/);
  });
});
