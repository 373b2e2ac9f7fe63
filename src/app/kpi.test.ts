import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { setSpecialPeriod } from '../store/special-periods.ts';
import { kpiLock, kpiStatus, type KpiStatusAnswer } from './kpi.ts';
import { kpiHistory, kpiUnlock } from './kpi-history.ts';
import { runOperation } from './operations.ts';

/**
 * A real DuckDB file fed through the importers: products (li owns the two bath mats, wang the towel;
 * product lines Bath and Towels), Business Reports by child item for August, 1–12 September, the whole
 * of September and a restated September, and a targets file for 2026-09.
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const item = (child: string, title: string, sku: string, sessions: number, units: number, sales: string) =>
  `B0KPIPAR00,${child},${title},${sku},${sessions},0,10.00%,0.00%,${sessions},0,10.00%,0.00%,100.00%,0.00%,${units},0,1.00%,0.00%,"${sales}",$0.00,${units},0`;
/** sessions, units, sales per SKU: grey mat, blue mat, towel */
const businessReport = (grey: [number, number, string], blue: [number, number, string], towel: [number, number, string]) => `\ufeff${header}
${item('B0KPIMAT01', 'Bath mat grey', 'MAT-GRY', ...grey)}
${item('B0KPIMAT02', 'Bath mat blue', 'MAT-BLU', ...blue)}
${item('B0KPITWL01', 'Towel white', 'TWL-WHT', ...towel)}
`;

const files = {
  'products.csv': `sku,asin,product_code,product_name,owner,product_line,effective_from
MAT-GRY,B0KPIMAT01,MAT,Bath mat grey,li,Bath,2025-01-01
MAT-BLU,B0KPIMAT02,MAT,Bath mat blue,li,Bath,2025-01-01
TWL-WHT,B0KPITWL01,TWL,Towel white,wang,Towels,2025-01-01
`,
  'br-2026-08.csv': businessReport([1000, 40, '$1,000.00'], [500, 20, '$500.00'], [800, 30, '$600.00']),
  'br-2026-09-01-12.csv': businessReport([400, 16, '$400.00'], [200, 8, '$200.00'], [300, 9, '$180.00']),
  'br-2026-09.csv': businessReport([1000, 45, '$1,125.00'], [500, 20, '$500.00'], [800, 30, '$600.00']),
  'br-2026-09-restated.csv': businessReport([1000, 50, '$1,250.00'], [500, 20, '$500.00'], [800, 30, '$600.00']),
  'targets.csv': `kpi,period,target,marketplace,product_line,owner,role,weight,priority
sales,2026-09,1500,,,li,operator,2,
unit_session_pct,2026-09,0.05,,,li,operator,1,
sales,2026-09,1500,,,wang,operator,,
late_shipment_rate,2026-09,0.02,,,wang,operator,,
sales,2026-09,1800,US,Bath,,manager,,
`,
};

let dir: string;
let db: Database;
const load = async (name: keyof typeof files, from?: string, to?: string) => {
  const { files: [result] } = await importFiles(db, [join(dir, name)], { marketplace: 'US', ...(from && to ? { from, to } : {}) });
  expect(result?.status, result?.error ?? '').toBe('imported');
};
const row = (answer: KpiStatusAnswer, kpi: string, who: string | null) =>
  answer.rows.find((r) => r.kpi === kpi && (r.owner ?? r.scope.product_line ?? null) === who);
