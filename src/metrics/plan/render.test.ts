import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Database } from '../../store/database.ts';
import { duckdb } from '../../store/dialect.ts';
import { renderPlan } from '../compiler.ts';
import { validateRequest } from '../request.ts';
import { columnName } from './columns.ts';
import { planQuery } from './plan.ts';

/**
 * The DuckDB renderer: a plan, its SQL printed, and the SQL run. Traffic of two ASINs: A1 by day
 * (2026-10-01: 10 sessions, 20 page views, Buy Box 90 %; 2026-10-02: 5, 10, 60 %), A2 as one row for
 * the whole of October (100 sessions), which cannot answer two days of it.
 */
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-render-'));
  db = await Database.open(join(dir, 'render.duckdb'));
  await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, asin, sessions, page_views, buy_box_pct, source, import_id) VALUES
    ('s', 'US', DATE '2026-10-01', DATE '2026-10-01', 'A1', 10, 20, 0.9, 'business_report', 1),
    ('s', 'US', DATE '2026-10-02', DATE '2026-10-02', 'A1', 5, 10, 0.6, 'business_report', 1),
    ('s', 'US', DATE '2026-10-01', DATE '2026-10-31', 'A2', 100, 300, 0.5, 'business_report', 1)`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a plan of sessions and Buy Box % by ASIN over two days: one live source, typed columns, SQL that answers', async () => {
  const plan = planQuery(validateRequest({ metrics: ['sessions', 'buy_box_pct'], by: ['asin'], from: '2026-10-01', to: '2026-10-02' }));
  expect(plan.sources.map((s) => s.kind)).toEqual(['fact']);
  expect(plan.sources[0]?.columns).toEqual([
    { kind: 'measure', measure: 'sessions', part: 'value' },
    { kind: 'measure', measure: 'buy_box', part: 'numerator' },
    { kind: 'measure', measure: 'buy_box', part: 'denominator' },
    { kind: 'unfit_rows', fact: 'traffic' },
    { kind: 'fitting_rows', source: 'traffic' },
    { kind: 'source_rows', fact: 'traffic', index: 0 },
    { kind: 'source_rows', fact: 'traffic', index: 1 },
  ]);
  expect(plan.metrics).toEqual([
    { id: 'sessions', expr: { kind: 'column', column: { kind: 'measure', measure: 'sessions', part: 'value' } } },
    { id: 'buy_box_pct', expr: { kind: 'weighted', measure: 'buy_box' } },
  ]);

  const compiled = renderPlan(plan, duckdb);
  console.log(`-- the plan's SQL (parameters ${JSON.stringify(compiled.params)}):\n${compiled.sql}`);
  // the fit rule, once: inside the period (a bound parameter), no grain to straddle
  expect(compiled.sql).toContain('(f.date_from >= $1::DATE AND f.date_to <= $2::DATE) AS x_fits');
  expect(compiled.sql).toContain('SUM(CASE WHEN x_fits AND v_buy_box IS NOT NULL THEN (v_buy_box) * w_buy_box END) AS m_buy_box_num');
  expect(compiled.params).toEqual(['2026-10-01', '2026-10-02', 'business_report', 'sales_traffic_api']);

  const rows = await db.all(compiled.sql, compiled.params);
  // A1: 10 + 5 = 15 sessions; Buy Box (0.9 × 20 + 0.6 × 10) / (20 + 10) = 24 / 30 = 0.8.
  // A2's month row does not fit two days: left out (no row), and counted once over the answer.
  expect(rows.map((r) => ({ asin: r.asin, sessions: r.sessions, buy_box_pct: r.buy_box_pct }))).toEqual([{ asin: 'A1', sessions: 15, buy_box_pct: 0.8 }]);
  expect(rows[0]?.[columnName({ kind: 'unfit_rows', fact: 'traffic' })]).toBe(1);
});

test('the rollup is one more source the planner chooses: several facts it holds are read from it at once', () => {
  const request = validateRequest({ metrics: ['sessions', 'impressions'], by: ['asin'], from: '2026-10-04', to: '2026-10-31' });
  expect(planQuery(request).sources.map((s) => s.kind)).toEqual(['fact', 'fact']);
  const plan = planQuery(request, new Set(['traffic', 'search_funnel']));
  expect(plan.sources.map((s) => s.kind)).toEqual(['rollup']);
  const rollup = plan.sources[0];
  expect(rollup?.kind === 'rollup' && rollup.unfitColumns).toEqual([{ kind: 'unfit_rows', fact: 'traffic' }, { kind: 'unfit_rows', fact: 'search_funnel' }]);
  // asked by parent ASIN, which the rollup does not keep: each fact from its own table again
  expect(planQuery(validateRequest({ ...request, by: ['parent_asin'] }), new Set(['traffic', 'search_funnel'])).sources.map((s) => s.kind)).toEqual(['fact', 'fact']);
});
