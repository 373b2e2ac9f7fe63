import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { importCoverageScenario, thisWeek } from '../scenarios/coverage-scenario.ts';

/**
 * Every terminal table shows what its JSON shows (issue 27): with `--compare`, the previous period's value and
 * the change beside each metric. The CLI runs on a real terminal (a pseudo-terminal from util-linux `script`),
 * where it prints tables, on the coverage scenario (test/scenarios/coverage-scenario.ts).
 */
const script = '/usr/bin/script';
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-compare-terminal-'));
  db = join(dir, 'coverage.duckdb');
  const api = await LocalAsterism.open(db);
  await importCoverageScenario(api, join(dir, 'files'));
  await api.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command's terminal output, as lines of cells (split on the table's two-space gaps). */
function onTerminal(args: string[]): string[][] {
  const command = [process.execPath, resolve('bin/asterism.js'), '--db', db, ...args].map((a) => `'${a}'`).join(' ');
  const out = execFileSync(script, ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ASTERISM_LANG: 'en' } });
  return out.replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/ {2,}/));
}

/** The table row whose first cell is `first`, read by the header row's column names. */
function rowOf(lines: string[][], header: string, first: string): Record<string, string> {
  const head = lines.find((l) => l[0] === header);
  const row = lines.find((l) => l[0] === first);
  expect(head, `header ${header}`).toBeDefined();
  expect(row, `row ${first}`).toBeDefined();
  return Object.fromEntries((head ?? []).map((h, i) => [h, row?.[i] ?? '']));
}

describe.skipIf(!existsSync(script) && process.env.CI !== 'true')('--compare on a terminal', () => {
  test('query: previous and change beside each metric, as in JSON', () => {
    const lines = onTerminal(['query', '--metric', 'sales,sessions,unit_session_pct', '--from', thisWeek.from, '--to', thisWeek.to, '--compare', 'wow']);
    expect(rowOf(lines, 'currency', 'USD')).toEqual({
      currency: 'USD',
      // 700.00 against 560.00 the week before: 700 / 560 − 1 = +25.0%
      'sales': '700.00', 'previous.sales': '560.00', 'change.sales': '+25.0%',
      // 700 sessions against 630: 700 / 630 − 1 = 0.1111 → +11.1%
      'sessions': '700', 'previous.sessions': '630', 'change.sessions': '+11.1%',
      // 35 / 700 = 0.05 against 28 / 630 = 0.044444: a rate changes by its difference, 0.005556 → +0.6 pp
      'unit_session_pct': '0.05', 'previous.unit_session_pct': '0.044444', 'change.unit_session_pct': '+0.6 pp',
    });
  });

  test('profit: each component\'s previous value (costs negative, as in the table) and its change', () => {
    const lines = onTerminal(['profit', '--by', 'asin', '--from', thisWeek.from, '--to', thisWeek.to, '--compare', 'yoy']);
    const row = rowOf(lines, 'asin', 'B0COVER001');
    // ad cost 7 days × 10.00 = 70.00 against 6 days × 10.00 = 60.00 a year earlier (2025-10-12 … 10-17): 70 / 60 − 1 = +16.7%
    expect(row).toMatchObject({ 'ad_cost': '-70.00', 'previous.ad_cost': '-60.00', 'change.ad_cost': '+16.7%' });
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['previous.net_profit', 'change.net_profit', 'previous.net_margin', 'change.net_margin']));
  });

  test('funnel: each stage in the previous period and its rate change, and the sales change decomposed', () => {
    const lines = onTerminal(['funnel', '--from', thisWeek.from, '--to', thisWeek.to, '--compare', 'wow']);
    const row = rowOf(lines, 'scope', 'US B0COVER001');
    // sales 700.00 against 560.00: +140.00, of which sessions (traffic) 66.11, conversion 73.89, price 0.00 (the JSON's Shapley parts)
    expect(row).toMatchObject({ 'sales_change': '140.00', 'sales_change.traffic': '66.11', 'sales_change.conversion': '73.89', 'sales_change.price': '0.00' });
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['previous.click', 'change.click', 'previous.order', 'change.order']));
  });

  test('without --compare the tables are as before', () => {
    const lines = onTerminal(['query', '--metric', 'sales', '--from', thisWeek.from, '--to', thisWeek.to]);
    expect(rowOf(lines, 'currency', 'USD')).toEqual({ currency: 'USD', sales: '700.00' });
  });
});