const brief = (answer: KpiStatusAnswer, kpi: string, who: string) => {
  const r = row(answer, kpi, who);
  return r && [r.actual, r.attainment, r.expected_to_date, r.status];
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  db = await Database.open(join(dir, 'kpi.duckdb'));
  await load('products.csv');
  await load('targets.csv');
  await load('br-2026-08.csv', '2026-08-01', '2026-08-31');
  await load('br-2026-09-01-12.csv', '2026-09-01', '2026-09-12');
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an open period, 12 of 30 days in', () => {
  let answer: KpiStatusAnswer;
  beforeAll(async () => { answer = await kpiStatus(db, { period: '2026-09' }); });

  test('paces against the last day the data covers: 12 September, 12 / 30 = 0.4 of the month', () => {
    expect(answer.as_of).toBe('2026-09-12');
    expect(answer.period).toMatchObject({ label: '2026-09', from: '2026-09-01', to: '2026-09-30' });
  });

  test('the cli.md row shape; a target scoped only by its owner sums the owner\'s products', () => {
    // li owns both mats: 400.00 + 200.00 = 600.00 of 1500 → 0.4, exactly the pace 0.4 → on track
    expect(row(answer, 'sales', 'li')).toMatchObject({
      kpi: 'sales', period: '2026-09', scope: {}, owner: 'li', role: 'operator',
      target: 1500, actual: 600, attainment: 0.4, expected_to_date: 0.4, status: 'on_track', locked: false, currency: 'USD',
    });
  });

  test('attainment and status, worked out by hand', () => {
    // unit session % is a rate, judged flat: (16 + 8) / (400 + 200) = 0.04; 0.04 / 0.05 = 0.8 < 0.95 → behind
    expect(brief(answer, 'unit_session_pct', 'li')).toEqual([0.04, 0.8, 1, 'behind']);
    // wang's towel: 180 / 1500 = 0.12; 0.12 / 0.4 = 0.3 of the pace → behind
    expect(brief(answer, 'sales', 'wang')).toEqual([180, 0.12, 0.4, 'behind']);
    // the Bath line (both mats, no owner): 600 / 1800 = 0.3333; 0.3333 / 0.4 = 0.83 → behind
    expect(brief(answer, 'sales', 'Bath')).toEqual([600, 0.3333, 0.4, 'behind']);
    // no late-shipment data in a Business Report, and the row says which reports it reads
    expect(brief(answer, 'late_shipment_rate', 'wang')).toEqual([null, null, 1, 'no_data']);
    expect(row(answer, 'late_shipment_rate', 'wang')?.no_data_reason?.code).toBe('no_rows');
  });

  test('weighted scorecards per person and role', () => {
    // li: (2 × 0.4 + 1 × 0.8) / 3 = 1.6 / 3 = 0.5333. wang: no weights (1 each), late shipments no data: 0.12, coverage 1 / 2
    expect(answer.scorecards.people).toEqual([
      { name: 'li', score: 0.5333, kpis: 2, no_data: 0, coverage: 1 },
      { name: 'wang', score: 0.12, kpis: 2, no_data: 1, coverage: 0.5 },
    ]);
    // operator: li's weights 2 and 1, wang's missing ones the mean 1.5 each:
    // (2 × 0.4 + 1 × 0.8 + 1.5 × 0.12) / (2 + 1 + 1.5) = 1.78 / 4.5 = 0.3956; coverage 4.5 / 6 = 0.75
    expect(answer.scorecards.roles).toEqual([
      { name: 'manager', score: 0.3333, kpis: 1, no_data: 0, coverage: 1 },
      { name: 'operator', score: 0.3956, kpis: 4, no_data: 1, coverage: 0.75 },
    ]);
  });

  test('guards: a lone result KPI, a KPI the role cannot move, a target far above history', () => {
    const fired = answer.findings.map((f) => [f.guard, f.kpis.join('+'), f.owner ?? f.scope.product_line]);
    expect(fired).toEqual(expect.arrayContaining([
      ['result_without_process', 'sales', 'Bath'],
      ['role_cannot_move', 'late_shipment_rate', 'wang'],
      // wang's August: 600.00 over 31 days, scaled to September's 30: 580.65; 1500 / 580.65 = 2.58
      ['target_vs_history', 'sales', 'wang'],
    ]));
    // li's 1500 against August's 1500.00 × 30 / 31 = 1451.61 (1.03×) is fine; li has a process KPI
    expect(fired).toHaveLength(3);
  });

  test('seasonal pacing follows last September\'s days', async () => {
    // last year the grey mat sold 10.00 a day on 1–12 September and 40.00 a day after: 120 of 840 by the 12th
    await db.run(`INSERT INTO br_sales (store, marketplace, date_from, date_to, asin, sku, units, order_items, sales, currency, source, import_id)
      SELECT 'default', 'US', d, d, 'B0KPIMAT01', 'MAT-GRY', 1, 1, CASE WHEN day(d) <= 12 THEN 10 ELSE 40 END, 'USD', 'test', 0
      FROM range(DATE '2025-09-01', DATE '2025-10-01', INTERVAL 1 DAY) t(d)`);
    const seasonal = await kpiStatus(db, { period: '2026-09', pacing: 'seasonal' });
    // li: 120 / 840 = 0.142857 → 0.1429 expected; 0.4 / 0.1429 = 2.8 → ahead
    expect(row(seasonal, 'sales', 'li')).toMatchObject({ expected_to_date: 0.1429, pacing: 'seasonal', status: 'ahead' });
    // the towel sold nothing by day last year: linear, 0.4
    expect(row(seasonal, 'sales', 'wang')).toMatchObject({ expected_to_date: 0.4, pacing: 'linear' });
    await db.run("DELETE FROM br_sales WHERE source = 'test'");
  });

  test('one person\'s KPIs', async () => {
    const li = await kpiStatus(db, { period: '2026-09', owner: 'li' });
    expect(li.rows.map((r) => r.kpi)).toEqual(['sales', 'unit_session_pct']);
    expect(li.scorecards.people.map((c) => c.name)).toEqual(['li']);
  });
});

