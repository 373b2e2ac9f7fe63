import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { defaultMonth } from './default-period.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.7: a question without a period answers the latest complete month that has data, and
 * says so. One Business Report by child item for September 2026 (US) and a September target; today
 * (December 2026) September has long ended.
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-default-period-'));
  writeFileSync(join(dir, 'br-2026-09.csv'), `\ufeff${header}\nB0DEFPAR00,B0DEFAULT1,Mat,MAT-1,1000,0,100.00%,0.00%,1000,0,100.00%,0.00%,100.00%,0.00%,40,0,4.00%,0.00%,"$800.00",$0.00,40,0\n`);
  writeFileSync(join(dir, 'targets.csv'), 'kpi,period,target,marketplace\nsales,2026-09,1000,US\n');
  db = await Database.open(join(dir, 'default.duckdb'));
  expect((await importFiles(db, [join(dir, 'targets.csv')], { marketplace: 'US' })).files[0]?.status).toBe('imported');
  expect((await importFiles(db, [join(dir, 'br-2026-09.csv')], { marketplace: 'US', from: '2026-09-01', to: '2026-09-30' })).files[0]?.status).toBe('imported');
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kpi status without --period', () => {
  test('answers September, the latest complete month with data, and says so in zh and en', async () => {
    // what `asterism kpi status` and GET /api/kpi/status run without a period
    const answer = await runOperation(db, 'kpi_status', {});
    expect(answer.period).toMatchObject({ label: '2026-09', from: '2026-09-01', to: '2026-09-30' });
    expect(answer.period_note).toEqual({
      en: 'No period given: 2026-09, the latest complete month with data (data through 2026-09-30)',
      zh: '未指定期间：有数据的最近一个完整月份 2026-09（数据截至 2026-09-30）',
    });
    // 800.00 of 1,000 → 0.8, the month over → behind (not the empty current month's no_data)
    expect(answer.rows.map((r) => [r.kpi, r.actual, r.attainment, r.status])).toEqual([['sales', 800, 0.8, 'behind']]);
  });

  test('a period given is answered as given, with no note', async () => {
    const answer = await runOperation(db, 'kpi_status', { period: '2026-10' });
    expect(answer).toMatchObject({ period: { label: '2026-10' }, period_note: null });
  });

  test('kpi explain says which period it explains', async () => {
    expect((await runOperation(db, 'kpi_explain', {})).period_note?.en).toMatch(/^No period given: 2026-09/);
  });
});

describe('the month picked', () => {
  test('while the month with the data still runs, and none before it has data: that month, said to be running', async () => {
    const choice = await defaultMonth(db, '2026-09-20');
    expect(choice.period.label).toBe('2026-09');
    expect(choice.note.en).toBe('No period given: no month with data has ended, so 2026-09, still running (data through 2026-09-30)');
  });

  test('targets steer it only to a complete month with data: August has targets but no data', async () => {
    expect((await defaultMonth(db, '2026-12-07', ['2026-08'])).period.label).toBe('2026-09');
  });

  test('with no data at all: this month, said so', async () => {
    const empty = await Database.open(join(dir, 'empty.duckdb'));
    try {
      expect(await defaultMonth(empty, '2026-12-07')).toMatchObject({ period: { label: '2026-12' }, note: { en: 'No period given: no data imported yet, so this month, 2026-12' } });
    } finally {
      empty.close();
    }
  });
});
