import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMetricScenario } from '../../test/scenarios/metric-scenario.ts';
import { setRollupMinRows } from '../metrics/rollup-refresh.ts';
import { Database } from '../store/database.ts';
import { answerQuery } from './answer-query.ts';
import { answerScopes, type Question } from './kpi-batch.ts';

/**
 * Questions asked together must each answer exactly what they answer alone: rows, their order and keys,
 * and problems with their counts. The metric scenario's A1 has a September Business Report row (a whole
 * month): a week or a day cuts it, and its rows are left out and counted for A1 only; A4 sells nothing and
 * A9 does not exist (a total of nothing is one row of nulls). Asked from the sources and from the rollup.
 */
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-batch-'));
  db = await Database.open(join(dir, 'scenario.duckdb'));
  await loadMetricScenario(db);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const metricSets = [['sales'], ['unit_session_pct', 'units_br', 'sessions'], ['acos', 'ad_spend', 'ad_sales']];
const periods = [{ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-09-27', to: '2026-10-03' }, { from: '2026-09-15', to: '2026-09-15' }];

function questions(period: { from: string; to: string }, by: string[]): Map<string, Question> {
  const asked = new Map<string, Question>();
  for (const metrics of metricSets) {
    for (const asin of ['A1', 'A2', 'A3', 'A4', 'a9']) {
      for (const marketplace of ['US', 'DE']) asked.set(JSON.stringify([metrics, asin, marketplace]), { ...period, store: 'default', marketplace, asin, by, metrics });
    }
    // the marketplace alone (no ASIN): a shape of its own
    for (const marketplace of ['US', 'de']) asked.set(JSON.stringify([metrics, marketplace]), { ...period, marketplace, by, metrics });
  }
  return asked;
}

describe('questions differing only in store, marketplace or ASIN, asked as one', () => {
  for (const [how, minRows] of [['from the sources', Infinity], ['from the rollup', 0]] as const) {
    test(`answer each as alone, ${how}: rows, order and problem counts`, async () => {
      setRollupMinRows(db, minRows);
      let compared = 0;
      let counted = 0;
      // every period as a total; the week by day too
      for (const period of periods) {
        for (const by of period.from === '2026-09-27' ? [[], ['date']] : [[]]) {
          const asked = questions(period, by);
          const together = await answerScopes(db, asked);
          for (const [key, question] of asked) {
            const alone = await answerQuery(db, question);
            expect(together.get(key), `${key} ${JSON.stringify(period)} by ${by.join(',')}`).toEqual({ rows: alone.rows, problems: alone.problems });
            compared++;
            counted += alone.problems.filter((p) => p.code === 'grain').length;
          }
        }
      }
      expect(compared).toBe((periods.length + 1) * metricSets.length * 12);
      // (the comparison must have met rows left out, counted per scope)
      expect(counted).toBeGreaterThan(0);
    }, 300_000);
  }

  test('A1 alone is told of its September row a week cuts; A2 in the same batch is not', async () => {
    setRollupMinRows(db, Infinity);
    const week = { from: '2026-09-27', to: '2026-10-03', by: [], metrics: ['sessions'], store: 'default', marketplace: 'US' };
    const answers = await answerScopes(db, new Map([['a1', { ...week, asin: 'A1' }], ['a2', { ...week, asin: 'A2' }]]));
    // A1's traffic in the week: Oct 1 100 + Oct 2 50 = 150; its Sep 1–30 row overlaps the week but does not fit it: 1 row left out
    expect(answers.get('a1')?.rows).toEqual([{ sessions: 150, sources: { sessions: ['business_report'] } }]);
    expect(answers.get('a1')?.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^1 row\(s\) of .* left out$/)]);
    // A2: Oct 1 200, nothing left out
    expect(answers.get('a2')).toEqual({ rows: [{ sessions: 200, sources: { sessions: ['business_report'] } }], problems: [] });
  });
});