describe('special periods', () => {
  test('a named period answers from its own dates', async () => {
    await setSpecialPeriod(db, { name: 'Back to school 2026', from: '2026-08-01', to: '2026-09-12' });
    const answer = await kpiStatus(db, { period: 'back to school 2026', asOf: '2026-08-22' });
    // 22 of 43 days; no targets name it yet
    expect(answer.period).toMatchObject({ label: 'Back to school 2026', kind: 'special', from: '2026-08-01', to: '2026-09-12' });
    expect(answer.rows).toEqual([]);
  });

  test('through the operations table, as the CLI and the HTTP API call it', async () => {
    await runOperation(db, 'kpi_periods_set', { name: 'Prime Day 2026', from: '2026-07-14', to: '2026-07-17' });
    const { periods } = await runOperation(db, 'kpi_periods_list', {});
    expect(periods.map((p) => p.name)).toEqual(['Prime Day 2026', 'Back to school 2026']);
    const li = await runOperation(db, 'kpi_status', { period: '2026-09', owner: 'li', as_of: '2026-09-06' });
    // 6 of 30 days = 0.2 expected; the actual still counts all the data to the 6th (the 1–12 report does not fit): null
    expect(row(li, 'sales', 'li')).toMatchObject({ expected_to_date: 0.2, actual: null, status: 'no_data' });
    await expect(runOperation(db, 'kpi_status', { period: '2026-13' })).rejects.toThrow(/2026-W38/);
  });
});

describe('a locked period', () => {
  let locked: KpiStatusAnswer;
  beforeAll(async () => {
    await load('br-2026-09.csv', '2026-09-01', '2026-09-30');
    locked = await kpiLock(db, { period: '2026-09', today: '2026-10-05' });
  });

  test('an open period cannot be locked, a locked one not twice', async () => {
    await expect(kpiLock(db, { period: '2026-10', today: '2026-10-05' })).rejects.toThrow(/has not ended/);
    await expect(kpiLock(db, { period: '2026-09', today: '2026-10-06' })).rejects.toThrow(/was locked at/);
  });

  test('freezes the whole month\'s actuals and scores', () => {
    // li: 1125.00 + 500.00 = 1625.00 / 1500 = 1.0833 > 1.05 → ahead; wang 600 / 1500 = 0.4 → behind
    expect(brief(locked, 'sales', 'li')).toEqual([1625, 1.0833, 1, 'ahead']);
    expect(brief(locked, 'sales', 'wang')).toEqual([600, 0.4, 1, 'behind']);
    // (45 + 20) / (1000 + 500) = 0.043333; / 0.05 = 0.8667
    expect(brief(locked, 'unit_session_pct', 'li')).toEqual([0.043333, 0.8667, 1, 'behind']);
    // li: (2 × 1.0833 + 0.8667) / 3 = 3.0333 / 3 = 1.0111
    expect(locked.scorecards.people[0]).toEqual({ name: 'li', score: 1.0111, kpis: 2, no_data: 0, coverage: 1 });
    expect(locked).toMatchObject({ locked: true, restated: false, as_of: '2026-09-30' });
    expect(locked.rows.every((r) => r.locked)).toBe(true);
  });

  test('records the imports it was computed from: the September files, products and targets, not August', async () => {
    const log = await db.all('SELECT id, file FROM import_log ORDER BY id');
    const id = (file: string) => Number(log.find((r) => String(r.file) === file)?.id);
    expect(locked.imports).toEqual([id('products.csv'), id('targets.csv'), id('br-2026-09.csv')]);
  });

  test('a restating file changes nothing settled, and says so', async () => {
    await load('br-2026-09-restated.csv', '2026-09-01', '2026-09-30');
    const after = await kpiStatus(db, { period: '2026-09' });
    expect(after.rows).toEqual(locked.rows);
    expect(after.scorecards).toEqual(locked.scorecards);
    expect(after.restated).toBe(true);
    expect(after.restated_by.map((i) => i.file)).toEqual(['br-2026-09-restated.csv']);
    // the data itself did change: 1250.00 + 500.00 = 1750.00 for li's mats now
    const [now] = (await db.all("SELECT CAST(sum(sales) AS DOUBLE) AS s FROM br_sales WHERE sku LIKE 'MAT-%' AND date_from = '2026-09-01'"));
    expect(now?.s).toBe(1750);
  });
});

describe('unlock, re-lock and the history', () => {
  test('an unlock needs a reason and a locked period', async () => {
    await expect(kpiUnlock(db, { period: '2026-09', reason: '  ', user: 'boss' })).rejects.toThrow(/needs a reason/);
    await expect(kpiUnlock(db, { period: '2026-08', reason: 'x', user: 'boss' })).rejects.toThrow(/is not locked/);
  });

  test('unlock keeps version 1, says what restated it; the period answers from the data again', async () => {
    const unlocked = await kpiUnlock(db, { period: '2026-09', reason: 'September Business Report restated by Amazon', user: 'boss' });
    expect(unlocked).toMatchObject({ version: 1, unlocked_by: 'boss', reason: 'September Business Report restated by Amazon' });
    expect(unlocked.restated_by.map((i) => i.file)).toEqual(['br-2026-09-restated.csv']);
    const open = await kpiStatus(db, { period: '2026-09' });
    // li: 1250.00 + 500.00 = 1750.00 / 1500 = 1.1667
    expect(open).toMatchObject({ locked: false, version: null });
    expect(brief(open, 'sales', 'li')).toEqual([1750, 1.1667, 1, 'ahead']);
  });

  test('re-lock is version 2; the history lists both versions, who, why and what changed', async () => {
    const relocked = await kpiLock(db, { period: '2026-09', today: '2026-10-07', user: 'boss' });
    expect(relocked).toMatchObject({ locked: true, version: 2, locked_by: 'boss', restated: false });
    const history = await kpiHistory(db, { period: '2026-09' });
    expect(history.events.map((e) => [e.action, e.version, e.user, e.reason, e.restated_by.map((i) => i.file)])).toEqual([
      ['lock', 1, null, null, []],
      ['unlock', 1, 'boss', 'September Business Report restated by Amazon', ['br-2026-09-restated.csv']],
      ['lock', 2, 'boss', null, []],
    ]);
    expect(history.versions.map((v) => [v.version, v.state, v.unlocked_by])).toEqual([[1, 'unlocked', 'boss'], [2, 'in_force', null]]);
    // only li's two rows moved: sales 1625.00 → 1750.00 (1.0833 → 1.1667, still ahead);
    // unit session % (45 + 20) / 1500 = 0.043333 → (50 + 20) / 1500 = 0.046667, attainment 0.8667 → 0.9333 (still behind)
    expect(history.changes).toEqual([{
      from_version: 1, to_version: 2, rows: [
        { kpi: 'sales', scope: {}, owner: 'li', role: 'operator', change: 'changed', fields: ['actual', 'attainment'],
          before: { target: 1500, actual: 1625, attainment: 1.0833, status: 'ahead' }, after: { target: 1500, actual: 1750, attainment: 1.1667, status: 'ahead' } },
        { kpi: 'unit_session_pct', scope: {}, owner: 'li', role: 'operator', change: 'changed', fields: ['actual', 'attainment'],
          before: { target: 0.05, actual: 0.043333, attainment: 0.8667, status: 'behind' }, after: { target: 0.05, actual: 0.046667, attainment: 0.9333, status: 'behind' } },
        // the Bath line (both mats) 1625 / 1800 = 0.9028 → 1750 / 1800 = 0.9722: behind → on track
        { kpi: 'sales', scope: { marketplace: 'US', product_line: 'Bath' }, owner: null, role: 'manager', change: 'changed', fields: ['actual', 'attainment', 'status'],
          before: { target: 1800, actual: 1625, attainment: 0.9028, status: 'behind' }, after: { target: 1800, actual: 1750, attainment: 0.9722, status: 'on_track' } },
      ],
    }]);
  });
});
